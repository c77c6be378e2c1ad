/**
 * What a failure of the bundle code says about itself (the `reason`, `problem` or `code` of
 * BundleExportError, AckRefusedError and RequestRejectedError), read without importing
 * those modules: they load with the sync engine, not with the device screen.
 */
export function errorDetail(
  error: unknown,
  field: 'reason' | 'problem' | 'code',
): string | undefined {
  if (typeof error !== 'object' || error === null || !(field in error)) return undefined;
  const value: unknown = (error as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The browser could not reach the server at all (NetworkError of the transport). */
export function isNetworkError(error: unknown): boolean {
  return error instanceof Error && error.name === 'NetworkError';
}
