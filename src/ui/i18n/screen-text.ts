import type { Locale } from '../../domain/device-session';
import { useI18n } from './i18n-context';
import type { MessageKey } from './messages-id';

export type ScreenTranslate<K extends string> = (
  key: K | MessageKey,
  params?: Record<string, string | number>,
) => string;

/**
 * A lazy screen's own texts, in both languages, shipped in that screen's chunk so the
 * judge's first download carries only the texts of the first screen. Any other key falls
 * through to the app's catalogue.
 */
export function useScreenText<K extends string>(
  catalogues: Record<Locale, Record<K, string>>,
): ScreenTranslate<K> {
  const { locale, t } = useI18n();
  const catalogue = catalogues[locale];
  return (key, params) => {
    if (!Object.hasOwn(catalogue, key)) return t(key as MessageKey, params);
    return catalogue[key as K].replace(/\{(\w+)\}/g, (whole, name: string) =>
      String(params?.[name] ?? whole),
    );
  };
}
