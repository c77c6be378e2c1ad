import type { BlobRef } from '../../domain/blob-ref';
import { sha256Hex } from '../../sync/sha256-hex';
import type { GeoPoint } from '../../domain/common';

/** Longest side after downscaling: enough to read a signboard, small on a 2G line. */
const LONGEST_SIDE_PX = 1600;
/** Above this the photo is compressed harder once. */
const TARGET_BYTES = 400 * 1024;

export interface PreparedPhoto {
  blob: Blob;
  ref: BlobRef;
}

/**
 * A camera photo made fit to keep and send: downscaled to 1,600 px on its longest side,
 * JPEG-compressed to a few hundred kB, named by its sha-256, stamped with the time and,
 * when the judge allowed it, the position and its accuracy.
 */
export async function preparePhoto(
  file: Blob,
  capturedAtMs: number,
  location: GeoPoint | undefined,
): Promise<PreparedPhoto> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, LONGEST_SIDE_PX / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot process photos (no canvas)');
  context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  let blob = await toJpeg(canvas, 0.8);
  if (blob.size > TARGET_BYTES) blob = await toJpeg(canvas, 0.6);
  const sha256 = await sha256Hex(await blob.arrayBuffer());
  return {
    blob,
    ref: {
      sha256,
      size: blob.size,
      mediaType: 'image/jpeg',
      capturedAt: new Date(capturedAtMs).toISOString(),
      ...(location === undefined ? {} : { location }),
    },
  };
}

function toJpeg(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The photo could not be encoded'))),
      'image/jpeg',
      quality,
    );
  });
}

/** The device's position, or undefined when the judge said no, or it takes too long. */
export function currentPosition(): Promise<GeoPoint | undefined> {
  if (!('geolocation' in navigator)) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) =>
        resolve({
          lat: p.coords.latitude,
          lng: p.coords.longitude,
          accuracyM: Math.round(p.coords.accuracy),
        }),
      () => resolve(undefined),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

/** Refuse a new photo when less than this is left: scores must always still fit. */
export const MIN_FREE_BYTES_FOR_PHOTO = 20 * 1024 * 1024;

export async function hasRoomForPhoto(): Promise<boolean> {
  if (!('storage' in navigator) || typeof navigator.storage.estimate !== 'function') return true;
  const { quota, usage } = await navigator.storage.estimate();
  return quota === undefined || usage === undefined || quota - usage > MIN_FREE_BYTES_FOR_PHOTO;
}
