import { Hono } from 'hono';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../domain/sync-protocol';
import type { ServerDeps } from '../server-deps';

export function healthRoutes(deps: ServerDeps): Hono {
  const app = new Hono();
  app.get('/', async (c) => {
    // A query proves the database answers, not only that the process runs.
    await deps.db.query('SELECT 1');
    return c.json({
      status: 'ok' as const,
      database: deps.db.kind,
      protocolVersion: PROTOCOL_VERSION,
      schemaVersion: SCHEMA_VERSION,
    });
  });
  return app;
}
