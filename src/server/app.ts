import { Hono } from 'hono';
import * as z from 'zod/mini';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { HttpError } from './http-error';
import { openApiDocument } from './openapi';
import { adminRoutes } from './routes/admin-routes';
import { auditRoutes } from './routes/audit-routes';
import { authRoutes } from './routes/auth-routes';
import { blobRoutes } from './routes/blob-routes';
import { bundleRoutes } from './routes/bundle-routes';
import { healthRoutes } from './routes/health-routes';
import { progressRoutes } from './routes/progress-routes';
import { syncRoutes } from './routes/sync-routes';
import type { ServerDeps } from './server-deps';
import { lookUpInvite } from './invite-lookup';
import { staticFiles } from './static-files';

// zod/mini ships without messages ("Invalid input"); the server names every problem in
// its 4xx bodies, so it loads the English ones once. The client bundle stays without them.
z.config(z.locales.en());

/** A week of a judge's work fits in a few megabytes; anything larger is split by the device. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Builds the whole HTTP app; tests call app.request() on it without a socket. */
export function createApp(deps: ServerDeps): Hono {
  const app = new Hono();
  app.use('*', compress());
  app.route('/api/bundles', bundleRoutes(deps)); // before the JSON body limit: bundles stream
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(
          413,
          'body-too-large',
          `The request body is larger than ${MAX_BODY_BYTES} bytes: send it in smaller batches`,
        );
      },
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  app.route('/api/health', healthRoutes(deps));
  const openApi = openApiDocument();
  app.get('/api/openapi.json', (c) => c.json(openApi));
  app.route('/api/auth', authRoutes(deps));
  app.route('/api/sync', syncRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api/progress', progressRoutes(deps));
  app.route('/api/blobs', blobRoutes(deps));
  app.route('/api/audit', auditRoutes(deps));
  app.all('/api/*', (c) => {
    throw new HttpError(404, 'not-found', `No API route ${c.req.method} ${c.req.path}`);
  });
  if (deps.staticDir !== undefined)
    app.route(
      '/',
      staticFiles(deps.staticDir, (code) => lookUpInvite(deps, code), deps.logError),
    );

  app.onError((error, c) => {
    if (error instanceof HttpError) {
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    // Unexpected: log the detail here, tell the device only that it may retry.
    deps.logError(error);
    return c.json(
      { error: { code: 'internal', message: 'The server failed; try again later' } },
      500,
    );
  });
  return app;
}
