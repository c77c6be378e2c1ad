import { makeHumanCode, normaliseCode, sha256Hex } from './secrets';
import type { ServerDeps } from './server-deps';
import { insertSignInCode } from './store/auth-repository';
import { findFirstPanitia } from './store/user-lookup';

const ADMIN_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Makes a fresh one-time sign-in code for the first panitia and returns the link that
 * carries it. Printed at start-up: whoever reads the server's console may administer it.
 */
export async function makeAdminSignInLink(
  deps: ServerDeps,
  baseUrl: string,
): Promise<string | null> {
  const panitia = await findFirstPanitia(deps.db);
  if (!panitia) return null;
  const code = makeHumanCode(deps.randomBytes);
  const now = deps.now();
  await insertSignInCode(deps.db, {
    hash: sha256Hex(normaliseCode(code)),
    userId: panitia.id,
    purpose: 'admin-link',
    now,
    expiresAt: new Date(now.getTime() + ADMIN_LINK_TTL_MS),
  });
  return `${baseUrl}/masuk?kode=${code}`;
}
