import { apiErrorSchema } from '../domain/sync-protocol';

/** The server refused the request itself (4xx): retrying the same request will not help. */
export class RequestRejectedError extends Error {
  override readonly name = 'RequestRejectedError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The device token is unknown, expired or revoked: keep all data, ask to sign in again. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
}

/** The server failed (5xx) or answered something that is not the protocol: retry later. */
export class ServerUnavailableError extends Error {
  override readonly name = 'ServerUnavailableError';
}

/** Turns a non-2xx answer into the error that says what the device should do next. */
export function errorForStatus(status: number, body: unknown): Error {
  const parsed = apiErrorSchema.safeParse(body);
  const message = parsed.success ? parsed.data.error.message : `HTTP ${status}`;
  if (status === 401) return new SignInRequiredError(message);
  if (status >= 400 && status < 500) {
    return new RequestRejectedError(
      status,
      parsed.success ? parsed.data.error.code : 'rejected',
      message,
    );
  }
  return new ServerUnavailableError(message);
}
