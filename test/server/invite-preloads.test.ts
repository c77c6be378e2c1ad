import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVITE_PAGE_MODULES, invitePreloadTags } from '../../src/server/invite-preloads';
import { staticFiles } from '../../src/server/static-files';

/**
 * A build manifest shaped as Vite writes ours: the entry script grouped into the core
 * chunk (so no entry is marked), a shared chunk, and lazy modules.
 */
const MANIFEST = {
  '_runtime-1.js': { file: 'assets/runtime-1.js' },
  '_core-1.js': {
    file: 'assets/core-1.js',
    imports: ['_runtime-1.js'],
    css: ['assets/core-1.css'],
  },
  '_shared-1.js': { file: 'assets/shared-1.js', imports: ['_core-1.js'] },
  'src/ui/pages/SignInPage.tsx': {
    file: 'assets/SignInPage-1.js',
    imports: ['_core-1.js', '_shared-1.js'],
    css: ['assets/SignInPage-1.css', 'assets/core-1.css'],
  },
  'src/sync/sync-engine.ts': { file: 'assets/sync-engine-1.js', imports: ['_shared-1.js'] },
  'src/sync/fetch-transport.ts': { file: 'assets/fetch-transport-1.js' },
  'src/sync/bundle-api.ts': {
    file: 'assets/bundle-api-1.js',
    imports: ['_shared-1.js'],
    css: ['assets/SignInPage-1.css'],
  },
  'src/ui/manage/ManagePage.tsx': { file: 'assets/ManagePage-1.js' },
};
const SHELL =
  '<!doctype html><head><title>shell</title>' +
  '<script type="module" crossorigin src="/assets/core-1.js"></script>' +
  '<link rel="stylesheet" crossorigin href="/assets/core-1.css"></head>';

function hrefs(tags: string): string[] {
  return [...tags.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? '');
}

/** A built app in a fresh directory: the shell, and the manifest as given (text). */
function builtApp(manifest: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'jl-dist-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'index.html'), SHELL);
  if (manifest !== undefined) writeFileSync(join(dir, '.vite', 'manifest.json'), manifest);
  const logged: unknown[] = [];
  const app = staticFiles(
    dir,
    (code) =>
      Promise.resolve(
        code === 'ABCDE-FGHJK'
          ? { name: "Dr. Sri $` $& $'", role: 'judge', expiresAt: '2026-08-25T02:00:00.000Z' }
          : null,
      ),
    (error) => logged.push(error),
  );
  return { app, logged };
}

describe('the invite page preloads', () => {
  it('name the sign-in modules and what they import, once each, but nothing index.html loads', () => {
    const { tags, missing } = invitePreloadTags(MANIFEST, INVITE_PAGE_MODULES, SHELL);
    expect(missing).toEqual([]);
    expect(hrefs(tags)).toEqual([
      '/assets/SignInPage-1.js',
      '/assets/SignInPage-1.css',
      '/assets/shared-1.js',
      '/assets/sync-engine-1.js',
      '/assets/fetch-transport-1.js',
      '/assets/bundle-api-1.js',
    ]);
    expect(tags).toContain('<link rel="modulepreload" crossorigin href="/assets/shared-1.js">');
    expect(tags).toContain(
      '<link rel="preload" as="style" crossorigin href="/assets/SignInPage-1.css">',
    );
  });

  it('report a module the build does not have, and preload the rest', () => {
    const { tags, missing } = invitePreloadTags(
      MANIFEST,
      ['src/ui/pages/Renamed.tsx', 'src/sync/fetch-transport.ts'],
      SHELL,
    );
    expect(missing).toEqual(['src/ui/pages/Renamed.tsx']);
    expect(hrefs(tags)).toEqual(['/assets/fetch-transport-1.js']);
  });

  it('are written into the invite page, and the name stays whole whatever it holds', async () => {
    const { app, logged } = builtApp(JSON.stringify(MANIFEST));
    const html = await (await app.request('/masuk?kode=ABCDE-FGHJK')).text();

    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/SignInPage-1.js">');
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
    // "$`" and "$&" are not read as replacement patterns: the shell appears once.
    expect(html.split('<title>shell</title>')).toHaveLength(2);
    expect(html).toContain('"name":"Dr. Sri $` $& $\'"');
    expect(logged).toEqual([]);
    // The plain shell (no invite) is served as built.
    expect(await (await app.request('/')).text()).toBe(SHELL);
  });

  it('log a module the build does not have', async () => {
    const { 'src/sync/bundle-api.ts': _dropped, ...withoutBundleApi } = MANIFEST;
    const { app, logged } = builtApp(JSON.stringify(withoutBundleApi));
    const html = await (await app.request('/masuk?kode=ABCDE-FGHJK')).text();
    expect(html).toContain('/assets/SignInPage-1.js');
    expect(String(logged[0])).toContain('not in the build manifest: src/sync/bundle-api.ts');
  });

  it.each([
    ['not JSON', '{"src/ui', 'not JSON'],
    ['of another shape', '{"x":{"file":1}}', 'unexpected build manifest'],
  ])(
    'leave the invite page as it was when the manifest is %s, and log why',
    async (_, manifest, reason) => {
      const { app, logged } = builtApp(manifest);
      for (let i = 0; i < 2; i++) {
        const page = await app.request('/masuk?kode=ABCDE-FGHJK');
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toContain('invite-info');
        expect(html).not.toContain('modulepreload');
      }
      expect(logged).toHaveLength(1);
      expect(String(logged[0])).toContain(reason);
    },
  );
});
