import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { sha256Schema } from '../../domain/blob-ref';
import { authenticate, type AuthEnv } from '../authenticate';
import { HttpError } from '../http-error';
import type { ServerDeps } from '../server-deps';

/** A blob is at most this large (blobRefSchema); a chunk at most this. */
const MAX_BLOB_BYTES = 50 * 1024 * 1024;
const MAX_CHUNK_BYTES = 2 * 1024 * 1024;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

function parseSha(value: string): string {
  const parsed = sha256Schema.safeParse(value);
  if (!parsed.success)
    throw new HttpError(
      400,
      'invalid-sha256',
      'The blob name must be a sha-256 written as 64 lowercase hex digits',
    );
  return parsed.data;
}

function parseNonNegativeInt(value: string | undefined, name: string, max: number): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < 0 || number > max) {
    throw new HttpError(400, `invalid-${name}`, `${name} must be a whole number from 0 to ${max}`);
  }
  return number;
}

/**
 * Resumable uploads of photos and documents (ARCHITECTURE.md, sync protocol 8):
 * GET …/:sha256/offset says how much the server holds; PUT …/:sha256?offset=&size=
 * appends one chunk at exactly that offset (any other offset gets 409 with the right
 * one), and the last chunk is checked against the hash before the blob counts.
 * A blob the server already has answers "complete" at once: uploads deduplicate by hash.
 */
export function blobRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const store = deps.blobs;
  app.use(authenticate(deps));

  app.get('/:sha256/offset', async (c) => {
    const sha256 = parseSha(c.req.param('sha256'));
    const { offset, complete } = await store.progress(sha256);
    return c.json({ sha256, offset, complete });
  });

  app.put('/:sha256', async (c) => {
    const sha256 = parseSha(c.req.param('sha256'));
    const offset = parseNonNegativeInt(c.req.query('offset'), 'offset', MAX_BLOB_BYTES);
    const size = parseNonNegativeInt(c.req.query('size'), 'size', MAX_BLOB_BYTES);
    const mediaType = c.req.header('content-type') ?? '';
    if (!MEDIA_TYPE.test(mediaType))
      throw new HttpError(
        400,
        'invalid-media-type',
        'Content-Type must be the media type of the blob, such as image/jpeg',
      );
    if (size === 0) throw new HttpError(400, 'invalid-size', 'size must be at least 1 byte');
    const held = await store.progress(sha256);
    if (held.complete) return c.json({ sha256, offset: held.offset, complete: true });
    if (offset !== held.offset) {
      return c.json(
        {
          error: {
            code: 'wrong-offset',
            message: `The server holds ${held.offset} bytes of this blob: send from there`,
          },
          offset: held.offset,
        },
        409,
      );
    }
    const chunk = new Uint8Array(await c.req.arrayBuffer());
    if (chunk.byteLength === 0) throw new HttpError(400, 'empty-chunk', 'The chunk is empty');
    if (chunk.byteLength > MAX_CHUNK_BYTES)
      throw new HttpError(413, 'chunk-too-large', `A chunk is at most ${MAX_CHUNK_BYTES} bytes`);
    if (offset + chunk.byteLength > size) {
      throw new HttpError(
        400,
        'beyond-size',
        `The chunk ends at byte ${offset + chunk.byteLength}, past the declared size ${size}`,
      );
    }
    const result = await store.append(sha256, chunk, size, mediaType);
    if (result.hashMismatch) {
      throw new HttpError(
        422,
        'hash-mismatch',
        'The uploaded bytes do not hash to the blob name; the upload was discarded, start again',
      );
    }
    return c.json(
      { sha256, offset: result.offset, complete: result.complete },
      result.complete ? 201 : 200,
    );
  });

  app.get('/:sha256', async (c) => {
    const sha256 = parseSha(c.req.param('sha256'));
    const held = await store.progress(sha256);
    if (!held.complete)
      throw new HttpError(404, 'unknown-blob', 'The server does not hold this blob (yet)');
    c.header('Content-Type', held.mediaType ?? 'application/octet-stream');
    c.header('Content-Length', String(held.size ?? 0));
    // Content-addressed: a blob never changes under its name.
    c.header('Cache-Control', 'private, max-age=31536000, immutable');
    return stream(c, async (out) => {
      for await (const chunk of store.readStream(sha256)) await out.write(chunk as Uint8Array);
    });
  });
  return app;
}
