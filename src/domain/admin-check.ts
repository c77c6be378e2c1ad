import { ADMIN_CHECK_ITEMS, type AdminCheckItem, type Entry } from './entry';

/**
 * The administrative check (seleksi administrasi, DOMAIN.md): pass or fail per item, with
 * a reason. The entry keeps the items, the outcome they give and a reason written from
 * them (entry.adminCheck); the items are pre-filled from what the profile shows.
 */
export { ADMIN_CHECK_ITEMS, type AdminCheckItem };
export type AdminCheckItemKey = (typeof ADMIN_CHECK_ITEMS)[number];

/** Implementation time a round asks for: KIPP one year, Krenova often six months. */
export interface AdminCheckRules {
  minMonthsImplemented: number;
  /** The date of the check, YYYY-MM-DD. */
  today: string;
}

/** The items as the profile suggests them; the panitia confirms or changes each. */
export function suggestAdminCheck(entry: Entry, rules: AdminCheckRules): AdminCheckItem[] {
  const months = monthsBetween(entry.startedOn, rules.today);
  return [
    {
      item: 'profile',
      passed: entry.summary.trim() !== '' && entry.contact !== undefined,
      note: '',
    },
    { item: 'evidence', passed: entry.evidence.length > 0, note: '' },
    { item: 'implementation', passed: months >= rules.minMonthsImplemented, note: '' },
    { item: 'unit', passed: true, note: '' },
  ];
}

export function adminCheckOutcome(items: readonly AdminCheckItem[]): 'passed' | 'failed' {
  return items.every((i) => i.passed) ? 'passed' : 'failed';
}

/** Failed items without a reason: the check cannot be saved while there are any. */
export function itemsLackingReason(items: readonly AdminCheckItem[]): AdminCheckItemKey[] {
  return items.filter((i) => !i.passed && i.note.trim() === '').map((i) => i.item);
}

/** Whole months from one calendar date to another (2021-03-15 → 2022-03-14 is 11). */
export function monthsBetween(fromIsoDate: string, toIsoDate: string): number {
  const [fy = 0, fm = 0, fd = 0] = fromIsoDate.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = toIsoDate.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm);
  return td >= fd ? months : months - 1;
}
