import type { InviteInfoResponse } from '../domain/auth-protocol';
import { normaliseCode, sha256Hex } from './secrets';
import type { ServerDeps } from './server-deps';
import { findRedeemableCode } from './store/auth-repository';
import { findUser } from './store/user-lookup';

/**
 * Whose invite a code is, without spending it; null for a code that would not redeem
 * (unknown, used, expired, or its person deleted), so it reveals nothing redeeming would
 * not. Asked by POST /api/auth/invite-info and by the invite link's page itself.
 */
export async function lookUpInvite(
  deps: Pick<ServerDeps, 'db' | 'now'>,
  code: string,
): Promise<InviteInfoResponse | null> {
  const found = await findRedeemableCode(deps.db, sha256Hex(normaliseCode(code)), deps.now());
  const user = found && (await findUser(deps.db, found.userId));
  if (!found || !user) return null;
  return { name: user.name, role: user.role, expiresAt: found.expiresAt.toISOString() };
}
