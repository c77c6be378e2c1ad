/**
 * How the sync engine reaches the server. The browser uses fetch; tests plug the server
 * in process (app.request) or through a faulty proxy, without changing the engine.
 */
export interface Transport {
  postJson(path: string, body: unknown, token?: string): Promise<TransportResponse>;
  getJson(path: string, token: string): Promise<TransportResponse>;
  /** Downloads raw bytes (a photo, an evidence file); any other answer keeps its JSON body. */
  getBytes(path: string, token: string): Promise<BytesResponse>;
  /** Sends raw bytes (a chunk of a photo) with their media type. */
  putBytes(
    path: string,
    bytes: Uint8Array<ArrayBuffer>,
    mediaType: string,
    token: string,
  ): Promise<TransportResponse>;
  /**
   * Sends a file as the request body (a sync bundle), streamed from where it lies: the
   * browser reads a Blob from disk as it sends it.
   */
  postBlob(path: string, body: Blob, mediaType: string, token: string): Promise<TransportResponse>;
}

export interface TransportResponse {
  status: number;
  body: unknown;
}

export type BytesResponse =
  { status: 200; bytes: Uint8Array<ArrayBuffer> } | { status: number; body: unknown };

/** The network failed before any answer (offline, DNS, connection reset, timeout). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}
