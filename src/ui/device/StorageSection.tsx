import { useEffect, useState } from 'preact/hooks';
import { summarizeBlobs } from '../../db/blob-repository';
import { useI18n } from '../i18n/i18n-context';
import { useDeviceText } from '../i18n/device-messages';
import { useLive } from '../use-live';
import { formatBytes } from '../i18n/format-bytes';
import { readStorageStatus, requestPersistentStorage, type StorageStatus } from './storage-status';

/** How much room is left for photos, and whether the browser may evict the data. */
export function StorageSection() {
  const t = useDeviceText();
  const { locale } = useI18n();
  const [status, setStatus] = useState<StorageStatus | null>(null);
  const [denied, setDenied] = useState(false);
  const photos = useLive(summarizeBlobs, []);

  useEffect(() => {
    void readStorageStatus().then(setStatus);
  }, [photos]);

  const ask = async () => {
    const granted = await requestPersistentStorage();
    setDenied(!granted);
    setStatus(await readStorageStatus());
  };

  const size = (bytes: number) => formatBytes(locale, bytes);
  return (
    <section class="card" aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storageTitle')}</h2>
      {status && (
        <p>
          {status.usageBytes === undefined || status.quotaBytes === undefined
            ? t('storageUnknown')
            : t('storageUsage', {
                used: size(status.usageBytes),
                quota: size(status.quotaBytes),
                free: size(Math.max(0, status.quotaBytes - status.usageBytes)),
              })}
        </p>
      )}
      {photos && (
        <p>
          {t('photosOnDevice', {
            count: photos.count,
            size: size(photos.bytes),
            waiting: photos.pending,
          })}
        </p>
      )}
      {status?.persisted === true && <p class="ok">{t('storagePersisted')}</p>}
      {status?.persisted === false && (
        <>
          <p class="warning">{t('storageNotPersisted')}</p>
          <button type="button" class="button" onClick={() => void ask()}>
            {t('storagePersistAsk')}
          </button>
          {denied && <p class="muted">{t('storagePersistDenied')}</p>}
        </>
      )}
    </section>
  );
}
