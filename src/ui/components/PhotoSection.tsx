import { useScoringText } from '../i18n/scoring-messages';
import { useState } from 'preact/hooks';
import { putBlob } from '../../db/blob-repository';
import type { BlobRef } from '../../domain/blob-ref';
import type { Scoresheet } from '../../domain/scoresheet';
import { sameValue } from '../../domain/scoresheet-fields';
import { memoWith } from '../memo';
import { useServices } from '../app-services';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { currentPosition, hasRoomForPhoto, preparePhoto } from '../photo/prepare-photo';
import { useStoredBlob } from '../use-stored-blob';

/** Field photos: taken with the camera, kept on the device, sent when there is signal. */
interface PhotoSectionProps {
  photos: readonly BlobRef[];
  disabled: boolean;
  update: (change: (s: Scoresheet) => Scoresheet, fields?: readonly string[]) => void;
}

/** Redrawn only when the photos change (the editor's update always edits its latest sheet). */
export const PhotoSection = memoWith(
  PhotoSectionView,
  (before, after) => before.disabled === after.disabled && sameValue(before.photos, after.photos),
);

function PhotoSectionView(props: PhotoSectionProps) {
  const t = useScoringText();
  const { db, now } = useServices();
  const [withLocation, setWithLocation] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const take = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      if (!(await hasRoomForPhoto())) {
        setProblem(t('photoNoRoom'));
        return;
      }
      const location = withLocation ? await currentPosition() : undefined;
      const photo = await preparePhoto(file, now(), location);
      await putBlob(db, {
        sha256: photo.ref.sha256,
        blob: photo.blob,
        mediaType: photo.ref.mediaType,
        nowMs: now(),
      });
      props.update(
        (s) =>
          s.photos.some((p) => p.sha256 === photo.ref.sha256)
            ? s
            : { ...s, photos: [...s.photos, photo.ref] },
        ['photos'],
      );
    } catch (error) {
      setProblem(
        t('photoFailed', { message: error instanceof Error ? error.message : String(error) }),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card photos" aria-labelledby="photos-title">
      <h2 id="photos-title">{t('photos')}</h2>
      <ul class="photo-list">
        {props.photos.map((photo, i) => (
          <PhotoItem key={photo.sha256} photo={photo} n={i + 1} />
        ))}
      </ul>
      {!props.disabled && (
        <>
          <label class="check">
            <input
              type="checkbox"
              checked={withLocation}
              onChange={(e) => setWithLocation(e.currentTarget.checked)}
            />
            {t('photoWithLocation')}
          </label>
          <label class="button primary file-button">
            {busy ? t('photoProcessing') : t('takePhoto')}
            <input
              type="file"
              accept="image/*"
              capture="environment"
              class="visually-hidden"
              disabled={busy}
              onChange={(e) => {
                const input = e.currentTarget;
                void take(input.files?.[0]).finally(() => {
                  input.value = '';
                });
              }}
            />
          </label>
        </>
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

function PhotoItem(props: { photo: BlobRef; n: number }) {
  const { locale } = useI18n();
  const t = useScoringText();
  const { stored, url } = useStoredBlob(props.photo.sha256);
  const when = props.photo.capturedAt
    ? formatDateTime(locale, new Date(props.photo.capturedAt))
    : '';
  const state =
    stored?.status === 'found'
      ? stored.row.uploadState === 'uploaded'
        ? t('photoSent')
        : t('photoWaiting')
      : '';
  return (
    <li class="photo">
      {url && <img src={url} alt={t('photoAlt', { n: props.n, when })} width={96} height={72} />}
      <span class="muted">
        {when}
        {props.photo.location && ` · ±${props.photo.location.accuracyM ?? '?'} m`} · {state}
      </span>
    </li>
  );
}
