import { Hono } from 'hono';
import { makeUuidV7 } from '../../domain/ids';
import { authenticate, type AuthEnv } from '../authenticate';
import { applyBundle } from '../bundles/apply-bundle';
import { readBundle } from '../bundles/read-bundle';
import { HttpError } from '../http-error';
import type { ServerDeps } from '../server-deps';

/**
 * POST /api/bundles: imports a sync bundle (ARCHITECTURE.md, sync protocol 9); the body is
 * the file as the device exported it. Any signed-in device may bring one: the panitia, or
 * a colleague's online phone. It only carries the bundle; what the bundle changes is
 * decided as its own device and user, whose signature it bears.
 *
 * The body is read as a stream (a week of photos is hundreds of megabytes), so app.ts
 * registers this route before its body-size limit, which is for JSON requests.
 */
export function bundleRoutes(deps: ServerDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  app.use(authenticate(deps)).post('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    const body = c.req.raw.body;
    if (!body)
      throw new HttpError(422, 'bundle-unreadable', 'The request is empty: send the bundle file');
    const importId = makeUuidV7(deps.now().getTime(), deps.randomBytes(10));
    const verified = await readBundle(
      { db: deps.db, blobs: deps.blobs, stagingName: (index) => `${importId}-${index}` },
      body,
    );
    return c.json(await applyBundle(deps, verified));
  });
  return app;
}
