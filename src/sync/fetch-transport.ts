import { NetworkError, type Transport } from './transport';

/** A request that hangs (a captive portal, a dead 2G cell) must end so sync can retry. */
const REQUEST_TIMEOUT_MS = 60_000;
/** A large file gets time to go up even at 2G speed (about 20 kB/s). */
const SLOWEST_UPLOAD_BYTES_PER_MS = 20;

export function fetchTransport(baseUrl: string, fetchImpl: typeof fetch = fetch): Transport {
  const request = async (
    path: string,
    init: RequestInit,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<Response> => {
    try {
      return await fetchImpl(`${baseUrl}${path}`, {
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : String(error));
    }
  };
  const send = async (path: string, init: RequestInit) => {
    const response = await request(path, init);
    return { status: response.status, body: parseJsonOrNull(await response.text()) };
  };
  const bearer = (token: string | undefined): Record<string, string> =>
    token === undefined ? {} : { authorization: `Bearer ${token}` };
  return {
    async postJson(path, body, token) {
      const payload = await encodeBody(JSON.stringify(body));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...bearer(token),
      };
      if (payload.gzipped) headers['content-encoding'] = 'gzip';
      return send(path, { method: 'POST', headers, body: payload.body });
    },
    getJson: (path, token) => send(path, { method: 'GET', headers: bearer(token) }),
    async getBytes(path, token) {
      const response = await request(path, { method: 'GET', headers: bearer(token) });
      if (response.status !== 200)
        return { status: response.status, body: parseJsonOrNull(await response.text()) };
      return { status: 200, bytes: new Uint8Array(await response.arrayBuffer()) };
    },
    async postBlob(path, body, mediaType, token) {
      const response = await request(
        path,
        { method: 'POST', headers: { 'content-type': mediaType, ...bearer(token) }, body },
        REQUEST_TIMEOUT_MS + body.size / SLOWEST_UPLOAD_BYTES_PER_MS,
      );
      return { status: response.status, body: parseJsonOrNull(await response.text()) };
    },
    putBytes: (path, bytes, mediaType, token) =>
      send(path, {
        method: 'PUT',
        headers: { 'content-type': mediaType, ...bearer(token) },
        body: new Blob([bytes]),
      }),
  };
}

/** A proxy's HTML error page keeps its status; its body is unusable, so it reads as null. */
function parseJsonOrNull(text: string): unknown {
  try {
    return text === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

/** Below this, gzip's header costs more than it saves. */
const GZIP_FROM_BYTES = 1024;

/**
 * Request bodies are gzipped where the browser can (CompressionStream): the bytes a judge
 * sends on 2G are what they pay for, and JSON of scoresheets shrinks to a fraction.
 */
async function encodeBody(json: string): Promise<{ body: string | ArrayBuffer; gzipped: boolean }> {
  if (json.length < GZIP_FROM_BYTES || typeof CompressionStream === 'undefined')
    return { body: json, gzipped: false };
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
  return { body: await new Response(stream).arrayBuffer(), gzipped: true };
}
