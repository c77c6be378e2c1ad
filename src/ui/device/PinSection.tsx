import { useEffect, useState } from 'preact/hooks';
import type { PinLock } from '../../domain/device-session';
import { useServices } from '../app-services';
import { useDeviceText } from '../i18n/device-messages';
import { PinInput } from './PinInput';
import { makePinLock, pinMatches } from './pin-lock';

/** Set, change or remove the PIN that locks the app on this device. */
export function PinSection() {
  const t = useDeviceText();
  const { settings } = useServices();
  const [lock, setLock] = useState<PinLock | undefined | null>(null);
  const [current, setCurrent] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    void settings.pinLock().then(setLock);
  }, [settings]);

  const clear = () => {
    setCurrent('');
    setPin('');
    setRepeat('');
  };
  const currentIsRight = async () => !lock || (await pinMatches(lock, current));

  const save = async (event: Event) => {
    event.preventDefault();
    if (!(await currentIsRight())) return setMessage({ text: t('pinWrong'), error: true });
    if (!/^\d{4,8}$/.test(pin)) return setMessage({ text: t('pinInvalid'), error: true });
    if (pin !== repeat) return setMessage({ text: t('pinMismatch'), error: true });
    const next = await makePinLock(pin);
    await settings.savePinLock(next);
    setLock(next);
    clear();
    setMessage({ text: t('pinSaved'), error: false });
  };

  const remove = async () => {
    if (!(await currentIsRight())) return setMessage({ text: t('pinWrong'), error: true });
    await settings.clearPinLock();
    setLock(undefined);
    clear();
    setMessage({ text: t('pinRemoved'), error: false });
  };

  if (lock === null) return null;
  return (
    <section class="card" aria-labelledby="pin-title">
      <h2 id="pin-title">{t('pinTitle')}</h2>
      <p class="muted">{t('pinIntro')}</p>
      {lock && <p class="ok">{t('pinIsSet')}</p>}
      <form onSubmit={(e) => void save(e)}>
        {lock && <PinInput label={t('pinCurrent')} value={current} onInput={setCurrent} />}
        <PinInput label={t('pinNew')} value={pin} onInput={setPin} />
        <PinInput label={t('pinRepeat')} value={repeat} onInput={setRepeat} />
        {message && (
          <p class={message.error ? 'error' : 'ok'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="button primary">
            {t('pinSave')}
          </button>
          {lock && (
            <button type="button" class="button" onClick={() => void remove()}>
              {t('pinRemove')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
