import { useScreenText, type ScreenTranslate } from './screen-text';

/** Texts of the competitions overview (HomePage, CompetitionSection): a lazy screen. */
const HOME_ID = {
  signedInAs: 'Masuk sebagai {name}',
  competitions: 'Lomba',
  noCompetitions: 'Belum ada data lomba di perangkat ini. Sinkronkan saat ada sinyal.',
  demoNotice: 'Lomba ini adalah data contoh untuk mencoba aplikasi, bukan penilaian sungguhan.',
  entriesCount: '{count} inovasi',
  organiser: 'Penyelenggara',
  badRows: '{count} data di perangkat rusak dan dilewati.',
};

type HomeKey = keyof typeof HOME_ID;

const HOME_EN: Record<HomeKey, string> = {
  signedInAs: 'Signed in as {name}',
  competitions: 'Competitions',
  noCompetitions: 'No competition data on this device yet. Sync when you have signal.',
  demoNotice: 'This competition is demo data for trying the app, not a real round.',
  entriesCount: '{count} innovations',
  organiser: 'Organiser',
  badRows: '{count} records on this device are damaged and were skipped.',
};

export function useHomeText(): ScreenTranslate<HomeKey> {
  return useScreenText({ id: HOME_ID, en: HOME_EN });
}
