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
    writeFileSync(join(dir, 'index.html'), '<!doctype html><head><title>shell</title></head>');
    writeFileSync(join(dir, 'sw.js'), 'self.x = 1;');
    writeFileSync(join(dir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'icon.svg'), '<svg/>');
    app = staticFiles(dir, (code) =>
      Promise.resolve(
        code === 'ABCDE-FGHJK'
          ? { name: 'Dr. Sri </script><b>', role: 'judge', expiresAt: '2026-08-25T02:00:00.000Z' }
          : null,
      ),
    );
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

  it('gives the invite link page whose invite it is, safely inside its script; never for an unknown code', async () => {
    const page = await app.request('/masuk?kode=ABCDE-FGHJK');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    const script = /<script id="invite-info" type="application\/json">(.*?)<\/script><\/head>/.exec(
      html,
    );
    // The name's "</script>" cannot end the element: the one closing tag is the server's.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(script?.[1] ?? 'null')).toEqual({
      code: 'ABCDE-FGHJK',
      invite: {
        name: 'Dr. Sri </script><b>',
        role: 'judge',
        expiresAt: '2026-08-25T02:00:00.000Z',
      },
    });
    const unknown = await (await app.request('/masuk?kode=ZZZZZ-ZZZZZ')).text();
    expect(unknown).not.toContain('invite-info');
    expect(unknown).toContain('<title>shell</title>');
  });
});
