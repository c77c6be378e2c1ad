import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import type { Locale } from '../../domain/device-session';
import { MESSAGES_ID, type MessageKey } from './messages-id';

export type Catalogue = Record<MessageKey, string>;

/**
 * Indonesian, the default, is in the first download; English loads in its own chunk when
 * a device uses it (it is precached, so that works offline too).
 */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === 'id' ? MESSAGES_ID : (await import('./messages-en')).MESSAGES_EN;
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
}

export function makeTranslate(catalogue: Catalogue): Translate {
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(params?.[name] ?? whole));
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider(props: { value: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={props.value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider above it');
  return value;
}
