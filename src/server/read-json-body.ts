import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';
import { HttpError } from './http-error';

/** A gzipped body may expand this far; a "zip bomb" beyond it is refused, not inflated. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Reads and validates a JSON body: handlers only ever see input that passed its schema. */
export async function readJsonBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  let body: unknown;
  const text = await readBodyText(c);
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid-json', 'The request body is not valid JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(400, 'invalid-body', describeIssues(result.error.issues));
  }
  return result.data;
}

/**
 * Devices gzip what they send (a judge's day of scores is mostly repeated keys), so the
 * body is inflated here, with a limit, before anything parses it.
 */
async function readBodyText(c: Context): Promise<string> {
  const encoding = (c.req.header('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return c.req.text();
  if (encoding !== 'gzip') {
    throw new HttpError(
      415,
      'unsupported-encoding',
      `Content-Encoding ${encoding} is not supported; send gzip or nothing`,
    );
  }
  const source = c.req.raw.body;
  if (!source) return '';
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_INFLATED_BYTES) {
        throw new HttpError(
          413,
          'body-too-large',
          `The request body inflates to more than ${MAX_INFLATED_BYTES} bytes`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'invalid-gzip', 'The request body is not valid gzip');
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
