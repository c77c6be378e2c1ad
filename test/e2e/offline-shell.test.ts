import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { HomePage } from './pages/home-page';
import { SignInPage } from './pages/sign-in-page';

const DEMO = 'Krenova OPD Kabupaten Blora 2022';

describe('the app shell in real Chromium, from the real server', () => {
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'jl-e2e-')) });
    browser = await launchBrowser();
    context = browser.context;
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('signs in with the printed link and lists the demo entries from IndexedDB', async () => {
    const signIn = new SignInPage(page);
    await signIn.open(server.signInLink);
    expect(await signIn.submit()).toBe('Panitia Bappeda Blora');

    const home = new HomePage(page);
    await home.entry('Layanan Pak Tarso').waitFor();
    await home.entry('Tahta Maton').waitFor();
    await home.demoBadge().waitFor();
    expect(new URL(page.url()).search).toBe('');
    await expect
      .poll(() => home.pendingChanges().textContent(), { timeout: 20_000, interval: 250 })
      .toBe('Semua perubahan sudah terkirim');
    await page.getByText(/^Terakhir sinkron \d{1,2} \w+ \d{4} \d{2}\.\d{2} WIB$/).waitFor();
  });

  it('still opens with its data after going offline and reloading, with the server gone', async () => {
    const home = new HomePage(page);
    await home.waitForServiceWorkerControl();
    await context.setOffline(true);
    await server.stop();

    await page.reload();
    await home.competition(DEMO).waitFor();
    await home.entry('E Suk Layang Mabur').waitFor();
    await home.demoBadge().waitFor();
    await expect.poll(() => home.connectionState().textContent()).toBe('Luring');
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
  });

  it('switches to English and keeps the choice across a reload', async () => {
    const home = new HomePage(page);
    await home.switchToEnglish();
    await page.getByText('DEMO DATA', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('DEMO DATA', { exact: true }).waitFor();
    // The sync button reads "Syncing…" while the attempt after the reload runs: wait for it.
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
  });
});
