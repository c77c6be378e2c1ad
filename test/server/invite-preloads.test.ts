import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INVITE_PAGE_MODULES, invitePreloadTags } from '../../src/server/invite-preloads';
import { staticFiles } from '../../src/server/static-files';

/** A build manifest shaped as Vite writes it: the entry, its chunk, and lazy modules. */
const MANIFEST = {
  'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_core-1.js'] },
  '_core-1.js': { file: 'assets/core-1.js' },
  '_shared-1.js': { file: 'assets/shared-1.js', imports: ['_core-1.js'] },
  'src/ui/pages/SignInPage.tsx': {
    file: 'assets/SignInPage-1.js',
    imports: ['_core-1.js', '_shared-1.js'],
    css: ['assets/SignInPage-1.css'],
  },
  'src/sync/sync-engine.ts': { file: 'assets/sync-engine-1.js', imports: ['_shared-1.js'] },
  'src/sync/fetch-transport.ts': { file: 'assets/fetch-transport-1.js' },
  'src/sync/bundle-api.ts': { file: 'assets/bundle-api-1.js', imports: ['_shared-1.js'] },
  'src/ui/manage/ManagePage.tsx': { file: 'assets/ManagePage-1.js' },
};

function hrefs(tags: string): string[] {
  return [...tags.matchAll(/href="([^"]+)"/g)].map((match) => match[1] ?? '');
}

describe('the invite page preloads', () => {
  it('name the sign-in modules and what they import, once each, but not what index.html loads', () => {
    const { tags, missing } = invitePreloadTags(MANIFEST, INVITE_PAGE_MODULES);
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
    expect(tags).toContain('<link rel="preload" as="style" href="/assets/SignInPage-1.css">');
  });

  it('report a module the build does not have, and preload the rest', () => {
    const { tags, missing } = invitePreloadTags(MANIFEST, [
      'src/ui/pages/Renamed.tsx',
      'src/sync/fetch-transport.ts',
    ]);
    expect(missing).toEqual(['src/ui/pages/Renamed.tsx']);
    expect(hrefs(tags)).toEqual(['/assets/fetch-transport-1.js']);
  });

  it('are written into the invite page from the build manifest, and a missing module is logged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-dist-'));
    mkdirSync(join(dir, '.vite'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><head><title>shell</title></head>');
    const { 'src/sync/bundle-api.ts': _dropped, ...withoutBundleApi } = MANIFEST;
    writeFileSync(join(dir, '.vite', 'manifest.json'), JSON.stringify(withoutBundleApi));
    const logged: unknown[] = [];
    const app = staticFiles(
      dir,
      () =>
        Promise.resolve({ name: 'Dr. Sri', role: 'judge', expiresAt: '2026-08-25T02:00:00.000Z' }),
      (error) => logged.push(error),
    );

    const html = await (await app.request('/masuk?kode=ABCDE-FGHJK')).text();

    expect(html).toContain('<link rel="modulepreload" crossorigin href="/assets/SignInPage-1.js">');
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
    expect(String(logged[0])).toContain('not in the build manifest: src/sync/bundle-api.ts');
    // The plain shell (no invite) is served as built.
    expect(await (await app.request('/')).text()).not.toContain('modulepreload');
  });
});
