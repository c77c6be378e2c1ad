import { LOCALES } from '../../domain/device-session';
import { useI18n } from '../i18n/i18n-context';

const LABELS = { id: 'Bahasa Indonesia', en: 'English' } as const;

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <label class="language">
      <span class="visually-hidden">{t('language')}</span>
      <select
        value={locale}
        onChange={(event) => {
          const next = LOCALES.find((l) => l === event.currentTarget.value);
          if (next) setLocale(next);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {LABELS[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
