import { fireEvent, screen, within } from '@testing-library/preact';
import { expect, it } from 'vitest';
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
  const idPrefix = '0190a000-0000-7000-8000-';
  renderScreen(
    db,
    <ManageProvider value={{ navigate: () => {} } as never}>
      <AssignmentsScreen stageId={presentation.id} />
    </ManageProvider>,
    { nowMs: Date.parse('2025-08-18T02:00:00Z'), idPrefix },
  );

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
          id: `${idPrefix}00000000f000`,
          stageId: presentation.id,
          judgeId: freeJudge.id,
          entryId: entry.id,
        },
      },
    ]);
});
