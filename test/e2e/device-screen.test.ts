import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/user';
import type { Transport } from '../../src/sync/transport';
import { seriousViolations } from '../support/axe-scan';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { inviteLink, panitiaOverHttp, usersOn } from '../support/panitia-over-http';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import type { TestDevice } from '../support/test-device';
import { openDeviceScreen as openDevicePage, signInFromInvite } from './pages/device-page';
import { JudgePages } from './pages/scoring-page';

describe('the device screen: storage, PIN lock and a sign-out that warns', () => {
  let server: ServerProcess;
  let browser: TestBrowser;
  let page: Page;
  let panitia: TestDevice<Transport>;
  let judge: User;

  beforeAll(async () => {
    server = await startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'jl-device-')) });
    panitia = await panitiaOverHttp(server.baseUrl, server.signInLink);
    judge = (await usersOn(panitia)).find((u) => u.role === 'judge')!;
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signInFromInvite(page, await inviteLink(server.baseUrl, panitia, judge.id));
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  const openDeviceScreen = () => openDevicePage(page);

  it('shows the storage used and left, and has no serious accessibility violation', async () => {
    await openDeviceScreen();
    await page.getByText(/^Terpakai [\d,.]+ [kMG]?B dari [\d,.]+ [kMG]?B \(sisa /).waitFor();
    await page.getByText('Foto di perangkat: 0 (0 byte), 0 menunggu dikirim.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('locks with a PIN after a reload, offline, and refuses a wrong one', async () => {
    await page.getByLabel('PIN baru (4–8 angka)').fill('24');
    await page.getByLabel('Ulangi PIN').fill('24');
    await page.getByRole('button', { name: 'Simpan PIN' }).click();
    await page.getByText('PIN harus 4 sampai 8 angka.').waitFor();
    await page.getByLabel('PIN baru (4–8 angka)').fill('2468');
    await page.getByLabel('Ulangi PIN').fill('2468');
    await page.getByRole('button', { name: 'Simpan PIN' }).click();
    await page.getByText('PIN tersimpan.').waitFor();

    await browser.context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Aplikasi terkunci' }).waitFor();
    // The work underneath is not shown while locked.
    expect(await page.locator('.work-item').first().isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    // The device screen's own "PIN sekarang" field stays mounted, hidden, underneath.
    const lockScreen = page.locator('.lock-screen');
    await lockScreen.getByLabel('PIN sekarang').fill('1357');
    await lockScreen.getByRole('button', { name: 'Buka' }).click();
    await lockScreen.getByText('PIN salah.').waitFor();
    await lockScreen.getByLabel('PIN sekarang').fill('2468');
    await lockScreen.getByRole('button', { name: 'Buka' }).click();
    await page.getByRole('heading', { level: 1, name: 'Perangkat ini' }).waitFor();
  });

  it('warns before signing out with unsynced work, sends it first, then erases the device', async () => {
    await page.getByRole('link', { name: /Kembali/ }).click();
    const judgePages = new JudgePages(page);
    const title = (await page.locator('.work-item .entry-title').first().textContent()) ?? '';
    await judgePages.openEntry(title);
    await page
      .getByLabel(/^Nilai: /)
      .first()
      .fill('70');
    await judgePages.backToList();
    await openDeviceScreen();

    await page.getByText(/^Perhatian: 1 perubahan dan 0 foto belum terkirim/).waitFor();
    const signOut = page.getByRole('button', { name: 'Keluar dari perangkat ini' });
    expect(await signOut.isDisabled()).toBe(true);

    await browser.context.setOffline(false);
    await page.getByRole('button', { name: 'Kirim dulu' }).click();
    await page.getByText(/^Perhatian:/).waitFor({ state: 'detached' });
    expect(await signOut.isDisabled()).toBe(false);
    await signOut.click();
    await page.getByRole('heading', { name: 'Masuk ke perangkat ini' }).waitFor();

    // The score reached the server before the erase; the device's token is dead there.
    await panitia.sync();
    const sheets = (await panitia.db.scoresheets.toArray()) as {
      data: { judgeId: string; scores: Record<string, { value?: number }> };
    }[];
    const values = sheets
      .filter((s) => s.data.judgeId === judge.id)
      .flatMap((s) => Object.values(s.data.scores).map((score) => score.value));
    expect(values).toContain(70);
    const devices = await fetch(`${server.baseUrl}/api/admin/users/${judge.id}/devices`, {
      headers: { authorization: `Bearer ${(await panitia.settings.session())?.token ?? ''}` },
    });
    const { devices: list } = (await devices.json()) as { devices: { revokedAt: string | null }[] };
    expect(list.map((d) => d.revokedAt !== null)).toEqual([true]);

    // Reopened, the phone is a clean one: no PIN, no data, the sign-in screen.
    await page.reload();
    await page.getByRole('heading', { name: 'Masuk ke perangkat ini' }).waitFor();
    const assignmentsLeft = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('jurilapang');
          open.onerror = () => reject(new Error('cannot open the database'));
          open.onsuccess = () => {
            const count = open.result.transaction('assignments').objectStore('assignments').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(assignmentsLeft).toBe(0);
  });
});
