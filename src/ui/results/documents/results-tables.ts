import type { Locale } from '../../../domain/device-session';
import { describeTie } from '../describe-tie';
import type { StageReport } from '../stage-report';
import { documentText } from './document-texts';

export type TableCell = string | number | null;
export interface ResultsTable {
  name: string;
  header: string[];
  rows: TableCell[][];
}

/**
 * The two exports as plain tables, one row per line, shared by the CSV and the XLSX file:
 * the summary (one row per ranked entry, in rank order per category) and the detail (one
 * row per entry, judge and criterion). Scores stay numbers at full precision, so every
 * number can be recomputed from the detail.
 */
export function resultsTables(report: StageReport, locale: Locale): ResultsTable[] {
  const t = documentText(locale);
  const titleOf = (id: string) => report.entryById.get(id)?.title ?? id;
  const summary: ResultsTable = {
    name: t('summarySheet'),
    header: [
      t('category'),
      t('rank'),
      t('title'),
      t('unit'),
      t('score'),
      t('judges'),
      t('normalisedScore'),
      '',
    ],
    rows: [],
  };
  const detail: ResultsTable = {
    name: t('detailSheet'),
    header: [
      t('category'),
      t('rank'),
      t('title'),
      t('judge'),
      t('criterion'),
      t('weight'),
      t('value'),
      t('total'),
    ],
    rows: [],
  };
  const { rubric } = report.records;
  for (const { category, panel, results } of report.categories) {
    const normalised = results.normalisedRanking.available
      ? new Map(results.normalisedRanking.ranking.entries.map((e) => [e.entryId, e.score]))
      : new Map<string, number>();
    for (const entry of results.rawRanking.entries) {
      summary.rows.push([
        category.name,
        entry.rank,
        titleOf(entry.entryId),
        report.entryById.get(entry.entryId)?.unit.name ?? '',
        entry.score,
        entry.judgeCount,
        normalised.get(entry.entryId) ?? null,
        entry.tie ? describeTie(entry.tie, entry.entryId, titleOf, rubric, t) : '',
      ]);
      const scores = panel.scores
        .filter((s) => s.entryId === entry.entryId)
        .map((s) => ({ ...s, judgeName: report.userById.get(s.judgeId)?.name ?? s.judgeId }))
        .sort((a, b) => a.judgeName.localeCompare(b.judgeName, 'id'));
      for (const score of scores) {
        for (const criterion of rubric.criteria) {
          detail.rows.push([
            category.name,
            entry.rank,
            titleOf(entry.entryId),
            score.judgeName,
            criterion.name,
            criterion.weight,
            score.criterionValues[criterion.key] ?? null,
            score.total,
          ]);
        }
      }
    }
  }
  return [summary, detail];
}
