import { useI18n } from '../i18n/i18n-context';
import { DEVICE_PATH } from '../router';

/** To storage, installation, the PIN and sign-out, from every first screen. */
export function DeviceLink(props: { navigate: (path: string) => void }) {
  const { t } = useI18n();
  return (
    <a
      class="button"
      href={DEVICE_PATH}
      onClick={(e) => {
        e.preventDefault();
        props.navigate(DEVICE_PATH);
      }}
    >
      {t('deviceLink')}
    </a>
  );
}
