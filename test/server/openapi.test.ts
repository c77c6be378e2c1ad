import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import { openPgliteClient } from '../../src/server/store/pglite-client';
import { makeTestDeps } from '../support/test-server';

describe('GET /api/openapi.json', () => {
  it('describes every route with the request and response schemas the server validates with', async () => {
    const db = await openPgliteClient();
    const response = await createApp(makeTestDeps(db)).request('/api/openapi.json');
    await db.close();
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: {
        schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
      };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/admin/devices/{deviceId}/revoke',
      '/api/admin/invites',
      '/api/admin/users/{userId}/devices',
      '/api/audit/entries/{entryId}',
      '/api/audit/verify',
      '/api/auth/invite-info',
      '/api/auth/redeem',
      '/api/auth/sign-out',
      '/api/blobs/{sha256}',
      '/api/blobs/{sha256}/offset',
      '/api/bundles',
      '/api/health',
      '/api/sync',
    ]);
    const request = doc.components.schemas['SyncRequest'];
    expect(request?.required).toEqual(
      expect.arrayContaining([
        'protocolVersion',
        'schemaVersion',
        'deviceId',
        'cursor',
        'mutations',
      ]),
    );
    expect(Object.keys(doc.components.schemas['SyncResponse']?.properties ?? {})).toEqual(
      expect.arrayContaining(['acks', 'rejections', 'changes', 'cursor', 'hasMore', 'serverTime']),
    );
    // Every $ref points at a schema that is there.
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
    for (const ref of refs)
      expect(doc.components.schemas).toHaveProperty(ref.split('/').at(-1) ?? '');
  });
});
