import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { DeviceActivityResponse } from '../../domain/device-activity';
import { authenticate, type AuthEnv } from '../authenticate';
import { HttpError } from '../http-error';
import type { ServerDeps } from '../server-deps';
import { listDeviceActivity } from '../store/device-activity';

const panitiaOnly = createMiddleware<AuthEnv>(async (c, next) => {
  if (c.get('auth').user.role !== 'panitia')
    throw new HttpError(403, 'forbidden', 'Only the panitia can watch the progress of devices');
  await next();
});

/**
 * What the panitia's progress screen needs beyond the records it already syncs: each
 * device's last sync and the age of the oldest change it last pushed.
 */
export function progressRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(authenticate(deps), panitiaOnly);
  app.get('/devices', async (c) => {
    const body: DeviceActivityResponse = {
      devices: await listDeviceActivity(deps.db),
      serverTime: deps.now().toISOString(),
    };
    return c.json(body);
  });
  return app;
}
