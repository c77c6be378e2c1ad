import { BackLink } from '../components/BackLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { BundleSection } from '../device/BundleSection';
import { InstallSection } from '../device/InstallSection';
import { PinSection } from '../device/PinSection';
import { SignOutSection } from '../device/SignOutSection';
import { StorageSection } from '../device/StorageSection';
import { useDeviceText } from '../i18n/device-messages';
import './device.css';

/** Everything about this phone rather than the competition: storage, install, PIN, sign-out. */
export function DevicePage(props: { onBack: () => void; onSignedOut: () => void }) {
  const t = useDeviceText();
  return (
    <main class="page narrow device-page">
      <header class="topbar">
        <BackLink class="button" label={t('back')} onBack={props.onBack} />
        <h1>{t('deviceTitle')}</h1>
      </header>
      <StorageSection />
      <InstallSection />
      <PinSection />
      <section class="card" aria-labelledby="language-title">
        <h2 id="language-title">{t('languageTitle')}</h2>
        <LanguageSwitch />
      </section>
      <BundleSection />
      <SignOutSection onSignedOut={props.onSignedOut} />
    </main>
  );
}
