import type { Locale } from '../../../domain/device-session';
import { formatNip } from '../../../domain/user';
import { formatNumber } from '../../i18n/format';
import type { StageReport } from '../stage-report';
import { affiliationText, documentText } from './document-texts';
import { PdfWriter, type PaperSize } from './pdf-writer';

/**
 * One judge's score sheet for a stage: per category and entry (in the panel's rank
 * order), the value given on each criterion with its weight and the judge's total, and
 * the judge's signature block. Only counted scores appear: what the ranking rests on.
 */
export async function scoreSheetPdf(
  report: StageReport,
  judgeId: string,
  paper: PaperSize,
  locale: Locale,
): Promise<Uint8Array> {
  const t = documentText(locale);
  const { competition, stage, rubric } = report.records;
  const judge = report.userById.get(judgeId);
  const judgeName = judge?.name ?? judgeId;
  const pdf = await PdfWriter.create(paper, `${t('scoreSheet')} — ${judgeName}`);
  pdf.paragraph(t('scoreSheet'), { size: 14, bold: true, align: 'center' });
  pdf.paragraph(`${competition.name} — ${stage.name}`, { size: 11, bold: true, align: 'center' });
  pdf.gap(8);
  pdf.paragraph(`${t('judge')}: ${judgeName}`, { bold: true });
  if (judge?.nip !== undefined) pdf.paragraph(`${t('nip')} ${formatNip(judge.nip)}`);

  const w = pdf.contentWidth;
  const columns = [0.6, 0.15, 0.25].map((share) => share * w);
  for (const { category, panel, results } of report.categories) {
    for (const ranked of results.rawRanking.entries) {
      const score = panel.scores.find((s) => s.entryId === ranked.entryId && s.judgeId === judgeId);
      if (!score) continue;
      const entry = report.entryById.get(ranked.entryId);
      pdf.gap(10);
      pdf.paragraph(`${entry?.title ?? ranked.entryId} (${entry?.unit.name ?? ''})`, {
        bold: true,
      });
      pdf.paragraph(`${t('category')}: ${category.name}`, { size: 9 });
      pdf.row(
        [
          { text: t('criterion'), width: columns[0] ?? 0 },
          { text: t('weight'), width: columns[1] ?? 0, align: 'right' },
          { text: t('value'), width: columns[2] ?? 0, align: 'right' },
        ],
        { bold: true },
      );
      for (const criterion of rubric.criteria) {
        const value = score.criterionValues[criterion.key];
        pdf.row([
          { text: criterion.name, width: columns[0] ?? 0 },
          {
            text: formatNumber(locale, criterion.weight, 0),
            width: columns[1] ?? 0,
            align: 'right',
          },
          {
            text: value === undefined ? '–' : formatNumber(locale, value),
            width: columns[2] ?? 0,
            align: 'right',
          },
        ]);
      }
      pdf.row(
        [
          { text: t('total'), width: (columns[0] ?? 0) + (columns[1] ?? 0) },
          { text: formatNumber(locale, score.total), width: columns[2] ?? 0, align: 'right' },
        ],
        { bold: true },
      );
    }
  }
  pdf.gap(24);
  pdf.paragraph(judgeName, { bold: true });
  pdf.gap(40);
  pdf.paragraph('(.................................)');
  if (judge?.affiliation) pdf.paragraph(affiliationText(locale, judge.affiliation), { size: 9 });
  return pdf.save();
}
