import { describe, expect, it } from 'vitest';
import { summarizeOutbox } from '../../src/db/outbox-repository';
import { readCursor } from '../../src/db/cursor';
import {
  PROTOCOL_VERSION,
  SCHEMA_VERSION,
  syncResponseSchema,
} from '../../src/domain/sync-protocol';
import { isSyncStuck } from '../../src/sync/sync-status';
import { createSyncFixture, scoresheetFor, SERVER_START_MS } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

// RELIABILITY.md, the fault matrix: each scenario that concerns sync, with the real server
// code and the real client engine and database; the "network" fails as the row describes.

const DAY = 24 * 3600_000;
const MINUTE = 60_000;

describeOnEachStore('the fault matrix', (store) => {
  async function judgeSetup(options: { pageSize?: number; clockMs?: number } = {}) {
    const fx = await createSyncFixture(
      store.db,
      options.pageSize === undefined ? {} : { pageSize: options.pageSize },
    );
    const judge = fx.judges[0]!;
    const phone = await fx.enrol(
      judge,
      options.clockMs === undefined ? {} : { clockMs: options.clockMs },
    );
    expect((await phone.sync()).ok).toBe(true);
    const assignment = fx.assignmentsOf(judge.id)[0]!;
    return { fx, judge, phone, assignment };
  }

  async function serverSeqOf(kind: string, key: string): Promise<number> {
    const rows = await store.db.query<{ seq: string | number }>(
      'SELECT seq FROM records WHERE kind = $1 AND key = $2',
      [kind, key],
    );
    return Number(rows[0]?.seq);
  }

  async function countApplied(): Promise<number> {
    const rows = await store.db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM applied_mutations',
    );
    return Number(rows[0]?.n);
  }

  describe('network drops mid-push, after the server applied the batch', () => {
    it('keeps the edit queued, and the retry is recognised: same result, no second change', async () => {
      const { fx, phone, assignment } = await judgeSetup();
      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 70 }),
      });
      phone.transport.fault = { kind: 'drop-response' };
      expect(await phone.sync()).toMatchObject({ ok: false, reason: 'offline' });
      expect(await phone.pendingCount()).toBe(1);
      const seqAfterFirst = await serverSeqOf('scoresheet', assignment.id);
      expect(await countApplied()).toBe(1);

      phone.transport.fault = { kind: 'none' };
      expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1, rejected: 0 } });
      expect(await phone.pendingCount()).toBe(0);
      expect(await serverSeqOf('scoresheet', assignment.id)).toBe(seqAfterFirst);
      expect(await countApplied()).toBe(1);
      expect((await phone.get('scoresheet', assignment.id))?.scores['kebaruan']?.value).toBe(70);
    });
  });

  describe('network drops mid-pull', () => {
    it('moves the cursor only with committed pages and resumes where it stopped', async () => {
      const fx = await createSyncFixture(store.db, { pageSize: 5 });
      const laptop = await fx.enrol('panitia');
      laptop.transport.fault = { kind: 'offline-after', ok: 3 };
      expect(await laptop.sync()).toMatchObject({ ok: false, reason: 'offline' });
      const cursorAfterDrop = await readCursor(laptop.db);
      const rows = await store.db.query<{ seq: string | number }>(
        'SELECT seq FROM records ORDER BY seq LIMIT 20',
      );
      // The first page of five came with the sign-in and three more arrived: the cursor is
      // the last change of the fourth page.
      expect(cursorAfterDrop).toBe(Number(rows[19]?.seq));
      expect(await laptop.db.entries.count()).toBeLessThan(fx.entries.length);

      laptop.transport.fault = { kind: 'none' };
      expect((await laptop.sync()).ok).toBe(true);
      expect(await laptop.db.entries.count()).toBe(fx.entries.length);
      const [{ last_seq } = { last_seq: 0 }] = await store.db.query<{ last_seq: string | number }>(
        'SELECT last_seq FROM change_counter',
      );
      expect(await readCursor(laptop.db)).toBe(Number(last_seq));
    });
  });

  describe('the same batch pushed twice, concurrently', () => {
    it('applies each mutation once when two requests carry the same batch at the same time', async () => {
      const { fx, judge, phone } = await judgeSetup();
      for (const [i, a] of fx.assignmentsOf(judge.id).entries()) {
        await phone.save({
          kind: 'scoresheet',
          data: scoresheetFor(a, fx.rubric, { kebaruan: 50 + i }),
        });
      }
      const mutations = (await phone.db.outbox.toArray()).map(
        (row) => (row as { mutation: unknown }).mutation,
      );
      const session = await phone.settings.session();
      const body = JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        schemaVersion: SCHEMA_VERSION,
        deviceId: phone.id,
        cursor: 0,
        mutations,
      });
      const post = () =>
        fx.app.request('/api/sync', {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${session?.token ?? ''}`,
          },
          body,
        });
      const [a, b] = await Promise.all([post(), post()]);
      const first = syncResponseSchema.parse(await a.json());
      const second = syncResponseSchema.parse(await b.json());
      expect(first.acks).toEqual(second.acks);
      expect(first.acks).toHaveLength(mutations.length);
      expect(await countApplied()).toBe(mutations.length);
      const sheets = await store.db.query('SELECT key FROM records WHERE kind = $1', [
        'scoresheet',
      ]);
      expect(sheets).toHaveLength(mutations.length);
    });

    it('lets only one tab of a device sync at a time', async () => {
      const { fx, phone, assignment } = await judgeSetup();
      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 61 }),
      });
      const tab = phone.openTab();
      const [one, two] = await Promise.all([phone.sync(), tab.sync()]);
      expect([one, two].filter((o) => 'skipped' in o)).toHaveLength(1);
      expect(await countApplied()).toBe(1);
      expect(await phone.pendingCount()).toBe(0);
    });
  });

  describe('phone clocks that lie', () => {
    it.each([
      ['10 minutes slow', -10 * MINUTE, false],
      ['10 minutes fast', 10 * MINUTE, false],
      ['a day slow', -DAY, true],
      ['a day fast', DAY, true],
      ['set to 1970', -SERVER_START_MS, true],
      ['a year fast', 365 * DAY, true],
    ])(
      'accepts edits from a phone %s, flags the skew when it is large, and keeps the server clock',
      async (_label, offset, flagged) => {
        const { fx, phone, assignment } = await judgeSetup({ clockMs: SERVER_START_MS + offset });
        await phone.save({
          kind: 'scoresheet',
          data: scoresheetFor(assignment, fx.rubric, { kebaruan: 90 }),
        });
        expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1 } });
        expect(
          (await fx.serverRecord('scoresheet', assignment.id))?.scores['kebaruan']?.value,
        ).toBe(90);
        const [row] = await store.db.query<{
          clock_skew_ms: string | number | null;
          applied_at: Date;
        }>('SELECT clock_skew_ms, applied_at FROM applied_mutations');
        expect(row?.clock_skew_ms === null).toBe(!flagged);
        expect(new Date(row?.applied_at ?? 0).getTime()).toBe(fx.serverClock.ms);
        // The stored hybrid clock is corrected by the offset measured at sign-in: it sits at
        // the server's time, never at the phone's.
        const [stamps] = await store.db.query<{ field_stamps: Record<string, { hlc: string }> }>(
          'SELECT field_stamps FROM records WHERE kind = $1 AND key = $2',
          ['scoresheet', assignment.id],
        );
        const wall = Number(stamps?.field_stamps['scores.kebaruan.value']?.hlc.slice(0, 15));
        expect(Math.abs(wall - fx.serverClock.ms)).toBeLessThan(MINUTE);
      },
    );

    it('orders two devices of one judge by corrected time, not by a phone set a year ahead', async () => {
      const { fx, judge, assignment } = await judgeSetup();
      const fast = await fx.enrol(judge, { clockMs: SERVER_START_MS + 365 * DAY });
      const right = await fx.enrol(judge, { clockMs: SERVER_START_MS });
      await fast.sync();
      await right.sync();
      await fast.save(
        { kind: 'scoresheet', data: scoresheetFor(assignment, fx.rubric, { kebaruan: 10 }) },
        { fields: ['scores.kebaruan.value'] },
      );
      // One minute later in real time, the correct phone scores the same criterion.
      fast.clock.ms += MINUTE;
      right.clock.ms += MINUTE;
      await right.save(
        { kind: 'scoresheet', data: scoresheetFor(assignment, fx.rubric, { kebaruan: 20 }) },
        { fields: ['scores.kebaruan.value'] },
      );
      await right.sync();
      await fast.sync();
      expect((await fx.serverRecord('scoresheet', assignment.id))?.scores['kebaruan']?.value).toBe(
        20,
      );
    });
  });

  describe('one judge, two devices, both offline', () => {
    it('merges different criteria and reports the same criterion as a conflict on both devices', async () => {
      const { fx, judge, phone, assignment } = await judgeSetup();
      const laptop = await fx.enrol(judge);
      await laptop.sync();
      await phone.save(
        {
          kind: 'scoresheet',
          data: scoresheetFor(assignment, fx.rubric, { kebaruan: 80, signifikansi: 60 }),
        },
        {
          fields: ['scores.kebaruan.value', 'scores.signifikansi.value'],
        },
      );
      phone.clock.ms += 1000;
      laptop.clock.ms += 2000;
      await laptop.save(
        {
          kind: 'scoresheet',
          data: scoresheetFor(assignment, fx.rubric, { adaptabilitas: 75, signifikansi: 65 }),
        },
        {
          fields: ['scores.adaptabilitas.value', 'scores.signifikansi.value'],
        },
      );
      await phone.sync();
      await laptop.sync();
      await phone.sync();

      const server = await fx.serverRecord('scoresheet', assignment.id);
      expect(server?.scores['kebaruan']?.value).toBe(80);
      expect(server?.scores['adaptabilitas']?.value).toBe(75);
      expect(server?.scores['signifikansi']?.value).toBe(65); // the laptop's edit is the later one
      for (const device of [phone, laptop]) {
        expect(await device.get('scoresheet', assignment.id)).toEqual(server);
        const conflicts = await device.db.conflicts.toArray();
        expect(conflicts).toHaveLength(1);
        expect(conflicts[0]).toMatchObject({
          data: {
            field: 'scores.signifikansi.value',
            kept: { valueJson: '65', deviceId: laptop.id },
            lost: { valueJson: '60', deviceId: phone.id },
          },
        });
      }
    });
  });

  describe('one judge, two devices: folded offline edits keep their own times', () => {
    it('lets the later edit of a criterion win although the other device edited again afterwards', async () => {
      const { fx, judge, phone, assignment } = await judgeSetup();
      const laptop = await fx.enrol(judge);
      await laptop.sync();
      // 09.00 the phone scores kebaruan; 10.00 the laptop scores it differently;
      // 11.00 the phone scores signifikansi. The phone's two edits go up as one mutation.
      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 60 }),
      });
      laptop.clock.ms += 60 * MINUTE;
      await laptop.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 85 }),
      });
      phone.clock.ms += 120 * MINUTE;
      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 60, signifikansi: 70 }),
      });
      expect(await phone.pendingCount()).toBe(1);

      await phone.sync();
      await laptop.sync();
      await phone.sync();
      const server = await fx.serverRecord('scoresheet', assignment.id);
      expect(server?.scores['kebaruan']?.value).toBe(85);
      expect(server?.scores['signifikansi']?.value).toBe(70);
      expect(await phone.get('scoresheet', assignment.id)).toEqual(server);
    });
  });

  describe('token revoked while offline', () => {
    it('lets the judge keep scoring, keeps the queue, and flushes it after signing in again', async () => {
      const { fx, judge, phone, assignment } = await judgeSetup();
      const admin = await fx.enrol('panitia');
      const adminToken = (await admin.settings.session())?.token ?? '';
      const revoke = await fx.app.request(`/api/admin/devices/${phone.id}/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(revoke.status).toBe(200);

      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 44 }),
      });
      expect(await phone.sync()).toMatchObject({ ok: false, reason: 'sign-in' });
      expect(phone.engine.state().needsSignIn).toBe(true);
      await phone.save(
        { kind: 'scoresheet', data: scoresheetFor(assignment, fx.rubric, { kebaruan: 45 }) },
        { fields: ['scores.kebaruan.value'] },
      );
      expect(await phone.pendingCount()).toBe(1); // the two unsent edits are folded into one

      const again = await fx.enrol(judge); // a fresh invite, redeemed on the same phone below
      const code = await (async () => {
        const response = await fx.app.request('/api/admin/invites', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
          body: JSON.stringify({ userId: judge.id }),
        });
        return ((await response.json()) as { code: string }).code;
      })();
      expect(again.id).not.toBe(phone.id);
      await phone.signIn(code);
      expect(await phone.sync()).toMatchObject({ ok: true, result: { pushed: 1 } });
      expect(await phone.pendingCount()).toBe(0);
      expect((await fx.serverRecord('scoresheet', assignment.id))?.scores['kebaruan']?.value).toBe(
        45,
      );
    });
  });

  describe('a week of backlog', () => {
    it('sends 500 scoresheets in batches, splitting a batch a proxy refuses as too large', async () => {
      const fx = await createSyncFixture(store.db);
      const judge = fx.judges[0]!;
      const admin = await fx.enrol('panitia');
      await admin.sync();
      // A judge is assigned to an entry once per stage, so the week has 500 entries.
      const template = fx.entries[0]!;
      const entries = Array.from({ length: 500 }, (_, i) => ({
        ...template,
        id: `0190b000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        title: `${template.title} ${i + 1}`,
      }));
      const assignments = entries.map((entry, i) => ({
        id: `0190b001-0000-7000-8000-${String(i).padStart(12, '0')}`,
        stageId: fx.stage.id,
        judgeId: judge.id,
        entryId: entry.id,
      }));
      for (const data of entries) await admin.save({ kind: 'entry', data });
      for (const a of assignments) await admin.save({ kind: 'assignment', data: a });
      expect(await admin.sync()).toMatchObject({ ok: true, result: { pushed: 1000 } });

      const phone = await fx.enrol(judge, { batchSize: 500 });
      await phone.sync();
      for (const [i, a] of assignments.entries()) {
        await phone.save({
          kind: 'scoresheet',
          data: scoresheetFor(a, fx.rubric, { kebaruan: i % 101, 'latar-belakang': 50 }),
        });
      }
      phone.transport.fault = { kind: 'max-body', bytes: 200_000 };
      const outcome = await phone.sync();
      expect(outcome).toMatchObject({ ok: true, result: { pushed: 500, rejected: 0 } });
      expect(await phone.pendingCount()).toBe(0);
      expect(await countApplied()).toBe(1500); // the panitia's 500 entries and 500 assignments, the 500 sheets
      const sheets = await fx.serverRecords('scoresheet');
      expect(sheets).toHaveLength(500);
    });
  });

  describe('sync that silently stalls', () => {
    it('shows the sync as stuck with the age of the oldest unsynced change', async () => {
      const { fx, phone, assignment } = await judgeSetup();
      await phone.save({
        kind: 'scoresheet',
        data: scoresheetFor(assignment, fx.rubric, { kebaruan: 33 }),
      });
      phone.transport.fault = { kind: 'stall' };
      const pending = phone.sync();
      phone.clock.ms += 11 * MINUTE;
      const summary = await summarizeOutbox(phone.db, phone.clock.ms);
      expect(summary.oldestPendingAgeMs).toBe(11 * MINUTE);
      expect(isSyncStuck(phone.engine.state(), summary.oldestPendingAgeMs, phone.clock.ms)).toBe(
        true,
      );

      phone.transport.release();
      expect(await pending).toMatchObject({ ok: false, reason: 'offline' });
      expect(isSyncStuck(phone.engine.state(), summary.oldestPendingAgeMs, phone.clock.ms)).toBe(
        true,
      );
      phone.transport.fault = { kind: 'none' };
      expect((await phone.sync()).ok).toBe(true);
      const after = await summarizeOutbox(phone.db, phone.clock.ms);
      expect(isSyncStuck(phone.engine.state(), after.oldestPendingAgeMs, phone.clock.ms)).toBe(
        false,
      );
    });
  });
});
