import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment } from '../../src/domain/assignment';
import type { Entry } from '../../src/domain/entry';
import type { Rubric } from '../../src/domain/rubric';
import type { Stage } from '../../src/domain/stage';
import type { User } from '../../src/domain/user';
import { fetchTransport } from '../../src/sync/fetch-transport';
import { launchBrowser } from '../support/browser';
import { inviteLink } from '../support/panitia-over-http';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createDeviceOn, type TestDevice } from '../support/test-device';
import { makeTestPng } from '../support/test-image';
import { JudgePages } from './pages/scoring-page';
import { SignInPage } from './pages/sign-in-page';

type Panitia = TestDevice<ReturnType<typeof fetchTransport>>;

async function all<T>(
  device: Panitia,
  table: 'users' | 'stages' | 'entries' | 'assignments' | 'rubrics',
): Promise<T[]> {
  return ((await device.db[table].toArray()) as { data: T }[]).map((row) => row.data);
}

describe("the judge's phone, offline from end to end", () => {
  let server: ServerProcess;
  let panitia: Panitia;
  let judge: User;
  let desk: { stage: Stage; rubric: Rubric; entries: Entry[] };
  let field: { stage: Stage; entry: Entry };

  beforeAll(async () => {
    server = await startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'jl-judge-')) });
    panitia = createDeviceOn(() => fetchTransport(server.baseUrl));
    await panitia.signIn(new URL(server.signInLink).searchParams.get('kode') ?? '');
    await panitia.sync();
    const users = await all<User>(panitia, 'users');
    judge = users.find((u) => u.role === 'judge')!;
    const stages = await all<Stage>(panitia, 'stages');
    const entries = await all<Entry>(panitia, 'entries');
    const assignments = await all<Assignment>(panitia, 'assignments');
    const rubrics = await all<Rubric>(panitia, 'rubrics');
    const deskStage = stages.find((s) => s.kind === 'desk')!;
    const mine = assignments.filter((a) => a.judgeId === judge.id && a.stageId === deskStage.id);
    desk = {
      stage: deskStage,
      rubric: rubrics.find((r) => r.id === deskStage.rubricId)!,
      entries: mine.slice(0, 2).map((a) => entries.find((e) => e.id === a.entryId)!),
    };
    // The panitia opens the field stage (level criteria) and sends the judge to one site.
    const fieldStage = { ...stages.find((s) => s.kind === 'field')!, state: 'open' as const };
    const site = entries.find((e) => !mine.some((a) => a.entryId === e.id))!;
    await panitia.save({
      kind: 'assignment',
      data: {
        id: '0190d000-0000-7000-8000-000000000001',
        stageId: fieldStage.id,
        judgeId: judge.id,
        entryId: site.id,
      },
    });
    await panitia.save({ kind: 'stage', data: fieldStage });
    expect(await panitia.sync()).toMatchObject({ ok: true, result: { rejected: 0 } });
    field = { stage: fieldStage, entry: site };
  });
  afterAll(async () => {
    await server.stop();
  });

  const inviteJudge = () => inviteLink(server.baseUrl, panitia, judge.id);

  it('keeps the edits of two tabs on one scoresheet, each tab showing the other', async () => {
    const browser = await launchBrowser();
    try {
      const tabA = await browser.context.newPage();
      await tabA.goto(await inviteJudge());
      expect(await new SignInPage(tabA).submit()).toBe(judge.name);
      await tabA.locator('.work-item', { hasText: field.entry.title }).waitFor();
      const tabB = await browser.context.newPage();
      await tabB.goto(server.baseUrl);
      // Offline only once the service worker has the app: the scoring screen is a lazy chunk.
      for (const tab of [tabA, tabB]) {
        await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
      }
      await browser.context.setOffline(true);
      const [a, b] = [new JudgePages(tabA), new JudgePages(tabB)];
      await a.openEntry(field.entry.title);
      await b.openEntry(field.entry.title);
      const rubrics = await all<Rubric>(panitia, 'rubrics');
      const [first, second] = rubrics.find((r) => r.id === field.stage.rubricId)!.criteria;

      // Each tab's second keystroke is written directly (save-edit-directly.ts), and the
      // other tab hears of it. A's last one finds B's edits in between and saves afresh.
      await a.noteOn(first!.name, 'A satu');
      await a.noteOn(first!.name, 'A dua');
      await expect.poll(() => b.note(first!.name).inputValue(), { timeout: 20_000 }).toBe('A dua');
      await b.noteOn(second!.name, 'B satu');
      await b.noteOn(second!.name, 'B dua');
      await expect.poll(() => a.note(second!.name).inputValue(), { timeout: 20_000 }).toBe('B dua');
      await a.noteOn(first!.name, 'A tiga');
      await expect.poll(() => b.note(first!.name).inputValue(), { timeout: 20_000 }).toBe('A tiga');
      expect(await a.note(second!.name).inputValue()).toBe('B dua');

      await browser.context.setOffline(false);
      await a.backToList();
      await tabA.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
      await a.waitUntilAllSent();
      await panitia.sync();
      const sheet = await panitia.get('scoresheet', '0190d000-0000-7000-8000-000000000001');
      expect(sheet?.scores[first!.key]?.note).toBe('A tiga');
      expect(sheet?.scores[second!.key]?.note).toBe('B dua');
    } finally {
      await browser.close();
    }
  });

  it("preloads this build's sign-in code from the invite link's page", async () => {
    const html = await (await fetch(await inviteJudge())).text();
    const preloaded = [
      ...html.matchAll(/<link rel="modulepreload" crossorigin href="([^"]+)">/g),
    ].map((match) => match[1] ?? '');
    expect(preloaded.some((href) => /\/assets\/SignInPage-[\w-]+\.js$/.test(href))).toBe(true);
    expect(preloaded.some((href) => /\/assets\/sync-engine-[\w-]+\.js$/.test(href))).toBe(true);
    const shell = await (await fetch(server.baseUrl)).text();
    for (const href of preloaded) {
      expect((await fetch(new URL(href, server.baseUrl))).status, href).toBe(200);
      expect(shell, `${href} is loaded by index.html already`).not.toContain(href);
    }
  });

  it('scores offline, survives closing the browser, submits, and the server gets exactly that', async () => {
    const first = await launchBrowser();
    let page = await first.context.newPage();
    await page.goto(await inviteJudge());
    // The judge sees whose invite it is before the one-time code is spent.
    expect(await new SignInPage(page).submit()).toBe(judge.name);
    await page.getByRole('heading', { level: 1, name: 'Pekerjaan saya' }).waitFor();
    await page.locator('.work-item', { hasText: field.entry.title }).waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await first.context.setOffline(true);
    const judgePages = new JudgePages(page);
    const criteria = desk.rubric.criteria;
    for (const [n, entry] of desk.entries.entries()) {
      await judgePages.openEntry(entry.title);
      for (const [i, c] of criteria.entries()) await judgePages.setRange(c.name, 50 + n * 10 + i);
      await judgePages.noteOn(criteria[0]!.name, `Catatan lapangan ${n + 1}`);
      await judgePages.backToList();
    }
    await judgePages.openEntry(field.entry.title);
    await judgePages.chooseLevel('Peraturan kepala daerah');
    await judgePages.chooseLevel('501 atau lebih penerima manfaat');
    // A 3,000 × 2,000 camera picture, downscaled and kept on the device while offline.
    await page.setInputFiles('input[type=file]', {
      name: 'lokasi.png',
      mimeType: 'image/png',
      buffer: makeTestPng(3000, 2000),
    });
    await page.getByRole('img', { name: /^Foto lapangan 1,/ }).waitFor();
    await judgePages.backToList();
    await expect
      .poll(() => judgePages.status(desk.entries[0]!.title).textContent())
      .toBe(`Draf ${criteria.length}/${criteria.length}`);

    // The browser is closed and opened again, still without a network.
    await first.close(true);
    const again = await launchBrowser({ profileDir: first.profileDir, offline: true });
    page = await again.context.newPage();
    await page.goto(server.baseUrl);
    const reopened = new JudgePages(page);
    await page.getByRole('heading', { level: 1, name: 'Pekerjaan saya' }).waitFor();
    await reopened.openEntry(field.entry.title);
    await page.getByRole('img', { name: /^Foto lapangan 1,/ }).waitFor();
    await reopened.backToList();
    await reopened.openEntry(desk.entries[1]!.title);
    expect(await reopened.rangeValue(criteria[2]!.name).inputValue()).toBe(String(60 + 2));
    await reopened.submit();
    await reopened.backToList();
    await reopened.openEntry(desk.entries[0]!.title);
    await reopened.submit();
    await reopened.backToList();

    await again.context.setOffline(false);
    await page.getByRole('button', { name: 'Sinkronkan sekarang' }).click();
    await reopened.waitUntilAllSent();
    await again.close();

    await panitia.sync();
    for (const [n, entry] of desk.entries.entries()) {
      const assignment = (await all<Assignment>(panitia, 'assignments')).find(
        (a) => a.judgeId === judge.id && a.entryId === entry.id && a.stageId === desk.stage.id,
      )!;
      const sheet = await panitia.get('scoresheet', assignment.id);
      expect(sheet?.status).toBe('submitted');
      expect(criteria.map((c) => sheet?.scores[c.key]?.value)).toEqual(
        criteria.map((_, i) => 50 + n * 10 + i),
      );
      expect(sheet?.scores[criteria[0]!.key]?.note).toBe(`Catatan lapangan ${n + 1}`);
    }
    const fieldSheet = await panitia.get('scoresheet', '0190d000-0000-7000-8000-000000000001');
    expect(fieldSheet?.status).toBe('draft');
    expect(fieldSheet?.scores['regulasi']?.value).toBe(2);
    expect(fieldSheet?.scores['kemanfaatan']?.value).toBe(3);
    // The photo arrived whole: downscaled to 1,600 px wide, and its bytes hash to its name.
    const photo = fieldSheet?.photos[0];
    expect(photo).toMatchObject({ mediaType: 'image/jpeg' });
    expect(photo!.size).toBeLessThan(500 * 1024);
    const served = await fetch(`${server.baseUrl}/api/blobs/${photo!.sha256}`, {
      headers: { authorization: `Bearer ${(await panitia.settings.session())?.token ?? ''}` },
    });
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo!.sha256);
    expect(bytes.readUInt16BE(0)).toBe(0xffd8); // a JPEG

    // The same judge on a second browser (a laptop, say) with a new invite sees it all.
    const laptop = await launchBrowser();
    try {
      const second = await laptop.context.newPage();
      // This time the code is typed by hand, as read off a printed invite.
      const code = new URL(await inviteJudge()).searchParams.get('kode') ?? '';
      await second.goto(server.baseUrl);
      const signIn = new SignInPage(second);
      await signIn.codeInput().fill(code.toLowerCase());
      expect(await signIn.submit()).toBe(judge.name);
      const pages = new JudgePages(second);
      for (const [n, entry] of desk.entries.entries()) {
        await pages.openEntry(entry.title);
        await second.getByText('sudah dikirim dan terkunci', { exact: false }).waitFor();
        expect(await pages.rangeValue(criteria[1]!.name).inputValue()).toBe(
          String(50 + n * 10 + 1),
        );
        await pages.backToList();
      }
      await pages.openEntry(field.entry.title);
      // The photo taken on the phone comes down to the laptop too, checked by its hash.
      await second.getByRole('img', { name: /^Foto lapangan 1,/ }).waitFor();
    } finally {
      await laptop.close();
    }
  });
});
