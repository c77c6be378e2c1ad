import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { staticFiles } from '../../src/server/static-files';

describe('serving the built PWA', () => {
  let app: ReturnType<typeof staticFiles>;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'jl-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>shell</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.x = 1;');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'icon.svg'), '<svg/>');
    app = staticFiles(dir);
  });

  it('caches hashed assets for a year, as immutable', async () => {
    const response = await app.request('/assets/index-abc123.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each(['/', '/index.html', '/sw.js', '/manifest.webmanifest'])(
    'never caches %s',
    async (path) => {
      const response = await app.request(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );

  it('answers a deep link with the shell, but a missing asset with 404', async () => {
    const deep = await app.request('/masuk?kode=ABCDE-FGHJK');
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>shell</title>');
    expect(deep.headers.get('cache-control')).toBe('no-store');
    expect((await app.request('/assets/missing-123.js')).status).toBe(404);
  });
});
