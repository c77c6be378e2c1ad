import * as z from 'zod/mini';
import {
  deviceInfoSchema,
  inviteSchema,
  type DeviceInfo,
  type Invite,
} from '../domain/admin-protocol';
import { entryScoreHistorySchema, type EntryScoreHistory } from '../domain/audit-entry';
import { describeIssues } from '../domain/describe-issues';
import {
  deviceActivityResponseSchema,
  type DeviceActivityResponse,
} from '../domain/device-activity';
import type { DeviceSettings } from '../db/device-settings';
import { errorForStatus, ServerUnavailableError, SignInRequiredError } from './api-errors';
import type { Transport, TransportResponse } from './transport';

/**
 * The panitia's calls beyond sync: invites, devices and their activity. Each needs the
 * network; records (people, stages, assignments) are never made here but through the
 * outbox like every other edit, so they work offline and reach the server in order.
 */
export interface AdminApi {
  /** A one-time code for a person; a new one replaces none (earlier codes stay valid). */
  createInvite(userId: string): Promise<Invite>;
  listDevices(userId: string): Promise<DeviceInfo[]>;
  revokeDevice(deviceId: string): Promise<void>;
  deviceActivity(): Promise<DeviceActivityResponse>;
  /** Every logged change to an entry's scores, oldest first (issue 6 item 4). */
  entryScoreHistory(entryId: string): Promise<EntryScoreHistory>;
}

export function createAdminApi(transport: Transport, settings: DeviceSettings): AdminApi {
  const token = async () => {
    const session = await settings.session();
    if (!session) throw new SignInRequiredError('This device is not signed in');
    return session.token;
  };
  return {
    async createInvite(userId) {
      const response = await transport.postJson('/api/admin/invites', { userId }, await token());
      return parsed(response, 201, inviteSchema);
    },
    async listDevices(userId) {
      const response = await transport.getJson(
        `/api/admin/users/${encodeURIComponent(userId)}/devices`,
        await token(),
      );
      return parsed(response, 200, deviceListSchema).devices;
    },
    async revokeDevice(deviceId) {
      const response = await transport.postJson(
        `/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`,
        {},
        await token(),
      );
      if (response.status !== 200) throw errorForStatus(response.status, response.body);
    },
    async deviceActivity() {
      const response = await transport.getJson('/api/progress/devices', await token());
      return parsed(response, 200, deviceActivityResponseSchema);
    },
    async entryScoreHistory(entryId) {
      const response = await transport.getJson(
        `/api/audit/entries/${encodeURIComponent(entryId)}`,
        await token(),
      );
      return parsed(response, 200, entryScoreHistorySchema);
    },
  };
}

const deviceListSchema = z.object({ devices: z.array(deviceInfoSchema) });

function parsed<T>(response: TransportResponse, expected: number, schema: z.ZodMiniType<T>): T {
  if (response.status !== expected) throw errorForStatus(response.status, response.body);
  const result = schema.safeParse(response.body);
  if (!result.success) {
    throw new ServerUnavailableError(
      `The server's answer is not understood: ${describeIssues(result.error.issues)}`,
    );
  }
  return result.data;
}
