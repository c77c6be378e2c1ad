import { useScreenText, type ScreenTranslate } from './screen-text';

/** Texts of the panel of refused changes and clashes (ProblemsPanel, lazy). */
const PROBLEMS_ID = {
  rejectedTitle: 'Perubahan yang ditolak server',
  rejectedReason: 'Alasan: {message}',
  discardChange: 'Buang perubahan ini',
  conflictsTitle: 'Nilai yang bertabrakan antarperangkat',
  conflictField: '{field}: dipakai {kept}, diganti {lost}',
};

type ProblemsKey = keyof typeof PROBLEMS_ID;

const PROBLEMS_EN: Record<ProblemsKey, string> = {
  rejectedTitle: 'Changes the server refused',
  rejectedReason: 'Reason: {message}',
  discardChange: 'Discard this change',
  conflictsTitle: 'Values that clashed between devices',
  conflictField: '{field}: kept {kept}, replaced {lost}',
};

export function useProblemsText(): ScreenTranslate<ProblemsKey> {
  return useScreenText({ id: PROBLEMS_ID, en: PROBLEMS_EN });
}
