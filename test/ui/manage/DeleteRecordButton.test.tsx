import { fireEvent, screen } from '@testing-library/preact';
import { expect, it } from 'vitest';
import { listPendingMutations } from '../../../src/db/outbox-repository';
import { DeleteRecordButton } from '../../../src/ui/manage/DeleteRecordButton';
import { ManageProvider } from '../../../src/ui/manage/manage-context';
import { makeCategory, makeCompetition, makeEntry, makeUser, testId } from '../../support/records';
import { databaseWith, renderScreen } from '../../support/screen-harness';

const competition = makeCompetition(testId(1));
const used = makeCategory(testId(2), competition.id, { name: 'Tata kelola' });
const spare = makeCategory(testId(3), competition.id, { name: 'Cadangan' });
const entry = makeEntry(testId(4), competition.id, used.id);
const panitia = makeUser(testId(5), { name: 'Panitia Bappeda', role: 'panitia' });

async function renderButtons() {
  const db = await databaseWith([
    { kind: 'competition', data: competition },
    { kind: 'category', data: used },
    { kind: 'category', data: spare },
    { kind: 'entry', data: entry },
    { kind: 'user', data: panitia },
  ]);
  renderScreen(
    db,
    <ManageProvider
      value={{ navigate: () => {}, session: { token: 'x'.repeat(20), user: panitia } }}
    >
      <DeleteRecordButton record={{ kind: 'category', data: used }} name={used.name} />
      <DeleteRecordButton record={{ kind: 'category', data: spare }} name={spare.name} />
      <DeleteRecordButton record={{ kind: 'user', data: panitia }} name={panitia.name} />
    </ManageProvider>,
    { nowMs: Date.parse('2025-08-18T02:00:00Z'), idPrefix: '0190a000-0000-7000-8000-' },
  );
  return db;
}

it('says what still depends on a record and deletes nothing', async () => {
  const db = await renderButtons();
  fireEvent.click(screen.getByRole('button', { name: 'Hapus Tata kelola' }));
  expect((await screen.findByRole('status')).textContent).toBe(
    'Tata kelola tidak bisa dihapus: masih punya 1 peserta.',
  );
  fireEvent.click(screen.getByRole('button', { name: 'Hapus Panitia Bappeda' }));
  await screen.findByText(/Anda tidak bisa menghapus akun Anda sendiri/);
  expect((await listPendingMutations(db)).rows).toEqual([]);
});

it('asks once more, then deletes a free record through the outbox; "Batal" keeps it', async () => {
  const db = await renderButtons();
  fireEvent.click(screen.getByRole('button', { name: 'Hapus Cadangan' }));
  await screen.findByText('Hapus Cadangan? Ini tidak bisa dibatalkan.');
  fireEvent.click(screen.getByRole('button', { name: 'Batal' }));
  expect(screen.queryByText('Hapus Cadangan? Ini tidak bisa dibatalkan.')).toBeNull();
  expect((await listPendingMutations(db)).rows).toEqual([]);

  fireEvent.click(screen.getByRole('button', { name: 'Hapus Cadangan' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Ya, hapus' }));
  await expect
    .poll(async () => (await listPendingMutations(db)).rows.map((m) => [m.op, m.record]))
    .toEqual([['delete', { kind: 'category', data: spare }]]);
});
