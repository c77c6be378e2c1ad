import { fireEvent, screen, within } from '@testing-library/preact';
import { expect, it } from 'vitest';
import type { AppDatabase } from '../../../src/db/app-database';
import { listPendingMutations } from '../../../src/db/outbox-repository';
import { AssignmentsScreen } from '../../../src/ui/manage/AssignmentsScreen';
import { ManageProvider } from '../../../src/ui/manage/manage-context';
import {
  makeAssignment,
  makeCategory,
  makeCompetition,
  makeEntry,
  makeRubricRecord,
  makeScoresheet,
  makeStage,
  makeUser,
  testId,
} from '../../support/records';
import { databaseWith, renderScreen } from '../../support/screen-harness';

const competition = makeCompetition(testId(1));
const rubric = makeRubricRecord(testId(3));
const desk = makeStage(testId(2), competition.id, rubric.id, { state: 'closed', kind: 'desk' });
const presentation = makeStage(testId(4), competition.id, rubric.id, { state: 'draft', order: 2 });
const entry = makeEntry(testId(5), competition.id, testId(6));
const ownUnitJudge = makeUser(testId(7), { name: 'Ir. Bambang', unit: entry.unit });
const abstainedJudge = makeUser(testId(8), { name: 'Dr. Sri Wahyuni' });
const freeJudge = makeUser(testId(9), { name: 'Drs. Agus Salim' });
const deskWork = makeAssignment(testId(10), {
  stageId: desk.id,
  judgeId: abstainedJudge.id,
  entryId: entry.id,
});
const abstention = makeScoresheet(
  deskWork.id,
  { ...deskWork, rubricId: rubric.id },
  { status: 'abstained', abstainReason: 'Kerabat pengusul' },
);

/** Ids the screen makes start with this, so a test can name the record it will write. */
const ID_PREFIX = '0190a000-0000-7000-8000-';

function renderAssignments(db: AppDatabase, stageId: string): void {
  renderScreen(
    db,
    <ManageProvider value={{ navigate: () => {} } as never}>
      <AssignmentsScreen stageId={stageId} />
    </ManageProvider>,
    { nowMs: Date.parse('2025-08-18T02:00:00Z'), idPrefix: ID_PREFIX },
  );
}

it('says why a judge cannot be added by hand, and adds only one who may judge the entry', async () => {
  const db = await databaseWith([
    { kind: 'competition', data: competition },
    { kind: 'category', data: makeCategory(testId(6), competition.id) },
    { kind: 'rubric', data: rubric },
    { kind: 'stage', data: desk },
    { kind: 'stage', data: presentation },
    { kind: 'entry', data: entry },
    { kind: 'user', data: ownUnitJudge },
    { kind: 'user', data: abstainedJudge },
    { kind: 'user', data: freeJudge },
    { kind: 'assignment', data: deskWork },
    { kind: 'scoresheet', data: abstention },
  ]);
  renderAssignments(db, presentation.id);

  const card = within(await screen.findByRole('listitem', { name: new RegExp(entry.title) }));
  const select = card.getByLabelText('Tambah juri secara manual');
  const add = card.getByRole('button', { name: 'Tambah' });

  fireEvent.change(select, { target: { value: ownUnitJudge.id } });
  expect((await card.findByRole('status')).textContent).toContain(
    `Juri ini berasal dari unit peserta ini (${entry.unit.name})`,
  );
  expect((add as HTMLButtonElement).disabled).toBe(true);

  fireEvent.change(select, { target: { value: abstainedJudge.id } });
  expect((await card.findByRole('status')).textContent).toContain(
    'abstain pada peserta ini (Kerabat pengusul)',
  );
  expect((add as HTMLButtonElement).disabled).toBe(true);

  fireEvent.change(select, { target: { value: freeJudge.id } });
  await expect.poll(() => card.queryByRole('status')).toBeNull();
  expect((add as HTMLButtonElement).disabled).toBe(false);
  fireEvent.click(add);
  await expect
    .poll(() => listPendingMutations(db).then((list) => list.rows.map((m) => m.record)))
    .toEqual([
      {
        kind: 'assignment',
        data: {
          id: `${ID_PREFIX}00000000f000`,
          stageId: presentation.id,
          judgeId: freeJudge.id,
          entryId: entry.id,
        },
      },
    ]);
});

it('stores the field plan’s visit day on each assignment, moving a site assigned before', async () => {
  const field = makeStage(testId(30), competition.id, rubric.id, { state: 'draft', kind: 'field' });
  // Three sites of one kecamatan, one already given to the judge by hand.
  const sites = [31, 32, 33].map((n) =>
    makeEntry(testId(n), competition.id, testId(6), {
      title: `Situs ${n}`,
      regionCode: '33.16.01.2001',
    }),
  );
  const byHand = makeAssignment(testId(40), {
    stageId: field.id,
    judgeId: freeJudge.id,
    entryId: testId(33),
  });
  const db = await databaseWith([
    { kind: 'competition', data: competition },
    { kind: 'category', data: makeCategory(testId(6), competition.id) },
    { kind: 'rubric', data: rubric },
    { kind: 'stage', data: field },
    ...sites.map((data) => ({ kind: 'entry' as const, data })),
    { kind: 'user', data: freeJudge },
    { kind: 'assignment', data: byHand },
  ]);
  renderAssignments(db, field.id);
  fireEvent.input(await screen.findByLabelText('Juri per peserta'), { target: { value: '1' } });
  fireEvent.input(screen.getByLabelText('Kunjungan per juri per hari'), { target: { value: '2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Susun rencana penugasan' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Simpan 2 penugasan' }));

  await expect
    .poll(async () =>
      (await listPendingMutations(db)).rows.map((m) => {
        const a = m.record.data as { entryId: string; visitDay?: number };
        return [a.entryId, a.visitDay];
      }),
    )
    .toEqual([
      [testId(31), 1],
      [testId(32), 2],
      [testId(33), 1],
    ]);
});
