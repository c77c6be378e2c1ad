import {
  redeemResponseSchema,
  type RedeemRequest,
  type RedeemResponse,
} from '../domain/auth-protocol';
import { describeIssues } from '../domain/describe-issues';
import { errorForStatus, ServerUnavailableError } from './api-errors';
import type { Transport } from './transport';

/** Exchanges a one-time code for this device's token. Needs the network once. */
export async function redeemCode(
  transport: Transport,
  request: RedeemRequest,
): Promise<RedeemResponse> {
  const response = await transport.postJson('/api/auth/redeem', request);
  if (response.status !== 200) throw errorForStatus(response.status, response.body);
  const parsed = redeemResponseSchema.safeParse(response.body);
  if (!parsed.success) {
    throw new ServerUnavailableError(
      `The server's answer is not understood: ${describeIssues(parsed.error.issues)}`,
    );
  }
  return parsed.data;
}
