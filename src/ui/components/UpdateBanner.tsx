import { useI18n } from '../i18n/i18n-context';

/** Offers the new version; reloading is the user's choice, so no form is lost to it. */
export function UpdateBanner(props: { onReload: () => void; onLater: () => void }) {
  const { t } = useI18n();
  return (
    <div class="banner" role="status">
      <span>{t('updateReady')}</span>
      <button type="button" class="button" onClick={props.onReload}>
        {t('updateReload')}
      </button>
      <button type="button" class="button secondary" onClick={props.onLater}>
        {t('updateLater')}
      </button>
    </div>
  );
}
