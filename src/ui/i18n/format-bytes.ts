import type { Locale } from '../../domain/device-session';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** "12,3 MB" in Indonesian, "12.3 MB" in English (decimal units, as phones show them). */
export function formatBytes(locale: Locale, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
