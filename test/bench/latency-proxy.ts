import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The network profiles of PERFORMANCE.md. */
export const NETWORK_PROFILES = {
  loopback: { rttMs: 0, downKbit: Infinity, upKbit: Infinity },
  '3g': { rttMs: 300, downKbit: 1600, upKbit: 768 },
  '2g-edge': { rttMs: 800, downKbit: 240, upKbit: 120 },
} as const;
export type ProfileName = keyof typeof NETWORK_PROFILES;

export interface ProxyCounters {
  requests: number;
  bytesUp: number;
  bytesDown: number;
}

export interface LatencyProxy {
  url: string;
  profile: ProfileName;
  counters: ProxyCounters;
  reset(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const transferMs = (bytes: number, kbit: number) =>
  Number.isFinite(kbit) ? (bytes * 8) / kbit : 0;

/**
 * An HTTP proxy on loopback that makes a request cost what it would on the profile's
 * line: half the round trip and the upload time before the server sees it, half the round
 * trip and the download time before the device does. It counts requests and bytes on the
 * wire (request line, headers and body) in each direction. A fresh TCP or TLS handshake is
 * not charged: devices keep their connection alive.
 */
export async function startLatencyProxy(
  target: string,
  profile: ProfileName,
): Promise<LatencyProxy> {
  const upstream = new URL(target);
  const counters: ProxyCounters = { requests: 0, bytesUp: 0, bytesDown: 0 };
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      void (async () => {
        const { rttMs, upKbit, downKbit } = NETWORK_PROFILES[profile];
        const body = Buffer.concat(chunks);
        const headerBytes = headerSize(
          `${incoming.method ?? 'GET'} ${incoming.url ?? '/'} HTTP/1.1`,
          incoming.rawHeaders,
        );
        counters.requests += 1;
        counters.bytesUp += headerBytes + body.length;
        await sleep(rttMs / 2 + transferMs(headerBytes + body.length, upKbit));
        const answer = await forward(
          upstream,
          incoming.method ?? 'GET',
          incoming.url ?? '/',
          incoming.headers,
          body,
        );
        const answerHeaderBytes = headerSize(`HTTP/1.1 ${answer.status} OK`, answer.rawHeaders);
        counters.bytesDown += answerHeaderBytes + answer.body.length;
        await sleep(rttMs / 2 + transferMs(answerHeaderBytes + answer.body.length, downKbit));
        outgoing.writeHead(answer.status, answer.headers);
        outgoing.end(answer.body);
      })().catch(() => outgoing.socket?.destroy());
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    profile,
    counters,
    reset() {
      counters.requests = 0;
      counters.bytesUp = 0;
      counters.bytesDown = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function headerSize(startLine: string, rawHeaders: string[]): number {
  let size = startLine.length + 2 + 2;
  for (let i = 0; i < rawHeaders.length; i += 2)
    size += (rawHeaders[i]?.length ?? 0) + 2 + (rawHeaders[i + 1]?.length ?? 0) + 2;
  return size;
}

function forward(
  upstream: URL,
  method: string,
  path: string,
  headers: Record<string, string | string[] | undefined>,
  body: Buffer,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  rawHeaders: string[];
  body: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: upstream.hostname, port: upstream.port, method, path, headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 502,
            headers: res.headers,
            rawHeaders: res.rawHeaders,
            body: Buffer.concat(parts),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
