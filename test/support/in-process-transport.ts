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
    async postJson(path, body, token) {
      const fault = transport.fault;
      if (fault.kind === 'offline') throw new NetworkError('offline (test)');
      if (fault.kind === 'stall') {
        await new Promise<void>((resume) => stalled.push(resume));
        throw new NetworkError('timed out (test)');
      }
      if (fault.kind === 'status')
        return {
          status: fault.status,
          body: { error: { code: 'test', message: `HTTP ${fault.status} (test)` } },
        };
      if (fault.kind === 'offline-after') {
        if (fault.ok <= 0) throw new NetworkError('offline (test)');
        fault.ok -= 1;
      }
      const text = JSON.stringify(body);
      if (fault.kind === 'max-body' && text.length > fault.bytes) {
        return {
          status: 413,
          body: { error: { code: 'body-too-large', message: 'too large (test proxy)' } },
        };
      }
      transport.requests += 1;
      transport.bytesUp += text.length;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      const response = await app.request(path, { method: 'POST', headers, body: text });
      const answer = await response.text();
      transport.bytesDown += answer.length;
      if (fault.kind === 'drop-response')
        throw new NetworkError('connection reset after the server answered (test)');
      return {
        status: response.status,
        body: answer === '' ? null : (JSON.parse(answer) as unknown),
      };
    },
  };
  return transport;
}
