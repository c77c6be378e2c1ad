import { expect, it } from 'vitest';
import {
  entryScoreHistorySchema,
  type AuditVerification,
  type EntryScoreHistory,
} from '../../src/domain/audit-entry';
import type { Scoresheet } from '../../src/domain/scoresheet';
import type { Stage } from '../../src/domain/stage';
import type { SyncRecord } from '../../src/domain/sync-record';
import { loadAuditChain } from '../../src/server/audit/audit-queries';
import { verifyAuditChain } from '../../src/server/audit/verify-audit-chain';
import type { SqlClient } from '../../src/server/store/sql-client';
import { createSyncFixture, scoresheetFor, type SyncFixture } from '../support/sync-fixture';
import type { TestDevice } from '../support/test-device';
import { describeOnEachStore } from '../support/test-stores';

async function commit(
  device: TestDevice,
  record: SyncRecord,
  options: { fields?: string[] } = {},
): Promise<void> {
  const mutation = await device.save(record, options);
  expect(await device.sync()).toMatchObject({ ok: true });
  const left = await device.db.outbox.where('mutation.id').equals(mutation.id).first();
  expect(left, `the ${record.kind} edit was not acknowledged`).toBeUndefined();
}

async function getJson(
  fx: SyncFixture,
  device: TestDevice,
  path: string,
): Promise<{ status: number; body: unknown }> {
  const token = (await device.settings.session())?.token ?? '';
  const response = await fx.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

async function historyOf(
  fx: SyncFixture,
  device: TestDevice,
  entryId: string,
): Promise<EntryScoreHistory> {
  const { status, body } = await getJson(fx, device, `/api/audit/entries/${entryId}`);
  expect(status).toBe(200);
  return entryScoreHistorySchema.parse(body);
}

async function verifyInDatabase(db: SqlClient): Promise<AuditVerification> {
  const { rows, head } = await loadAuditChain(db);
  return verifyAuditChain(rows, head);
}

async function setStageState(fx: SyncFixture, panitia: TestDevice, state: Stage['state']) {
  const current = await fx.serverRecord('stage', fx.stage.id);
  if (!current) throw new Error('the open stage is gone');
  await commit(panitia, { kind: 'stage', data: { ...current, state } });
}

/** One judge scores a sheet three times, over two sittings; returns the sheet. */
async function judgeEditsOneSheet(fx: SyncFixture, judge: TestDevice): Promise<Scoresheet> {
  const assignment = fx.assignmentsOf(fx.judges[0]!.id)[0]!;
  const first = scoresheetFor(assignment, fx.rubric, { kebaruan: 70 });
  await commit(judge, { kind: 'scoresheet', data: first });
  judge.clock.ms += 60_000;
  await commit(judge, {
    kind: 'scoresheet',
    data: { ...first, scores: { ...first.scores, kebaruan: { value: 85, note: 'lebih baik' } } },
  });
  judge.clock.ms += 60_000;
  const current = await judge.get('scoresheet', first.id);
  await commit(judge, { kind: 'scoresheet', data: { ...current!, overallNote: 'Cukup' } });
  return first;
}

describeOnEachStore('the audit log of score changes', (store) => {
  it("records each of a judge's applied edits with who, which device, when, and the old and new values", async () => {
    const fx = await createSyncFixture(store.db);
    const judge = await fx.enrol(fx.judges[0]!);
    await judge.sync();
    const startedOnDevice = judge.clock.ms;
    fx.serverClock.ms += 5_000;
    const sheet = await judgeEditsOneSheet(fx, judge);
    const panitia = await fx.enrol('panitia');
    await panitia.sync();

    const body = await historyOf(fx, panitia, sheet.entryId);
    expect(body.history).toHaveLength(3);
    const [created, rescored, noted] = body.history;
    expect(created).toMatchObject({
      position: 1,
      userId: fx.judges[0]!.id,
      deviceId: judge.id,
      scoresheetId: sheet.id,
      madeAt: new Date(startedOnDevice).toISOString(),
      appliedAt: new Date(fx.serverClock.ms).toISOString(),
    });
    expect(created?.changes).toContainEqual({ field: 'scores.kebaruan.value', old: null, new: 70 });
    expect(rescored?.madeAt).toBe(new Date(startedOnDevice + 60_000).toISOString());
    expect(rescored?.changes).toEqual([
      { field: 'scores.kebaruan.value', old: 70, new: 85 },
      { field: 'scores.kebaruan.note', old: '', new: 'lebih baik' },
    ]);
    expect(noted?.changes).toEqual([{ field: 'overallNote', old: '', new: 'Cukup' }]);
    expect(noted?.prevHash).toBe(rescored?.hash);

    const verified = await getJson(fx, panitia, '/api/audit/verify');
    expect(verified).toEqual({ status: 200, body: { ok: true, rows: 3 } });
  });

  it("logs the panitia's reopening as a status change by the panitia, and a refused edit not at all", async () => {
    const fx = await createSyncFixture(store.db);
    const judge = await fx.enrol(fx.judges[0]!);
    await judge.sync();
    const assignment = fx.assignmentsOf(fx.judges[0]!.id)[0]!;
    const full = Object.fromEntries(
      fx.rubric.criteria.map((c) => [
        c.key,
        c.scale.kind === 'range' ? c.scale.max : Math.max(...c.scale.levels.map((l) => l.points)),
      ]),
    );
    const sheet = scoresheetFor(assignment, fx.rubric, full);
    await commit(judge, { kind: 'scoresheet', data: sheet });
    const submittedAt = new Date(judge.clock.ms).toISOString();
    await commit(judge, {
      kind: 'scoresheet',
      data: { ...sheet, status: 'submitted', submittedAt },
    });
    // Submitted sheets are locked for the judge: refused, so nothing is logged.
    await judge.save({ kind: 'scoresheet', data: { ...sheet, overallNote: 'terlambat' } });
    await judge.sync();

    const panitia = await fx.enrol('panitia');
    await panitia.sync();
    const stored = await fx.serverRecord('scoresheet', sheet.id);
    const { submittedAt: _at, ...reopened } = { ...stored!, status: 'draft' as const };
    await commit(panitia, { kind: 'scoresheet', data: reopened }, { fields: ['status'] });

    const body = await historyOf(fx, panitia, sheet.entryId);
    expect(body.history.map((row) => row.userId === fx.judges[0]!.id)).toEqual([true, true, false]);
    expect(body.history[2]).toMatchObject({
      deviceId: panitia.id,
      changes: [
        {
          field: 'status',
          old: { status: 'submitted', abstainReason: null, submittedAt },
          new: { status: 'draft', abstainReason: null, submittedAt: null },
        },
      ],
    });
    expect(await verifyInDatabase(store.db)).toEqual({ ok: true, rows: 3 });
  });

  it('finds a changed row, a removed row, a removed last row and two rows swapped', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = await fx.enrol(fx.judges[0]!);
    await judge.sync();
    await judgeEditsOneSheet(fx, judge);
    const db = store.db;
    const tampered = async (sql: string): Promise<AuditVerification> => {
      await db.query('BEGIN');
      try {
        for (const statement of sql.split(';')) if (statement.trim()) await db.query(statement);
        return await verifyInDatabase(db);
      } finally {
        await db.query('ROLLBACK');
      }
    };
    expect(await verifyInDatabase(db)).toEqual({ ok: true, rows: 3 });

    expect(
      await tampered(
        `UPDATE audit_log SET changes = jsonb_set(changes, '{1,new}', '100') WHERE position = 2`,
      ),
    ).toMatchObject({
      ok: false,
      firstBadRow: 2,
      reason: 'row 2 was changed: its content does not give its hash',
    });
    expect(
      await tampered(`UPDATE audit_log SET user_id = 'someone' WHERE position = 1`),
    ).toMatchObject({
      ok: false,
      firstBadRow: 1,
    });
    expect(await tampered('DELETE FROM audit_log WHERE position = 2')).toMatchObject({
      ok: false,
      rows: 2,
      firstBadRow: 2,
      reason: 'row 2 is missing (the next row is 3)',
    });
    expect(await tampered('DELETE FROM audit_log WHERE position = 3')).toMatchObject({
      ok: false,
      rows: 2,
      firstBadRow: 3,
      reason: 'row 3 is missing from the end of the log',
    });
    expect(
      await tampered(
        `UPDATE audit_log SET position = -2 WHERE position = 2;
         UPDATE audit_log SET position = 2 WHERE position = 3;
         UPDATE audit_log SET position = 3 WHERE position = -2`,
      ),
    ).toMatchObject({ ok: false, firstBadRow: 2 });
    // Renumbering the rest after a removal does not hide it: the next row names its predecessor.
    expect(
      await tampered(
        `DELETE FROM audit_log WHERE position = 2;
         UPDATE audit_log SET position = 2 WHERE position = 3;
         UPDATE audit_head SET position = 2`,
      ),
    ).toMatchObject({ ok: false, firstBadRow: 2 });
    expect(await verifyInDatabase(db)).toEqual({ ok: true, rows: 3 });
  });

  it('keeps one valid chain, in commit order, when many devices push at once', async () => {
    const fx = await createSyncFixture(store.db);
    const devices = await Promise.all(fx.judges.map((j) => fx.enrol(j)));
    await Promise.all(devices.map((d) => d.sync()));
    let expectedRows = 0;
    for (const [i, device] of devices.entries()) {
      for (const a of fx.assignmentsOf(fx.judges[i]!.id)) {
        await device.save({
          kind: 'scoresheet',
          data: scoresheetFor(a, fx.rubric, { kebaruan: 50 + i }),
        });
        expectedRows += 1;
      }
    }
    // A second device of the first judge, offline meanwhile, edits the same sheets.
    const laptop = await fx.enrol(fx.judges[0]!);
    for (const a of fx.assignmentsOf(fx.judges[0]!.id)) {
      await laptop.save({
        kind: 'scoresheet',
        data: scoresheetFor(a, fx.rubric, { kebaruan: 99 }),
      });
    }
    const outcomes = await Promise.all([...devices, laptop].map((d) => d.sync()));
    expect(outcomes.every((o) => o.ok)).toBe(true);

    const { rows, head } = await loadAuditChain(store.db);
    expect(verifyAuditChain(rows, head)).toEqual({ ok: true, rows: rows.length });
    expect(rows.length).toBeGreaterThanOrEqual(expectedRows);
    expect(rows.map((r) => r.position)).toEqual(rows.map((_, i) => i + 1));
    // Commit order: every row's scoresheet change number rises along the chain.
    const seqs = rows.map((r) => r.recordSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    // Every sheet's final value is the last one its history shows.
    for (const a of fx.assignmentsOf(fx.judges[0]!.id)) {
      const last = rows.filter((r) => r.scoresheetId === a.id).at(-1);
      const value = (await fx.serverRecord('scoresheet', a.id))?.scores['kebaruan']?.value;
      expect(last?.changes.find((c) => c.field === 'scores.kebaruan.value')?.new).toBe(value);
    }
  });

  it('answers the verification only to the panitia, and an entry history to its panel once finalised', async () => {
    const fx = await createSyncFixture(store.db);
    const judge = await fx.enrol(fx.judges[0]!);
    await judge.sync();
    const sheet = await judgeEditsOneSheet(fx, judge);
    const operator = await fx.enrol(fx.operator);
    const path = `/api/audit/entries/${sheet.entryId}`;

    expect((await getJson(fx, judge, '/api/audit/verify')).status).toBe(403);
    expect((await getJson(fx, operator, '/api/audit/verify')).status).toBe(403);
    expect((await getJson(fx, operator, path)).status).toBe(403);
    expect((await historyOf(fx, judge, sheet.entryId)).history).toEqual([]);

    const panitia = await fx.enrol('panitia');
    await panitia.sync();
    await setStageState(fx, panitia, 'closed');
    await setStageState(fx, panitia, 'finalised');
    expect((await historyOf(fx, judge, sheet.entryId)).history).toHaveLength(3);
    expect((await getJson(fx, panitia, '/api/audit/entries/not-an-id')).status).toBe(400);
  });
});

describeOnEachStore("an entry's score history through the sync engine", (store) => {
  it("reaches the panitia's device, parsed, with each change's old and new values", async () => {
    const fx = await createSyncFixture(store.db);
    const judge = await fx.enrol(fx.judges[0]!);
    await judge.sync();
    const sheet = await judgeEditsOneSheet(fx, judge);
    const panitia = await fx.enrol('panitia');
    await panitia.sync();

    const history = await (await panitia.engine.admin()).entryScoreHistory(sheet.entryId);
    expect(history.history.map((row) => row.position)).toEqual([1, 2, 3]);
    expect(history.history[1]?.changes).toContainEqual({
      field: 'scores.kebaruan.value',
      old: 70,
      new: 85,
    });
  });
});
