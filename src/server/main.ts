import { serve } from '@hono/node-server';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { makeAdminSignInLink } from './admin-sign-in-link';
import { join } from 'node:path';
import { createApp } from './app';
import { BlobStore } from './blob-store';
import { readConfig } from './config';
import { DataDirLockedError } from './data-dir-lock';
import { seedDemoIfEmpty } from './demo/seed-demo';
import { openDatabase } from './open-database';
import type { ServerDeps } from './server-deps';

// The composition root: the only place that reads the environment, the real clock and
// the real randomness, and the only place that writes to the console.
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const { db, lock } = await openDatabase({
    ...config,
    onConnectionLost: (error) =>
      console.error(`PostgreSQL connection lost; the next query opens a new one: ${error.message}`),
  });
  const deps: ServerDeps = {
    db,
    blobs: new BlobStore(join(config.dataDir, 'blobs')),
    now: () => new Date(),
    randomBytes: (size) => new Uint8Array(randomBytes(size)),
    staticDir: config.staticDir,
    logError: (error) => console.error(error),
  };
  if (!existsSync(config.staticDir)) {
    console.warn(
      `No built app in ${config.staticDir}: run "npm run build" (only the API is served).`,
    );
  }
  if (await seedDemoIfEmpty(deps))
    console.log('Empty database: loaded the demo competition "Krenova OPD Kabupaten Blora 2022".');

  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const baseUrl = `http://localhost:${info.port}`;
    console.log(
      `Jurilapang is running at ${baseUrl} (database: ${db.kind}${lock ? `, ${config.dataDir}` : ''})`,
    );
    void makeAdminSignInLink(deps, baseUrl).then((link) => {
      if (link) console.log(`Panitia sign-in link (one use, valid 24 hours): ${link}`);
    });
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: stopping`);
    server.close(() => {
      void db.close().finally(() => {
        lock?.release();
        process.exit(0);
      });
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof DataDirLockedError) {
    console.error(`Jurilapang cannot start: ${error.message}`);
  } else {
    console.error('Jurilapang cannot start:', error);
  }
  process.exit(1);
});
