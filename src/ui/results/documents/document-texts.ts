import type { Locale } from '../../../domain/device-session';
import type { Affiliation } from '../../../domain/user';

/**
 * The words printed in the results documents, in both languages. They are not screen
 * texts: a berita acara is printed at the panitia's desk, offline, in the language chosen
 * there, so they travel with the documents' own chunk.
 */
const ID = {
  beritaAcara: 'BERITA ACARA PENILAIAN',
  basis: 'Dasar',
  opening:
    'Pada {date} bertempat di {place}, dewan juri telah melaksanakan penilaian {stage} {competition} dengan hasil sebagai berikut:',
  category: 'Kategori',
  rank: 'Peringkat',
  title: 'Judul inovasi',
  unit: 'Unit',
  score: 'Nilai akhir',
  judges: 'Jumlah juri',
  tieNote: 'Nilai sama dengan {others}; diurutkan oleh {rule}.',
  tieOpen: 'Nilai sama dengan {others}; belum diputuskan, menunggu rapat pleno.',
  closing: 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.',
  signed: '{place}, {date}',
  panel: 'Dewan Juri',
  nip: 'NIP',
  scoreSheet: 'LEMBAR PENILAIAN JURI',
  judge: 'Juri',
  criterion: 'Kriteria',
  weight: 'Bobot',
  value: 'Nilai',
  total: 'Jumlah',
  entry: 'Inovasi',
  summarySheet: 'Ringkasan',
  detailSheet: 'Rincian',
  stage: 'Tahap',
  normalisedScore: 'Nilai ternormalisasi',
  ruleCriterion: 'kriteria {name}',
  ruleFirstPlaces: 'jumlah peringkat pertama',
  rulePlenary: 'keputusan pleno ({reason})',
  plenaryRecorded: 'Dicatat oleh {by}, {at}.',
} as const;

export type DocumentKey = keyof typeof ID;

const EN: Record<DocumentKey, string> = {
  beritaAcara: 'MINUTES OF THE JUDGING',
  basis: 'Basis',
  opening:
    'On {date} at {place}, the panel of judges assessed {stage} of {competition}, with the following results:',
  category: 'Category',
  rank: 'Rank',
  title: 'Innovation',
  unit: 'Unit',
  score: 'Final score',
  judges: 'Judges',
  tieNote: 'Same score as {others}; ordered by {rule}.',
  tieOpen: 'Same score as {others}; not settled, awaiting the plenary.',
  closing: 'These minutes are made to be used as appropriate.',
  signed: '{place}, {date}',
  panel: 'Panel of judges',
  nip: 'NIP',
  scoreSheet: "JUDGE'S SCORE SHEET",
  judge: 'Judge',
  criterion: 'Criterion',
  weight: 'Weight',
  value: 'Value',
  total: 'Total',
  entry: 'Innovation',
  summarySheet: 'Summary',
  detailSheet: 'Detail',
  stage: 'Stage',
  normalisedScore: 'Normalised score',
  ruleCriterion: 'criterion {name}',
  ruleFirstPlaces: 'number of first places',
  rulePlenary: 'plenary decision ({reason})',
  plenaryRecorded: 'Recorded by {by}, {at}.',
};

const AFFILIATION: Record<Locale, Record<Affiliation, string>> = {
  id: { akademisi: 'Akademisi', pemerintah: 'Pemerintah', praktisi: 'Praktisi', media: 'Media' },
  en: { akademisi: 'Academia', pemerintah: 'Government', praktisi: 'Practitioner', media: 'Media' },
};

export type DocumentTranslate = (key: DocumentKey, params?: Record<string, string>) => string;

export function documentText(locale: Locale): DocumentTranslate {
  const catalogue: Record<DocumentKey, string> = locale === 'id' ? ID : EN;
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => params?.[name] ?? whole);
}

export function affiliationText(locale: Locale, affiliation: Affiliation): string {
  return AFFILIATION[locale][affiliation];
}
