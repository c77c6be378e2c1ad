import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Every expected failure is thrown as an HttpError and turned into
 * `{ error: { code, message } }` in one place (app.onError), so each 4xx names its problem.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
