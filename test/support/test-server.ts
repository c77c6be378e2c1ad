import { randomBytes } from 'node:crypto';
import { makeUuidV7 } from '../../src/domain/ids';
import { PROTOCOL_VERSION, SCHEMA_VERSION, type SyncRequest } from '../../src/domain/sync-protocol';
import { makeAdminSignInLink } from '../../src/server/admin-sign-in-link';
import { createApp } from '../../src/server/app';
import type { ServerDeps } from '../../src/server/server-deps';
import { scratchBlobStore } from './scratch-blob-store';
import type { SqlClient } from '../../src/server/store/sql-client';

export const TEST_NOW = new Date('2026-08-18T02:00:00.000Z');

export function makeTestDeps(db: SqlClient, overrides: Partial<ServerDeps> = {}): ServerDeps {
  return {
    db,
    blobs: scratchBlobStore(),
    now: () => TEST_NOW,
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    logError: (error) => {
      throw error instanceof Error ? error : new Error(String(error));
    },
    ...overrides,
  };
}

export function newId(): string {
  return makeUuidV7(Date.now(), new Uint8Array(randomBytes(10)));
}

/** The code inside a printed sign-in link. */
export function codeOfLink(link: string): string {
  const code = new URL(link).searchParams.get('kode');
  if (!code) throw new Error(`no code in ${link}`);
  return code;
}

export async function postJson(
  app: ReturnType<typeof createApp>,
  path: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const response = await app.request(path, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** Signs a new device in with the start-up link and returns its id and token. */
export async function signInAsPanitia(
  deps: ServerDeps,
): Promise<{ deviceId: string; token: string }> {
  const app = createApp(deps);
  const link = await makeAdminSignInLink(deps, 'http://test');
  if (!link) throw new Error('no panitia to sign in as: seed the demo first');
  const deviceId = newId();
  const response = await postJson(app, '/api/auth/redeem', {
    code: codeOfLink(link),
    deviceId,
    deviceName: 'Laptop panitia',
  });
  const body = response.body as { token?: string };
  if (response.status !== 200 || !body.token)
    throw new Error(`sign-in failed: ${JSON.stringify(response.body)}`);
  return { deviceId, token: body.token };
}

export function pullRequest(deviceId: string, cursor: number): SyncRequest {
  return {
    protocolVersion: PROTOCOL_VERSION,
    schemaVersion: SCHEMA_VERSION,
    deviceId,
    cursor,
    mutations: [],
  };
}
