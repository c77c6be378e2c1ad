import { useEffect, useState } from 'preact/hooks';
import { ACK_LINK_PARAMETER, ACK_LINK_PATH, formatAckFragment } from '../../domain/bundle-ack';
import {
  BUNDLE_REFUSAL_CODES,
  type BundleImportResult,
  type BundleRefusalCode,
} from '../../domain/bundle-report';
import { useServices } from '../app-services';
import { useDeviceText } from '../i18n/device-messages';
import { useOnline } from '../use-online';
import { errorDetail, errorMessage, isNetworkError } from './bundle-errors';
import { FilePickButton } from './FilePickButton';
import { deliverFile } from './deliver-file';

type ImportState =
  | { kind: 'idle' | 'busy' }
  | { kind: 'done'; result: BundleImportResult }
  | { kind: 'failed'; code: BundleRefusalCode | undefined; message: string; offline: boolean };

const isRefusal = (code: string | undefined): code is BundleRefusalCode =>
  (BUNDLE_REFUSAL_CODES as readonly (string | undefined)[]).includes(code);

/**
 * Carries someone else's bundle to the server (this device is online, theirs is not),
 * shows what became of it, and hands back the server's acknowledgement: as a file, and as
 * a QR code of the link the owner's phone opens with its camera.
 */
export function BundleImportPanel() {
  const t = useDeviceText();
  const { sync } = useServices();
  const online = useOnline();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });

  const importFile = async (file: File) => {
    setState({ kind: 'busy' });
    try {
      const result = await (await sync.bundles()).importBundle(file);
      setState({ kind: 'done', result });
    } catch (error) {
      const code = errorDetail(error, 'code');
      setState({
        kind: 'failed',
        code: isRefusal(code) ? code : undefined,
        message: errorMessage(error),
        offline: isNetworkError(error),
      });
    }
  };

  return (
    <div class="bundle-import">
      <h3>{t('importTitle')}</h3>
      <p>{t('importIntro')}</p>
      {!online && <p class="muted">{t('importOffline')}</p>}
      <FilePickButton
        label={state.kind === 'busy' ? t('importing') : t('importChoose')}
        disabled={state.kind === 'busy'}
        onPick={(file) => void importFile(file)}
      />
      {state.kind === 'failed' && (
        <p class="error" role="alert">
          {state.code !== undefined
            ? t(`refused.${state.code}`)
            : state.offline
              ? t('importOffline')
              : t('importFailed', { message: state.message })}
        </p>
      )}
      {state.kind === 'done' && <ImportReport result={state.result} />}
    </div>
  );
}

function ImportReport(props: { result: BundleImportResult }) {
  const t = useDeviceText();
  const { result } = props;
  const notApplied = result.mutations.filter(
    (m) => m.status === 'rejected' || m.status === 'superseded',
  );
  const ackFileName = `tanda-terima-${result.bundleId.slice(-12)}.json`;
  return (
    <div role="status" class="bundle-report">
      <p class="ok">
        {t('importReport', {
          name: result.userName,
          device: result.deviceName,
          applied: result.counts.applied,
          present: result.counts.alreadyPresent,
          rejected: result.counts.rejected,
          superseded: result.counts.superseded,
          photos: result.blobs.count,
        })}
      </p>
      {notApplied.length > 0 && (
        <ul class="bundle-problems">
          {notApplied.map((m) => (
            <li key={m.index}>
              <strong>
                {t(m.status === 'rejected' ? 'status.rejected' : 'status.superseded')} #
                {m.index + 1}
              </strong>
              : {m.message}
            </li>
          ))}
        </ul>
      )}
      <p>{t('importAckIntro')}</p>
      <button
        type="button"
        class="button"
        onClick={() =>
          void deliverFile(
            new Blob([JSON.stringify(result.ack)], { type: 'application/json' }),
            ackFileName,
          )
        }
      >
        {t('importAckDownload')}
      </button>
      <AckQrCode link={ackLink(result)} />
    </div>
  );
}

function ackLink(result: BundleImportResult): string {
  const fragment = formatAckFragment(result.ack);
  return `${window.location.origin}${ACK_LINK_PATH}#${ACK_LINK_PARAMETER}=${fragment}`;
}

/** Up to QR version 25 (117 × 117 modules): denser codes are hard to scan from a screen. */
const MAX_QR_VERSION = 25;

function AckQrCode(props: { link: string }) {
  const t = useDeviceText();
  const [svg, setSvg] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    // The QR encoder loads only when there is an acknowledgement to show.
    void import('uqr').then(
      ({ renderSVG }) => {
        try {
          setSvg(renderSVG(props.link, { border: 2, ecc: 'L', maxVersion: MAX_QR_VERSION }));
        } catch {
          setSvg(null);
        }
      },
      () => setSvg(null),
    );
  }, [props.link]);
  if (svg === undefined) return null;
  if (svg === null) return <p class="muted">{t('importAckTooBig')}</p>;
  return (
    <div
      class="ack-qr"
      role="img"
      aria-label={t('importAckQr')}
      // uqr writes the SVG from the link alone (our own base64url text): no user text.
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
