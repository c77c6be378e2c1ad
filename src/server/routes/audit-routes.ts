import { Hono } from 'hono';
import type { AuditVerification, EntryScoreHistory } from '../../domain/audit-entry';
import { idSchema } from '../../domain/common';
import { loadAuditChain, loadEntryAudit } from '../audit/audit-queries';
import { verifyAuditChain } from '../audit/verify-audit-chain';
import { authenticate, type AuthEnv } from '../authenticate';
import { HttpError } from '../http-error';
import type { ServerDeps } from '../server-deps';

/**
 * The audit chain of score changes (issue 6 item 4): its verification for the panitia,
 * and an entry's score history for the panitia or, once a stage is finalised, its panel.
 */
export function auditRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(authenticate(deps));
  app.get('/verify', async (c) => {
    if (c.get('auth').user.role !== 'panitia')
      throw new HttpError(403, 'forbidden', 'Only the panitia can verify the audit log');
    const { rows, head } = await loadAuditChain(deps.db);
    const body: AuditVerification = verifyAuditChain(rows, head);
    return c.json(body);
  });
  app.get('/entries/:entryId', async (c) => {
    const parsed = idSchema.safeParse(c.req.param('entryId'));
    if (!parsed.success) throw new HttpError(400, 'invalid', 'entryId: not a valid id');
    const { user } = c.get('auth');
    if (user.role !== 'panitia' && user.role !== 'judge')
      throw new HttpError(
        403,
        'forbidden',
        "Only the panitia and the panel read an entry's history",
      );
    const body: EntryScoreHistory = {
      entryId: parsed.data,
      history: await loadEntryAudit(
        deps.db,
        parsed.data,
        user.role === 'panitia' ? undefined : user.id,
      ),
    };
    return c.json(body);
  });
  return app;
}
