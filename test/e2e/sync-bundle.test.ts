import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAckFragment } from '../../src/domain/bundle-ack';
import type { Assignment } from '../../src/domain/assignment';
import type { Entry } from '../../src/domain/entry';
import type { Rubric } from '../../src/domain/rubric';
import type { Stage } from '../../src/domain/stage';
import type { User } from '../../src/domain/user';
import { fetchTransport } from '../../src/sync/fetch-transport';
import type { Transport } from '../../src/sync/transport';
import { seriousViolations } from '../support/axe-scan';
import { launchBrowser, type TestBrowser } from '../support/browser';
import { inviteLink, panitiaOverHttp, usersOn } from '../support/panitia-over-http';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createDeviceOn, type TestDevice } from '../support/test-device';
import { makeTestPng } from '../support/test-image';
import { openDeviceScreen as openDevicePage, signInFromInvite } from './pages/device-page';
import { JudgePages } from './pages/scoring-page';

async function records<T>(
  device: TestDevice<Transport>,
  table: 'stages' | 'rubrics' | 'entries' | 'assignments',
): Promise<T[]> {
  return ((await device.db[table].toArray()) as { data: T }[]).map((row) => row.data);
}

/** Saves what the page offers for download and returns its bytes. */
async function downloaded(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(file) };
}

