import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignInPage } from './pages/sign-in-page';
import { seriousViolations } from '../support/axe-scan';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { inviteLink, panitiaOverHttp, usersOn } from '../support/panitia-over-http';

describe("accessibility of the judge's screens (axe-core, WCAG 2.1 AA)", () => {
  let server: ServerProcess;
  let browser: TestBrowser;
  let page: Page;
  let invite: string;

  beforeAll(async () => {
    server = await startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'jl-a11y-')) });
    const panitia = await panitiaOverHttp(server.baseUrl, server.signInLink);
    const judge = (await usersOn(panitia)).find((u) => u.role === 'judge')!;
    const link = await inviteLink(server.baseUrl, panitia, judge.id);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    invite = link;
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: 'Masuk ke perangkat ini' }).waitFor();
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('finds a violation when there is one (the scan itself works)', async () => {
    await page.evaluate(() => {
      const image = document.createElement('img');
      image.id = 'no-alt';
      image.src = '/icon.svg';
      document.body.append(image);
    });
    expect((await seriousViolations(page)).map((v) => v.id)).toContain('image-alt');
    await page.evaluate(() => document.getElementById('no-alt')?.remove());
  });

  it('has no serious or critical violation on the sign-in screen', async () => {
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on the name confirmation', async () => {
    await new SignInPage(page).open(invite);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on the work list', async () => {
    await new SignInPage(page).confirm();
    await page.locator('.work-item').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has none on the scoring screen, its summary and the abstain form', async () => {
    await page.locator('.work-item').first().click();
    await page.locator('.criterion').first().waitFor();
    await page.locator('.dossier summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByRole('heading', { name: 'Periksa sebelum mengirim' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Batal' }).click();
    await page.getByRole('button', { name: 'Abstain / konflik kepentingan' }).click();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
