export interface StorageStatus {
  usageBytes: number | undefined;
  quotaBytes: number | undefined;
  persisted: boolean | undefined;
}

/** What the browser says about this site's storage; undefined where it does not say. */
export async function readStorageStatus(): Promise<StorageStatus> {
  const storage = 'storage' in navigator ? navigator.storage : undefined;
  const [estimate, persisted] = await Promise.all([
    storage?.estimate ? storage.estimate() : Promise.resolve<StorageEstimate>({}),
    storage?.persisted ? storage.persisted() : Promise.resolve(undefined),
  ]);
  return { usageBytes: estimate.usage, quotaBytes: estimate.quota, persisted };
}

/**
 * Asks the browser not to evict this site's data under storage pressure. Chromium answers
 * from the site's engagement (installed apps get it) without a prompt; Firefox asks the user.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!('storage' in navigator) || typeof navigator.storage.persist !== 'function') return false;
  return navigator.storage.persisted().then((already) => already || navigator.storage.persist());
}
