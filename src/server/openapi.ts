import * as z from 'zod/mini';
import {
  createInviteRequestSchema,
  deviceInfoSchema,
  inviteSchema,
} from '../domain/admin-protocol';
import {
  healthResponseSchema,
  inviteInfoRequestSchema,
  inviteInfoResponseSchema,
  redeemRequestSchema,
  redeemResponseSchema,
} from '../domain/auth-protocol';
import { auditVerificationSchema, entryScoreHistorySchema } from '../domain/audit-entry';
import { bundleAckSchema } from '../domain/bundle-ack';
import { bundleManifestSchema } from '../domain/bundle-manifest';
import { bundleImportResultSchema } from '../domain/bundle-report';
import {
  apiErrorSchema,
  PROTOCOL_VERSION,
  syncRequestSchema,
  syncResponseSchema,
} from '../domain/sync-protocol';

/** Generated from the same zod schemas the server validates with, so it cannot drift. */
const SCHEMAS = {
  SyncRequest: syncRequestSchema,
  SyncResponse: syncResponseSchema,
  RedeemRequest: redeemRequestSchema,
  RedeemResponse: redeemResponseSchema,
  InviteInfoRequest: inviteInfoRequestSchema,
  InviteInfoResponse: inviteInfoResponseSchema,
  Health: healthResponseSchema,
  CreateInviteRequest: createInviteRequestSchema,
  Invite: inviteSchema,
  DeviceList: z.object({ devices: z.array(deviceInfoSchema) }),
  BundleManifest: bundleManifestSchema,
  BundleImportResult: bundleImportResultSchema,
  BundleAck: bundleAckSchema,
  AuditVerification: auditVerificationSchema,
  EntryScoreHistory: entryScoreHistorySchema,
  Error: apiErrorSchema,
} as const;

type SchemaName = keyof typeof SCHEMAS;

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: SchemaName) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = {
  '400': { description: 'The request is malformed; the message names the field', ...json('Error') },
  '401': {
    description: 'No valid device token: sign in again (everything on the device is kept)',
    ...json('Error'),
  },
  '403': { description: 'The signed-in role may not do this', ...json('Error') },
};
const bearer = [{ deviceToken: [] }];
const sha256Parameter = {
  name: 'sha256',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
};

function componentSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, schema]) => {
      const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
        io: 'input',
        unrepresentable: 'any',
      });
      return [name, rest];
    }),
  );
}

