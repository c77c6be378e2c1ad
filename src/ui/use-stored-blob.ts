import { useEffect, useState } from 'preact/hooks';
import { getBlob } from '../db/blob-repository';
import type { BlobRow } from '../db/blob-row';
import type { RowLookup } from '../db/row-problem';
import { useLive } from './use-live';

/**
 * A photo or document kept on the device: its row (with the upload state) and an object
 * URL, or null while it is not there (it appears once a sync brings it). The URL is revoked
 * when the file changes or the component goes, so the page does not keep files in memory.
 */
export function useStoredBlob(sha256: string): {
  stored: RowLookup<BlobRow> | undefined;
  url: string | null;
} {
  const stored = useLive((db) => getBlob(db, sha256), [sha256]);
  const [url, setUrl] = useState<string | null>(null);
  const blob = stored?.status === 'found' ? stored.row.blob : null;
  useEffect(() => {
    if (!blob) return;
    const objectUrl = URL.createObjectURL(blob);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [blob]);
  return { stored, url };
}
