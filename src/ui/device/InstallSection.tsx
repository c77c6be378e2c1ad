import { useState } from 'preact/hooks';
import { useDeviceText } from '../i18n/device-messages';
import { pendingInstallPrompt } from './install-prompt';
import { isInstalled, isIos } from './platform';

/**
 * Installing matters beyond comfort: an installed app gets persistent storage in Chromium,
 * and on iOS only a home-screen app escapes Safari's seven-day deletion of site data.
 */
export function InstallSection() {
  const t = useDeviceText();
  const [installed, setInstalled] = useState(isInstalled);
  const [prompt, setPrompt] = useState(pendingInstallPrompt);

  const install = async () => {
    if (!prompt) return;
    await prompt.prompt();
    const choice = await prompt.userChoice;
    setPrompt(null);
    if (choice.outcome === 'accepted') setInstalled(true);
  };

  return (
    <section class="card" aria-labelledby="install-title">
      <h2 id="install-title">{t('installTitle')}</h2>
      {installed ? (
        <p class="ok">{t('installed')}</p>
      ) : prompt ? (
        <button type="button" class="button primary" onClick={() => void install()}>
          {t('installButton')}
        </button>
      ) : (
        <p>{isIos() ? t('installHintIos') : t('installHintOther')}</p>
      )}
    </section>
  );
}