describe('sync without a network: a signed bundle file and its acknowledgement', () => {
  let server: ServerProcess;
  let browser: TestBrowser;
  let page: Page;
  let panitia: TestDevice<Transport>;
  let judge: User;
  let desk: { stage: Stage; rubric: Rubric; entries: Entry[]; sheetIds: string[] };

  beforeAll(async () => {
    server = await startServerProcess({ dataDir: mkdtempSync(join(tmpdir(), 'jl-bundle-')) });
    panitia = await panitiaOverHttp(server.baseUrl, server.signInLink);
    judge = (await usersOn(panitia)).find((u) => u.role === 'judge')!;
    const stage = (await records<Stage>(panitia, 'stages')).find((s) => s.kind === 'desk')!;
    const mine = (await records<Assignment>(panitia, 'assignments')).filter(
      (a) => a.judgeId === judge.id && a.stageId === stage.id,
    );
    const entries = await records<Entry>(panitia, 'entries');
    desk = {
      stage,
      rubric: (await records<Rubric>(panitia, 'rubrics')).find((r) => r.id === stage.rubricId)!,
      entries: mine.slice(0, 2).map((a) => entries.find((e) => e.id === a.entryId)!),
      sheetIds: mine.slice(0, 2).map((a) => a.id),
    };
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signInFromInvite(page, await inviteLink(server.baseUrl, panitia, judge.id));
  });
  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  const openDeviceScreen = () => openDevicePage(page);
  const panitiaToken = async () => (await panitia.settings.session())?.token ?? '';

  it('exports offline, the panitia imports the file, and the acknowledgement file clears the phone', async () => {
    await browser.context.setOffline(true);
    const judgePages = new JudgePages(page);
    const criteria = desk.rubric.criteria;
    await judgePages.openEntry(desk.entries[0]!.title);
    for (const [i, c] of criteria.entries()) await judgePages.setRange(c.name, 60 + i);
    await page.setInputFiles('input[type=file]', {
      name: 'lokasi.png',
      mimeType: 'image/png',
      buffer: makeTestPng(1200, 800),
    });
    await page.getByRole('img', { name: /^Foto lapangan 1,/ }).waitFor();
    await judgePages.backToList();

    await openDeviceScreen();
    await page.getByText('1 perubahan dan 1 foto belum terkirim.', { exact: true }).waitFor();
    // No Web Share for files in this browser: the bundle is downloaded.
    const bundle = await downloaded(page, () =>
      page.getByRole('button', { name: 'Ekspor paket sinkronisasi' }).click(),
    );
    expect(bundle.name).toMatch(/^paket-[a-z0-9-]+-\d{8}-\d{4}\.jlbundle$/);
    expect(bundle.bytes.subarray(0, 11).toString()).toBe('JLBUNDLE 1 ');
    await page.getByText(/^Paket paket-.* diunduh: 1 perubahan dan 1 foto/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The panitia's laptop carries it to the server.
    const result = await (
      await panitia.engine.bundles()
    ).importBundle(new Blob([new Uint8Array(bundle.bytes)]));
    expect(result.counts).toEqual({ applied: 1, alreadyPresent: 0, rejected: 0, superseded: 0 });
    expect(result).toMatchObject({ userId: judge.id, blobs: { count: 1, alreadyHeld: 0 } });
    await panitia.sync();
    const sheet = await panitia.get('scoresheet', desk.sheetIds[0]!);
    expect(criteria.map((c) => sheet?.scores[c.key]?.value)).toEqual(
      criteria.map((_, i) => 60 + i),
    );
    const photo = sheet!.photos[0]!;
    const served = await fetch(`${server.baseUrl}/api/blobs/${photo.sha256}`, {
      headers: { authorization: `Bearer ${await panitiaToken()}` },
    });
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo.sha256);
    expect(bytes.length).toBe(photo.size);

    // Until the acknowledgement is read, the phone keeps everything.
    await page.getByText('1 perubahan dan 1 foto belum terkirim.', { exact: true }).waitFor();
    await page.getByLabel('Baca tanda terima').setInputFiles({
      name: 'tanda-terima.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(result.ack)),
    });
    await page
      .getByText('Tanda terima dibaca: 1 perubahan dan 1 foto sudah diterima server.')
      .waitFor();
    await page.getByText('0 perubahan dan 0 foto belum terkirim.', { exact: true }).waitFor();
  });

  it("carries a colleague's bundle from the device screen: the report, a QR code, and the acknowledgement", async () => {
    // An operator's laptop, offline, exports an edit of its unit's entry.
    const operatorUser = (await usersOn(panitia)).find((u) => u.role === 'operator')!;
    const operator = createDeviceOn(() => fetchTransport(server.baseUrl));
    const code = new URL(await inviteLink(server.baseUrl, panitia, operatorUser.id));
    await operator.signIn(code.searchParams.get('kode') ?? '');
    await operator.sync();
    const entry = (await records<Entry>(operator, 'entries')).find(
      (e) => e.unit.name === operatorUser.unit?.name && e.adminCheck === undefined,
    )!;
    await operator.save({ kind: 'entry', data: { ...entry, summary: 'Diperbarui tanpa sinyal.' } });
    const bundle = await (await operator.engine.bundles()).exportBundle();
    const file = {
      name: bundle.fileName,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await bundle.file.arrayBuffer()),
    };

    // The judge's phone has signal and carries it.
    await browser.context.setOffline(false);
    await page.getByLabel('Pilih berkas paket').setInputFiles(file);
    await page
      .getByText(
        `Paket dari ${operatorUser.name} (HP test): 1 diterapkan, 0 sudah ada di server, 0 ditolak, 0 kalah oleh perubahan yang lebih baru; 0 foto.`,
      )
      .waitFor();
    await page.getByRole('img', { name: 'Kode QR tanda terima' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    const ackFile = await downloaded(page, () =>
      page.getByRole('button', { name: 'Unduh tanda terima' }).click(),
    );
    expect(ackFile.name).toMatch(/^tanda-terima-[0-9a-f]{12}\.json$/);

    // A second import of the same file changes nothing.
    await page.getByLabel('Pilih berkas paket').setInputFiles(file);
    await page.getByText(/: 0 diterapkan, 1 sudah ada di server, 0 ditolak/).waitFor();
    await panitia.sync();
    expect((await panitia.get('entry', entry.id))?.summary).toBe('Diperbarui tanpa sinyal.');

    // It is the operator's acknowledgement: this phone refuses it; the operator's accepts it.
    await page.getByLabel('Baca tanda terima').setInputFiles({
      name: ackFile.name,
      mimeType: 'application/json',
      buffer: ackFile.bytes,
    });
    await page
      .getByText('Tanda terima ini untuk perangkat lain. Tidak ada yang dihapus.')
      .waitFor();
    expect(
      await (await operator.engine.bundles()).acceptAck(ackFile.bytes.toString()),
    ).toMatchObject({ removed: 1 });
    expect(await operator.pendingCount()).toBe(0);
  });

  it("opens the acknowledgement's link offline, as the phone's camera would from the QR code", async () => {
    await browser.context.setOffline(true);
    const judgePages = new JudgePages(page);
    await page.getByRole('link', { name: /Kembali/ }).click();
    await judgePages.openEntry(desk.entries[1]!.title);
    await judgePages.setRange(desk.rubric.criteria[0]!.name, 77);
    await judgePages.backToList();
    await openDeviceScreen();
    const bundle = await downloaded(page, () =>
      page.getByRole('button', { name: 'Ekspor paket sinkronisasi' }).click(),
    );
    const { ack } = await (
      await panitia.engine.bundles()
    ).importBundle(new Blob([new Uint8Array(bundle.bytes)]));

    // The camera opens the link in the browser: the service worker serves the page offline,
    // and the page reads the acknowledgement once.
    const link = `${server.baseUrl}/perangkat#tanda-terima=${formatAckFragment(ack)}`;
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { level: 1, name: 'Pekerjaan saya' }).waitFor();
    await page.goto(link);
    await page
      .getByText('Tanda terima dibaca: 1 perubahan dan 0 foto sudah diterima server.')
      .waitFor();
    await page.getByText('0 perubahan dan 0 foto belum terkirim.', { exact: true }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    // Opened again where the device screen is already showing, only the # changes.
    await page.goto(link);
    await page
      .getByText('Tanda terima dibaca: 0 perubahan dan 0 foto sudah diterima server.')
      .waitFor();
    await panitia.sync();
    const sheet = await panitia.get('scoresheet', desk.sheetIds[1]!);
    expect(sheet?.scores[desk.rubric.criteria[0]!.key]?.value).toBe(77);
  });
});
