import type { Locale } from '../../../domain/device-session';
import { formatNip } from '../../../domain/user';
import { formatDate, formatNumber } from '../../i18n/format';
import { describeTie } from '../describe-tie';
import type { StageReport } from '../stage-report';
import { affiliationText, documentText } from './document-texts';
import { PdfWriter, type PaperSize } from './pdf-writer';

/** What the panitia writes in before printing: the report itself comes from the scores. */
export interface BeritaAcaraDetails {
  /** Defaults to "BERITA ACARA PENILAIAN". */
  title?: string;
  /** The legal basis (dasar), one item per line: a decree, a regulation. */
  basis: readonly string[];
  place: string;
  /** ISO date of the plenary, "2022-08-18". */
  date: string;
  paper: PaperSize;
}

/**
 * The berita acara penilaian of one stage: title, basis, date and place in words, per
 * category the ranked entries with their final scores (the raw mean, the official one)
 * and a note on every tie, then one signature block per judge (name, NIP grouped,
 * affiliation).
 */
export async function beritaAcaraPdf(
  report: StageReport,
  details: BeritaAcaraDetails,
  locale: Locale,
): Promise<Uint8Array> {
  const t = documentText(locale);
  const { competition, stage, rubric } = report.records;
  const title = details.title ?? t('beritaAcara');
  const pdf = await PdfWriter.create(details.paper, `${title} — ${stage.name}`);
  const date = formatDate(locale, details.date);
  const titleOf = (id: string) => report.entryById.get(id)?.title ?? id;

  pdf.paragraph(title, { size: 14, bold: true, align: 'center' });
  pdf.paragraph(`${competition.name} — ${stage.name}`, { size: 11, bold: true, align: 'center' });
  pdf.gap(12);
  if (details.basis.length > 0) {
    pdf.paragraph(`${t('basis')}:`, { bold: true });
    details.basis.forEach((item, index) => pdf.paragraph(`${index + 1}. ${item}`));
    pdf.gap(8);
  }
  pdf.paragraph(
    t('opening', { date, place: details.place, stage: stage.name, competition: competition.name }),
  );

  const w = pdf.contentWidth;
  const columns = [0.1, 0.42, 0.3, 0.18].map((share) => share * w);
  const cell = (text: string, index: number, align: 'left' | 'right' = 'left') => ({
    text,
    width: columns[index] ?? 0,
    align,
  });
  for (const { category, results } of report.categories) {
    pdf.gap(10);
    pdf.paragraph(`${t('category')}: ${category.name}`, { bold: true, size: 11 });
    pdf.row(
      [cell(t('rank'), 0), cell(t('title'), 1), cell(t('unit'), 2), cell(t('score'), 3, 'right')],
      { bold: true },
    );
    for (const entry of results.rawRanking.entries) {
      const unit = report.entryById.get(entry.entryId)?.unit.name ?? '';
      pdf.row([
        cell(String(entry.rank), 0),
        cell(titleOf(entry.entryId), 1),
        cell(unit, 2),
        cell(formatNumber(locale, entry.score), 3, 'right'),
      ]);
      if (entry.tie) {
        pdf.paragraph(describeTie(entry.tie, entry.entryId, titleOf, rubric, t), { size: 8 });
      }
    }
  }

  pdf.gap(12);
  pdf.paragraph(t('closing'));
  pdf.gap(8);
  pdf.paragraph(t('signed', { place: details.place, date }));
  pdf.paragraph(t('panel'), { bold: true });
  pdf.gap(6);
  pdf.columns(
    report.judges.map((judge, index) => (x, width) => {
      pdf.paragraph(`${index + 1}. ${judge.name}`, { bold: true }, x, width);
      pdf.gap(40);
      pdf.paragraph('(.................................)', {}, x, width);
      if (judge.nip !== undefined)
        pdf.paragraph(`${t('nip')} ${formatNip(judge.nip)}`, {}, x, width);
      const affiliation = [
        judge.affiliation ? affiliationText(locale, judge.affiliation) : '',
        judge.unit?.name ?? '',
      ].filter((part) => part !== '');
      if (affiliation.length > 0) pdf.paragraph(affiliation.join(', '), { size: 9 }, x, width);
    }),
    110,
  );
  return pdf.save();
}
