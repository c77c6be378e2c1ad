import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface HttpProxy {
  url: string;
  /** Where requests go; change it when the server restarts on another port. */
  target: URL;
  /** Bodies of the upstream responses, in order (requests to /api/sync only). */
  responses: string[];
  /**
   * For the next request: the proxy reads the server's whole answer (so the server has
   * committed), runs `onHeld`, then cuts the device's connection without answering.
   */
  holdNextResponse(onHeld: () => Promise<void>): void;
  close(): Promise<void>;
}

/** A proxy on loopback between a device and a server process, to cut answers on purpose. */
export async function startHttpProxy(target: string): Promise<HttpProxy> {
  let hold: (() => Promise<void>) | null = null;
  const proxy: HttpProxy = {
    url: '',
    target: new URL(target),
    responses: [],
    holdNextResponse(onHeld) {
      hold = onHeld;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const held = hold;
    hold = null;
    const upstream = request(
      {
        host: proxy.target.hostname,
        port: proxy.target.port,
        path: incoming.url,
        method: incoming.method,
        headers: incoming.headers,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          if (incoming.url?.startsWith('/api/sync')) {
            const isGzip = answer.headers['content-encoding'] === 'gzip';
            proxy.responses.push((isGzip ? gunzipSync(body) : body).toString());
          }
          if (held) {
            void held().finally(() => outgoing.socket?.destroy());
            return;
          }
          outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
          outgoing.end(body);
        });
      },
    );
    upstream.on('error', () => outgoing.socket?.destroy());
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
