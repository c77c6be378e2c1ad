import type { Context } from 'hono';
import type * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';
import { HttpError } from './http-error';

/** Reads and validates a JSON body: handlers only ever see input that passed its schema. */
export async function readJsonBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new HttpError(400, 'invalid-json', 'The request body is not valid JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new HttpError(400, 'invalid-body', describeIssues(result.error.issues));
  }
  return result.data;
}
