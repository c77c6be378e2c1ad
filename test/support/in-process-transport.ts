import type { Hono } from 'hono';
import { NetworkError, type Transport } from '../../src/sync/transport';

/**
 * How the next requests fail, as a bad network or a dying server would make them:
 * - offline: the request never leaves the device;
 * - drop-response: the server handles the request (and commits), the answer is lost;
 * - stall: no answer until the test calls release();
 * - status: the server is replaced by one answering this HTTP status.
 */
export type Fault =
  | { kind: 'none' }
  | { kind: 'offline' }
  | { kind: 'drop-response' }
  | { kind: 'stall' }
  | { kind: 'status'; status: number }
  /** `ok` more requests go through, then the network is gone. */
  | { kind: 'offline-after'; ok: number }
  /** A proxy in front of the server refuses bodies larger than this with 413. */
  | { kind: 'max-body'; bytes: number };

export interface InProcessTransport extends Transport {
  fault: Fault;
  requests: number;
  bytesUp: number;
  bytesDown: number;
  /** Lets stalled requests fail with a network error (as a timeout would end them). */
  release(): void;
}

/** The real server app, called without a socket, behind a faulty "network". */
export function inProcessTransport(app: Hono): InProcessTransport {
  let stalled: (() => void)[] = [];
  /** Every request goes through the same faulty "network". */
  const send = async (
    path: string,
    method: string,
    body: string | Uint8Array<ArrayBuffer> | undefined,
    headers: Record<string, string>,
    token: string | undefined,
  ): Promise<{ status: number; raw: Uint8Array<ArrayBuffer> }> => {
    const fault = transport.fault;
    if (fault.kind === 'offline') throw new NetworkError('offline (test)');
    if (fault.kind === 'stall') {
      await new Promise<void>((resume) => stalled.push(resume));
      throw new NetworkError('timed out (test)');
    }
    if (fault.kind === 'status') {
      return {
        status: fault.status,
        raw: encodeJson({ error: { code: 'test', message: `HTTP ${fault.status} (test)` } }),
      };
    }
    if (fault.kind === 'offline-after') {
      if (fault.ok <= 0) throw new NetworkError('offline (test)');
      fault.ok -= 1;
    }
    const size = body?.length ?? 0;
    if (fault.kind === 'max-body' && size > fault.bytes) {
      return {
        status: 413,
        raw: encodeJson({ error: { code: 'body-too-large', message: 'too large (test proxy)' } }),
      };
    }
    transport.requests += 1;
    transport.bytesUp += size;
    const allHeaders =
      token === undefined ? headers : { ...headers, authorization: `Bearer ${token}` };
    const response = await app.request(path, {
      method,
      headers: allHeaders,
      ...(body === undefined ? {} : { body }),
    });
    const raw = new Uint8Array(await response.arrayBuffer());
    transport.bytesDown += raw.length;
    if (fault.kind === 'drop-response')
      throw new NetworkError('connection reset after the server answered (test)');
    return { status: response.status, raw };
  };
  const json = async (answer: Promise<{ status: number; raw: Uint8Array }>) => {
    const { status, raw } = await answer;
    const text = new TextDecoder().decode(raw);
    return { status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const transport: InProcessTransport = {
    fault: { kind: 'none' },
    requests: 0,
    bytesUp: 0,
    bytesDown: 0,
    release() {
      const waiting = stalled;
      stalled = [];
      waiting.forEach((resume) => resume());
    },
    postJson: (path, body, token) =>
      json(send(path, 'POST', JSON.stringify(body), { 'content-type': 'application/json' }, token)),
    getJson: (path, token) => json(send(path, 'GET', undefined, {}, token)),
    postBlob: async (path, body, mediaType, token) =>
      json(
        send(
          path,
          'POST',
          new Uint8Array(await body.arrayBuffer()),
          { 'content-type': mediaType },
          token,
        ),
      ),
    putBytes: (path, bytes, mediaType, token) =>
      json(send(path, 'PUT', bytes, { 'content-type': mediaType }, token)),
    async getBytes(path, token) {
      const answer = await send(path, 'GET', undefined, {}, token);
      return answer.status === 200
        ? { status: 200, bytes: answer.raw }
        : json(Promise.resolve(answer));
    },
  };
  return transport;
}

function encodeJson(value: unknown): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(value));
}
