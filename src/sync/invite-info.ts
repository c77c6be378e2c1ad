import { inviteInfoResponseSchema, type InviteInfoResponse } from '../domain/auth-protocol';
import { describeIssues } from '../domain/describe-issues';
import { errorForStatus, ServerUnavailableError } from './api-errors';
import type { Transport } from './transport';

/** Whose invite a code is; the code stays unused, so the judge can still say "not me". */
export async function fetchInviteInfo(
  transport: Transport,
  code: string,
): Promise<InviteInfoResponse> {
  const response = await transport.postJson('/api/auth/invite-info', { code });
  if (response.status !== 200) throw errorForStatus(response.status, response.body);
  const parsed = inviteInfoResponseSchema.safeParse(response.body);
  if (!parsed.success) {
    throw new ServerUnavailableError(
      `The server's answer is not understood: ${describeIssues(parsed.error.issues)}`,
    );
  }
  return parsed.data;
}
