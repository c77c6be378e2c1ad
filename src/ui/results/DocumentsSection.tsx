import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n-context';
import { useResultsText } from './results-messages';
import { saveFile } from './save-file';
import type { StageReport } from './stage-report';

type PaperSize = 'A4' | 'F4';

/**
 * The berita acara, the judges' score sheets and the exports. Their code (pdf-lib,
 * write-excel-file) loads on the first click, from the service worker's cache offline.
 */
export function DocumentsSection(props: { report: StageReport; today: string }) {
  const t = useResultsText();
  const { locale } = useI18n();
  const { report } = props;
  const { competition, stage } = report.records;
  const [paper, setPaper] = useState<PaperSize>('A4');
  const [place, setPlace] = useState('');
  const [date, setDate] = useState(props.today);
  const [basis, setBasis] = useState('');
  const [judgeId, setJudgeId] = useState(report.judges[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const baseName = `${competition.name} ${stage.name}`.replace(/[^\p{L}\p{N}]+/gu, '-');

  const make = async (build: () => Promise<{ name: string; blob: Blob }>) => {
    setBusy(true);
    try {
      const { name, blob } = await build();
      saveFile(blob, name);
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };
  const pdf = (bytes: Uint8Array) => new Blob([bytes.slice().buffer], { type: 'application/pdf' });
  const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

  return (
    <section class="card" aria-labelledby="documents-title">
      <h3 id="documents-title">{t('documentsTitle')}</h3>
      <div class="field-row">
        <label class="field">
          {t('paper')}
          <select value={paper} onChange={(e) => setPaper(e.currentTarget.value as PaperSize)}>
            <option value="A4">A4</option>
            <option value="F4">F4 (215 × 330 mm)</option>
          </select>
        </label>
        <label class="field">
          {t('place')}
          <input value={place} onInput={(e) => setPlace(e.currentTarget.value)} />
        </label>
        <label class="field">
          {t('date')}
          <input type="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
      </div>
      <label class="field">
        {t('basis')}
        <textarea rows={3} value={basis} onInput={(e) => setBasis(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() =>
            void make(async () => {
              const { beritaAcaraPdf } = await import('./documents/berita-acara-pdf');
              const bytes = await beritaAcaraPdf(
                report,
                { basis: basis.split('\n').filter((l) => l.trim() !== ''), place, date, paper },
                locale,
              );
              return { name: `Berita-acara-${baseName}.pdf`, blob: pdf(bytes) };
            })
          }
        >
          {t('beritaAcaraPdf')}
        </button>
      </div>
      <div class="field-row with-button">
        <label class="field">
          {t('scoreSheetJudge')}
          <select value={judgeId} onChange={(e) => setJudgeId(e.currentTarget.value)}>
            {report.judges.map((judge) => (
              <option key={judge.id} value={judge.id}>
                {judge.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          class="button"
          disabled={busy || judgeId === ''}
          onClick={() =>
            void make(async () => {
              const { scoreSheetPdf } = await import('./documents/score-sheet-pdf');
              const bytes = await scoreSheetPdf(report, judgeId, paper, locale);
              const name = report.userById.get(judgeId)?.name ?? judgeId;
              return {
                name: `Lembar-nilai-${name.replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
                blob: pdf(bytes),
              };
            })
          }
        >
          {t('scoreSheetPdf')}
        </button>
      </div>
      <div class="actions">
        {(['summaryCsv', 'detailCsv'] as const).map((key, index) => (
          <button
            key={key}
            type="button"
            class="button"
            disabled={busy}
            onClick={() =>
              void make(async () => {
                const [{ resultsTables }, { resultsCsv }] = await Promise.all([
                  import('./documents/results-tables'),
                  import('./documents/results-csv'),
                ]);
                const table = resultsTables(report, locale)[index];
                if (!table) throw new Error('no table');
                return {
                  name: `${table.name}-${baseName}.csv`,
                  blob: csv(resultsCsv(table, locale)),
                };
              })
            }
          >
            {t(key)}
          </button>
        ))}
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() =>
            void make(async () => {
              const [{ resultsTables }, { resultsXlsx }] = await Promise.all([
                import('./documents/results-tables'),
                import('./documents/results-xlsx'),
              ]);
              return {
                name: `Hasil-${baseName}.xlsx`,
                blob: await resultsXlsx(resultsTables(report, locale)),
              };
            })
          }
        >
          {t('workbookXlsx')}
        </button>
      </div>
      {busy && <p role="status">{t('preparing')}</p>}
      {error !== null && <p role="alert">{t('documentFailed', { message: error })}</p>}
    </section>
  );
}
