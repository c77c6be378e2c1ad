import type { Translate } from './i18n-context';

/** "12 menit lalu", "3 jam lalu": how long ago, in the words people use. */
export function formatAge(t: Translate, ageMs: number): string {
  const minutes = Math.floor(ageMs / 60_000);
  if (minutes < 1) return t('ageJustNow');
  if (minutes < 60) return t('ageMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return t('ageHours', { count: hours });
  return t('ageDays', { count: Math.floor(hours / 24) });
}