/** The OpenAPI 3.1 description served at GET /api/openapi.json. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jurilapang API',
      version: String(PROTOCOL_VERSION),
      description:
        'Offline-first sync for judging innovation competitions. Devices push their outbox and pull ' +
        'changes in one request to POST /api/sync; see the README section "Sync protocol".',
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        deviceToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'Device token from /api/auth/redeem',
        },
      },
    },
    paths: {
      '/api/health': {
        get: {
          summary: 'The server and its database answer',
          responses: { '200': { description: 'OK', ...json('Health') } },
        },
      },
      '/api/auth/redeem': {
        post: {
          summary: 'Exchange a one-time code (sign-in link or invite) for a device token',
          requestBody: { required: true, ...json('RedeemRequest') },
          responses: {
            '200': { description: 'Enrolled', ...json('RedeemResponse') },
            '400': errors['400'],
          },
        },
      },
      '/api/auth/invite-info': {
        post: {
          summary: 'Whose invite a code is, without using it (the judge confirms their name)',
          requestBody: { required: true, ...json('InviteInfoRequest') },
          responses: {
            '200': { description: 'The code would redeem', ...json('InviteInfoResponse') },
            '400': errors['400'],
          },
        },
      },
      '/api/auth/sign-out': {
        post: {
          summary: 'Sign this device out: its token stops working at once',
          security: bearer,
          responses: { '200': { description: 'Signed out' }, '401': errors['401'] },
        },
      },
      '/api/sync': {
        post: {
          summary: 'Push the outbox and pull changes after the cursor, in one round trip',
          description:
            'The body may be gzipped (Content-Encoding: gzip). Each mutation is answered in acks or ' +
            'rejections; a replayed mutation gets its first answer again. While hasMore is true, ask ' +
            'again with the returned cursor.',
          security: bearer,
          requestBody: { required: true, ...json('SyncRequest') },
          responses: {
            '200': { description: 'Answers and a page of changes', ...json('SyncResponse') },
            ...errors,
            '413': { description: 'The body is too large: split the batch', ...json('Error') },
          },
        },
      },
      '/api/blobs/{sha256}/offset': {
        get: {
          summary:
            'How many bytes of a photo or document the server holds, and whether it is complete',
          security: bearer,
          parameters: [sha256Parameter],
          responses: { '200': { description: '{ sha256, offset, complete }' }, ...errors },
        },
      },
      '/api/blobs/{sha256}': {
        put: {
          summary:
            'Append one chunk (at most 2 MiB) of a blob at exactly the offset the server holds',
          description:
            "Query: offset and size (the whole blob). Content-Type: the blob's media type. Another offset " +
            'gets 409 with the right one; the last chunk is checked against the hash (422 if it does not match).',
          security: bearer,
          parameters: [sha256Parameter],
          responses: {
            '200': { description: 'Chunk stored' },
            '201': { description: 'Blob complete' },
            ...errors,
          },
        },
        get: {
          summary: 'A complete blob',
          security: bearer,
          parameters: [sha256Parameter],
          responses: {
            '200': { description: 'The bytes' },
            ...errors,
            '404': { description: 'Not held', ...json('Error') },
          },
        },
      },
      '/api/bundles': {
        post: {
          summary: "Import a device's sync bundle (any signed-in device may carry one)",
          description:
            'The body is the bundle file: the line "JLBUNDLE 1 <manifest bytes> <signature bytes>", the ' +
            "manifest (BundleManifest, UTF-8 JSON), the device's ECDSA P-256 signature over exactly the " +
            "manifest bytes (64 bytes, r then s), then each file's bytes in manifest order. Everything is " +
            'checked before anything is applied; the mutations then go through the same push as POST ' +
            "/api/sync, as the bundle's device and user. The answer carries the report and the " +
            "acknowledgement (BundleAck as the exact signed JSON text, signed with the server's key " +
            'given at sign-in as serverPublicKey).',
          security: bearer,
          requestBody: {
            required: true,
            content: { 'application/vnd.jurilapang.bundle': { schema: { type: 'string' } } },
          },
          responses: {
            '200': { description: 'Imported', ...json('BundleImportResult') },
            ...errors,
            '403': { description: 'The device that made the bundle is revoked', ...json('Error') },
            '422': {
              description:
                'Refused whole, nothing applied: unreadable, unsupported, unknown device, no key, wrong ' +
                'user, bad signature or a file that does not match its hash (the code says which)',
              ...json('Error'),
            },
          },
        },
      },
      '/api/audit/verify': {
        get: {
          summary: 'Check the hash chain of the score audit log (panitia only)',
          description:
            'Walks every row in order: each stores sha-256 of the previous hash and the canonical JSON ' +
            'of its content. Answers the first row that does not hold (changed, removed or reordered) ' +
            'with the reason.',
          security: bearer,
          responses: {
            '200': { description: 'The result', ...json('AuditVerification') },
            ...errors,
          },
        },
      },
      '/api/audit/entries/{entryId}': {
        get: {
          summary: "Every change to an entry's scores, oldest first",
          description:
            'The panitia sees all of it; a judge sees the changes of finalised stages on whose panel ' +
            'they sit.',
          security: bearer,
          parameters: [
            {
              name: 'entryId',
              in: 'path',
              required: true,
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          responses: {
            '200': { description: 'The history', ...json('EntryScoreHistory') },
            ...errors,
          },
        },
      },
      '/api/admin/invites': {
        post: {
          summary: 'Make a one-time invite code for a judge or operator (panitia only)',
          security: bearer,
          requestBody: { required: true, ...json('CreateInviteRequest') },
          responses: {
            '201': { description: 'The code and its link', ...json('Invite') },
            ...errors,
          },
        },
      },
      '/api/admin/users/{userId}/devices': {
        get: {
          summary: "A user's enrolled devices (panitia only)",
          security: bearer,
          parameters: [
            {
              name: 'userId',
              in: 'path',
              required: true,
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          responses: { '200': { description: 'Devices', ...json('DeviceList') }, ...errors },
        },
      },
      '/api/admin/devices/{deviceId}/revoke': {
        post: {
          summary: 'Revoke a device token at once (panitia only)',
          security: bearer,
          parameters: [
            {
              name: 'deviceId',
              in: 'path',
              required: true,
              schema: { type: 'string', format: 'uuid' },
            },
          ],
          responses: {
            '200': { description: 'Revoked' },
            ...errors,
            '404': { description: 'No such device', ...json('Error') },
          },
        },
      },
    },
  };
}
