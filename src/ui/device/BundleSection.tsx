import { useEffect, useState } from 'preact/hooks';
import { readDeviceKey } from '../../db/device-keys';
import { countUnsynced } from '../../db/erase-device-data';
import { ACK_LINK_PARAMETER } from '../../domain/bundle-ack';
import { useServices } from '../app-services';
import { useDeviceText } from '../i18n/device-messages';
import { formatBytes } from '../i18n/format-bytes';
import { useI18n } from '../i18n/i18n-context';
import { useLive } from '../use-live';
import { errorDetail, errorMessage } from './bundle-errors';
import { BundleImportPanel } from './BundleImportPanel';
import { FilePickButton } from './FilePickButton';
import { deliverFile, type Delivery } from './deliver-file';

type ExportState =
  | { kind: 'idle' | 'busy' }
  | {
      kind: 'done';
      how: Delivery;
      file: string;
      changes: number;
      photos: number;
      bytes: number;
      damaged: number;
    }
  | { kind: 'failed'; reason: string | undefined; message: string };

const ACK_PROBLEMS = [
  'unreadable',
  'no-server-key',
  'bad-signature',
  'other-device',
  'unknown-bundle',
] as const;
const isAckProblem = (problem: string): problem is (typeof ACK_PROBLEMS)[number] =>
  (ACK_PROBLEMS as readonly string[]).includes(problem);

type AckState =
  | { kind: 'idle' | 'busy' }
  | { kind: 'done'; removed: number; photos: number; rejected: number }
  | { kind: 'failed'; problem: string | undefined; message: string };

/**
 * Sync without any network (ARCHITECTURE.md, sync protocol 9): export everything unsent
 * as one signed file, and read the server's acknowledgement of it, from its file or from
 * the link of its QR code (/perangkat#tanda-terima=…, opened by the phone's camera, which
 * the service worker serves offline). Below, carrying someone else's bundle.
 */
export function BundleSection() {
  const t = useDeviceText();
  const { locale } = useI18n();
  const { sync, settings } = useServices();
  const unsynced = useLive(countUnsynced, []);
  const [hasKey, setHasKey] = useState<boolean | undefined>(undefined);
  const [exported, setExported] = useState<ExportState>({ kind: 'idle' });
  const [ack, setAck] = useState<AckState>({ kind: 'idle' });

  const readAck = async (text: string) => {
    setAck({ kind: 'busy' });
    try {
      const outcome = await (await sync.bundles()).acceptAck(text);
      setAck({
        kind: 'done',
        removed: outcome.removed,
        photos: outcome.photos,
        rejected: outcome.rejected,
      });
    } catch (error) {
      setAck({
        kind: 'failed',
        problem: errorDetail(error, 'problem'),
        message: errorMessage(error),
      });
    }
  };

  useEffect(() => {
    void readDeviceKey(settings).then((key) => setHasKey(key !== undefined));
  }, [settings]);

  useEffect(() => {
    // The link may open the app anew, or reach it already open here (only the # changes).
    const readFromLink = () => {
      const prefix = `#${ACK_LINK_PARAMETER}=`;
      if (!window.location.hash.startsWith(prefix)) return;
      const fragment = window.location.hash.slice(prefix.length);
      // Read once: a reload must not apply it again, and the address bar should not keep it.
      window.history.replaceState(null, '', window.location.pathname);
      void readAck(fragment);
    };
    readFromLink();
    window.addEventListener('hashchange', readFromLink);
    return () => window.removeEventListener('hashchange', readFromLink);
  }, []);

  const exportNow = async () => {
    setExported({ kind: 'busy' });
    try {
      const made = await (await sync.bundles()).exportBundle();
      const how = await deliverFile(made.file, made.fileName);
      setExported({
        kind: 'done',
        how,
        file: made.fileName,
        changes: made.mutations,
        photos: made.photos,
        bytes: made.file.size,
        damaged: made.damagedPhotos,
      });
    } catch (error) {
      setExported({
        kind: 'failed',
        reason: errorDetail(error, 'reason'),
        message: errorMessage(error),
      });
    }
  };

  return (
    <section class="card bundle-section" aria-labelledby="bundle-title">
      <h2 id="bundle-title">{t('bundleTitle')}</h2>
      <p>{t('bundleIntro')}</p>
      {unsynced && (
        <p>{t('bundleUnsent', { changes: unsynced.changes, photos: unsynced.photos })}</p>
      )}
      {hasKey === false && <p class="warning">{t('bundleNoKey')}</p>}
      <button
        type="button"
        class="button primary"
        disabled={exported.kind === 'busy' || hasKey !== true}
        onClick={() => void exportNow()}
      >
        {exported.kind === 'busy' ? t('bundleExporting') : t('bundleExport')}
      </button>
      {exported.kind === 'done' && (
        <div role="status">
          <p class="ok">
            {t(exported.how === 'shared' ? 'bundleShared' : 'bundleDownloaded', {
              file: exported.file,
              changes: exported.changes,
              photos: exported.photos,
              size: formatBytes(locale, exported.bytes),
            })}
          </p>
          {exported.damaged > 0 && (
            <p class="warning">{t('bundleDamaged', { count: exported.damaged })}</p>
          )}
          <p>{t('bundleKeep')}</p>
        </div>
      )}
      {exported.kind === 'failed' && (
        <p class={exported.reason === 'nothing-to-send' ? 'ok' : 'error'} role="alert">
          {exported.reason === 'nothing-to-send'
            ? t('bundleNothing')
            : t('bundleFailed', { message: exported.message })}
        </p>
      )}

      <p>{t('ackIntro')}</p>
      <FilePickButton
        label={ack.kind === 'busy' ? t('ackReading') : t('ackLabel')}
        disabled={ack.kind === 'busy'}
        onPick={(file) => void file.text().then(readAck)}
      />
      {ack.kind === 'done' && (
        <div role="status">
          <p class="ok">{t('ackDone', { removed: ack.removed, photos: ack.photos })}</p>
          {ack.rejected > 0 && <p class="warning">{t('ackRejected', { count: ack.rejected })}</p>}
        </div>
      )}
      {ack.kind === 'failed' && (
        <p class="error" role="alert">
          {ack.problem !== undefined && isAckProblem(ack.problem)
            ? t(`ack.${ack.problem}`)
            : ack.message}
        </p>
      )}
      <BundleImportPanel />
    </section>
  );
}
