import { BUNDLE_MEDIA_TYPE } from '../domain/bundle-manifest';
import { bundleImportResultSchema, type BundleImportResult } from '../domain/bundle-report';
import { describeIssues } from '../domain/describe-issues';
import { errorForStatus, ServerUnavailableError } from './api-errors';
import type { Transport } from './transport';

/**
 * Carries a bundle file to the server on someone's behalf (the panitia's laptop, or a
 * colleague's phone that has signal). A refused bundle throws RequestRejectedError with
 * the server's code (bundle-report.ts, BUNDLE_REFUSAL_CODES) and reason.
 */
export async function importBundleFile(
  transport: Transport,
  token: string,
  file: Blob,
): Promise<BundleImportResult> {
  const response = await transport.postBlob('/api/bundles', file, BUNDLE_MEDIA_TYPE, token);
  if (response.status !== 200) throw errorForStatus(response.status, response.body);
  const parsed = bundleImportResultSchema.safeParse(response.body);
  if (!parsed.success) {
    throw new ServerUnavailableError(
      `The server's answer is not understood: ${describeIssues(parsed.error.issues)}`,
    );
  }
  return parsed.data;
}
