import type { Locale } from '../../domain/device-session';

const BCP47: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Building an Intl formatter costs far more than using one (it loads locale data): the
 * running total is formatted on every keystroke, so each formatter is made once.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as F;
}

/** "18 Agustus 2022" in Indonesian, "18 August 2022" in English. */
export function formatDate(locale: Locale, isoDate: string): string {
  // A calendar date has no time zone: format it at noon UTC so no zone shifts the day.
  const date = new Date(`${isoDate.slice(0, 10)}T12:00:00Z`);
  return cached(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(BCP47[locale], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }),
  ).format(date);
}

/**
 * "18 Agustus 2022 09.00 WIB": Indonesian writes times with a dot and names the zone.
 * Shown in the device's own zone, which for these users is WIB, WITA or WIT.
 */
export function formatDateTime(locale: Locale, instant: Date): string {
  const parts = cached(
    `datetime:${locale}`,
    () =>
      new Intl.DateTimeFormat(BCP47[locale], {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
        timeZoneName: 'short',
      }),
  ).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const zone = locale === 'id' ? indonesianZone(get('timeZoneName')) : get('timeZoneName');
  const separator = locale === 'id' ? '.' : ':';
  return `${get('day')} ${get('month')} ${get('year')} ${get('hour')}${separator}${get('minute')} ${zone}`.trim();
}

/** Intl names Indonesian zones by offset; people say WIB, WITA and WIT. */
function indonesianZone(name: string): string {
  const byOffset: Record<string, string> = { 'GMT+7': 'WIB', 'GMT+8': 'WITA', 'GMT+9': 'WIT' };
  return byOffset[name] ?? name;
}

/** 1.234,56 in Indonesian, 1,234.56 in English. */
export function formatNumber(locale: Locale, value: number, fractionDigits = 2): string {
  return cached(
    `number:${locale}:${fractionDigits}`,
    () =>
      new Intl.NumberFormat(BCP47[locale], {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }),
  ).format(value);
}
