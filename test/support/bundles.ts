import type { Hono } from 'hono';
import type { BundleImportResult } from '../../src/domain/bundle-report';
import { parseBundleHeader } from '../../src/domain/bundle-manifest';
import type { ExportedBundle } from '../../src/sync/export-bundle';
import type { TestDevice } from './test-device';
import type { Transport } from '../../src/sync/transport';

/** The bundle of everything a device has not sent, as its device screen exports it. */
export async function exportFrom(device: TestDevice<Transport>): Promise<ExportedBundle> {
  return (await device.engine.bundles()).exportBundle();
}

export async function bytesOf(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await file.arrayBuffer());
}

export async function tokenOf(device: TestDevice<Transport>): Promise<string> {
  const session = await device.settings.session();
  if (!session) throw new Error('the device is not signed in');
  return session.token;
}

export type ImportAnswer =
  | { status: 200; result: BundleImportResult }
  | { status: number; error: { code: string; message: string } };

/** POST /api/bundles with the file as body (bytes, a Blob, or a stream), as `token`'s device. */
export async function postBundle(
  app: Hono,
  token: string,
  body: Uint8Array<ArrayBuffer> | Blob | ReadableStream<Uint8Array>,
): Promise<ImportAnswer> {
  const response = await app.request('/api/bundles', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body,
    // A stream as a request body must say so (fetch's "half duplex").
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  });
  const json = (await response.json()) as BundleImportResult & {
    error: { code: string; message: string };
  };
  return response.status === 200
    ? { status: 200, result: json }
    : { status: response.status, error: json.error };
}

/** The result of an import that must have succeeded. */
export function imported(answer: ImportAnswer): BundleImportResult {
  if (!('result' in answer)) throw new Error(`import refused: ${JSON.stringify(answer.error)}`);
  return answer.result;
}

/** A bundle's parts, to tamper with: the header line, the manifest, the signature, the files. */
export function splitBundle(bytes: Uint8Array<ArrayBuffer>): {
  header: Uint8Array<ArrayBuffer>;
  manifest: Uint8Array<ArrayBuffer>;
  signature: Uint8Array<ArrayBuffer>;
  files: Uint8Array<ArrayBuffer>;
} {
  const newline = bytes.indexOf(10);
  const header = parseBundleHeader(new TextDecoder().decode(bytes.subarray(0, newline)));
  if (!header) throw new Error('not a bundle');
  const manifestEnd = newline + 1 + header.manifestBytes;
  const signatureEnd = manifestEnd + header.signatureBytes;
  return {
    header: bytes.slice(0, newline + 1),
    manifest: bytes.slice(newline + 1, manifestEnd),
    signature: bytes.slice(manifestEnd, signatureEnd),
    files: bytes.slice(signatureEnd),
  };
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
