import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { relative } from 'node:path';

/** Vite puts content-hashed files under /assets: their name changes when they do. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * The entry points of an update: index.html names the hashed assets, the service worker
 * and the manifest decide what is installed. A stale copy of any of them pins a device to
 * an old build, so the browser's HTTP cache and proxies never keep them.
 */
const NEVER_CACHED = 'no-store';
const SHORT = 'public, max-age=3600';

function cacheControlFor(requestPath: string): string {
  if (requestPath.startsWith('/assets/')) return IMMUTABLE;
  const hasExtension = /\.[a-z0-9]+$/i.test(requestPath);
  if (!hasExtension || /(\.html|\/sw\.js|\.webmanifest)$/.test(requestPath)) return NEVER_CACHED;
  return SHORT;
}

/** Serves the built PWA; any other page path gets index.html so deep links work. */
export function staticFiles(staticDir: string): Hono {
  const root = relative(process.cwd(), staticDir) || '.';
  const app = new Hono();
  app
    .use('*', async (c, next) => {
      await next();
      // serveStatic builds its response before any hook could add headers: set them here.
      if (c.res.ok) c.res.headers.set('Cache-Control', cacheControlFor(c.req.path));
    })
    .use('*', serveStatic({ root }))
    .get('*', async (c, next) => {
      // Only page navigations fall back to the shell; a missing /assets file stays a 404.
      if (/\.[a-z0-9]+$/i.test(c.req.path)) return next();
      return serveStatic({ root, path: 'index.html' })(c, next);
    });
  return app;
}
