import { useState } from 'preact/hooks';
import {
  csvImportTable,
  entriesToImport,
  IMPORT_COLUMNS,
  IMPORT_HEADERS,
  readEntryTable,
  REQUIRED_IMPORT_COLUMNS,
  type EntryImportReport,
  type ImportColumn,
  type ImportProblem,
  type ImportTable,
} from '../../domain/entry-import';
import { listCategoriesOfCompetition } from '../../db/list-categories-of-competition';
import { listEntriesOfCompetition } from '../../db/list-entries-of-competition';
import { useServices } from '../app-services';
import { useLive } from '../use-live';
import { useManageText, type ManageTranslate } from './manage-messages';
import { managePath } from './manage-routes';
import { saveTemplateXlsx, templateCsvHref } from './import-template';
import { NavLink } from './NavLink';
import { useSaveRecords } from './use-save-records';

/**
 * Entries from a CSV or XLSX file (issue 5, "Import"): a report per row and field, and
 * nothing imported while a row is invalid unless "only the valid rows" is chosen.
 */
export function ImportScreen(props: { competitionId: string }) {
  const t = useManageText();
  const { makeId } = useServices();
  const { competitionId } = props;
  const categories = useLive(
    (db) => listCategoriesOfCompetition(db, competitionId),
    [competitionId],
  );
  const entries = useLive((db) => listEntriesOfCompetition(db, competitionId), [competitionId]);
  const { save, saving, error } = useSaveRecords();
  const [report, setReport] = useState<EntryImportReport | null>(null);
  const [fileName, setFileName] = useState('');
  const [validOnly, setValidOnly] = useState(false);
  const [reading, setReading] = useState(false);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setReading(true);
    setImported(null);
    setUnreadable(null);
    try {
      const isXlsx = /\.xlsx$/i.test(file.name);
      const table: ImportTable & { unterminatedQuoteLine?: number } = isXlsx
        ? await (await import('./xlsx-table')).readXlsxTable(file)
        : csvTable(await file.text());
      const result = readEntryTable(table, {
        competitionId,
        categories: categories?.rows ?? [],
        existing: entries?.rows ?? [],
        makeId,
      });
      setReport(
        table.unterminatedQuoteLine === undefined
          ? result
          : {
              ...result,
              fileProblems: [
                { code: 'unterminated-quote', line: table.unterminatedQuoteLine },
                ...result.fileProblems,
              ],
            },
      );
      setFileName(file.name);
    } catch (caught) {
      setReport(null);
      setUnreadable(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setReading(false);
    }
  };

  const toImport = report
    ? entriesToImport(report, validOnly ? 'valid-only' : 'all-or-nothing')
    : [];
  const run = async () => {
    if (toImport.length === 0) return;
    if (await save(toImport.map((data) => ({ kind: 'entry', data })))) {
      setImported(toImport.length);
      setReport(null);
    }
  };

  return (
    <>
      <h2>{t('importTitle')}</h2>
      <p>{t('importIntro')}</p>
      <details class="card">
        <summary>{t('importColumns')}</summary>
        <ul>
          {IMPORT_COLUMNS.map((column) => (
            <li key={column}>
              <strong>{IMPORT_HEADERS[column][0]}</strong>
              {REQUIRED_IMPORT_COLUMNS.includes(column) ? ` (${t('required')})` : ''} —{' '}
              {t(`importColumnHelp.${column}`)}
            </li>
          ))}
        </ul>
        <div class="actions">
          <a class="button secondary" href={templateCsvHref()} download="templat-peserta.csv">
            {t('downloadTemplate')}
          </a>
          <button type="button" class="button secondary" onClick={() => void saveTemplateXlsx()}>
            {t('downloadTemplateXlsx')}
          </button>
        </div>
      </details>
      <label class="field">
        {t('chooseFile')}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={reading || categories === undefined}
          onChange={(e) => void read(e.currentTarget.files?.[0])}
        />
      </label>
      {unreadable && <p class="error">{t('fileUnreadable', { detail: unreadable })}</p>}
      {imported !== null && (
        <p role="status" class="notice">
          {t('importDone', { count: imported })}{' '}
          <NavLink href={managePath.entries(competitionId)}>{t('entriesTitle')}</NavLink>
        </p>
      )}
      {report && (
        <ImportReportView
          report={report}
          fileName={fileName}
          validOnly={validOnly}
          onValidOnly={setValidOnly}
          importCount={toImport.length}
          onImport={() => void run()}
          busy={saving}
        />
      )}
      {error && <p class="error">{t('saveFailed', { detail: error })}</p>}
    </>
  );
}

function csvTable(text: string): ImportTable & { unterminatedQuoteLine?: number } {
  const { table, unterminatedQuoteLine } = csvImportTable(text);
  return unterminatedQuoteLine === undefined ? table : { ...table, unterminatedQuoteLine };
}

function ImportReportView(props: {
  report: EntryImportReport;
  fileName: string;
  validOnly: boolean;
  onValidOnly: (value: boolean) => void;
  importCount: number;
  onImport: () => void;
  busy: boolean;
}) {
  const t = useManageText();
  const { report } = props;
  const bad = report.rows.filter((r) => r.problems.length > 0);
  return (
    <section class="card import-report" aria-labelledby="report-title">
      <h3 id="report-title">{t('reportTitle', { file: props.fileName })}</h3>
      {report.fileProblems.map((p, i) => (
        <p key={i} class="error">
          {p.code === 'missing-column'
            ? t('missingColumn', { column: IMPORT_HEADERS[p.column][0] ?? p.column })
            : p.code === 'unterminated-quote'
              ? t('unterminatedQuote', { line: p.line })
              : t('noRows')}
        </p>
      ))}
      {report.ignoredHeaders.length > 0 && (
        <p class="muted">{t('ignoredColumns', { columns: report.ignoredHeaders.join(', ') })}</p>
      )}
      {report.fileProblems.length === 0 && (
        <p class="report-summary">
          {t('reportSummary', { valid: report.validCount, invalid: report.invalidCount })}
        </p>
      )}
      {bad.length > 0 && (
        <div class="table-scroll">
          <table>
            <caption>{t('rowsWithProblems')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('line')}</th>
                <th scope="col">{t('column')}</th>
                <th scope="col">{t('problem')}</th>
              </tr>
            </thead>
            <tbody>
              {bad.flatMap((row) =>
                row.problems.map((problem, i) => (
                  <tr key={`${row.line}-${i}`}>
                    <td>{row.line}</td>
                    <td>{columnLabel(problem.column)}</td>
                    <td>{problemText(t, problem)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {report.invalidCount > 0 && report.validCount > 0 && (
        <label class="check">
          <input
            type="checkbox"
            checked={props.validOnly}
            onChange={(e) => props.onValidOnly(e.currentTarget.checked)}
          />
          {t('importValidOnly', { count: report.validCount })}
        </label>
      )}
      {report.invalidCount > 0 && !props.validOnly && report.fileProblems.length === 0 && (
        <p class="warning">{t('nothingWhileInvalid')}</p>
      )}
      <button
        type="button"
        class="button primary"
        disabled={props.importCount === 0 || props.busy}
        onClick={props.onImport}
      >
        {t('importCount', { count: props.importCount })}
      </button>
    </section>
  );
}

function columnLabel(column: ImportColumn): string {
  return IMPORT_HEADERS[column][0] ?? column;
}

function problemText(t: ManageTranslate, problem: ImportProblem): string {
  return t(`importProblem.${problem.code}`, {
    value: problem.value ?? '',
    detail: problem.detail ?? '',
  });
}
