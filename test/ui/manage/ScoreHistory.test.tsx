import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { applyPulledChanges } from '../../../src/db/apply-pulled-changes';
import type { AuditRow } from '../../../src/domain/audit-entry';
import { ServicesProvider, type AppServices } from '../../../src/ui/app-services';
import { I18nProvider, makeTranslate } from '../../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../../src/ui/i18n/messages-id';
import { ScoreHistory } from '../../../src/ui/manage/ScoreHistory';
import { NetworkError } from '../../../src/sync/transport';
import { freshDatabase } from '../../support/fresh-database';

const JUDGE = '0190a000-0000-7000-8000-00000000a001';
const ENTRY = '0190a000-0000-7000-8000-00000000e001';

function row(position: number, changes: AuditRow['changes']): AuditRow {
  return {
    position,
    mutationId: `0190a000-0000-7000-8000-00000000f00${position}`,
    userId: JUDGE,
    deviceId: '0190a000-0000-7000-8000-0000000dev01',
    madeAt: '2022-08-18T02:00:00.000Z',
    hlc: `0016608000000${position}-00000-dev`,
    appliedAt: '2022-08-18T03:30:00.000Z',
    recordSeq: 10 + position,
    scoresheetId: '0190a000-0000-7000-8000-00000000c001',
    stageId: '0190a000-0000-7000-8000-00000000b001',
    entryId: ENTRY,
    judgeId: JUDGE,
    changes,
    prevHash: 'a'.repeat(64),
    hash: 'b'.repeat(64),
  };
}

async function renderWith(
  entryScoreHistory: () => Promise<{ entryId: string; history: AuditRow[] }>,
) {
  const db = freshDatabase();
  await applyPulledChanges(db, {
    changes: [
      {
        seq: 1,
        record: { kind: 'user', data: { id: JUDGE, name: 'Dr. Sri Wahyuni', role: 'judge' } },
      },
    ],
    cursor: 1,
  });
  const services = {
    db,
    sync: { admin: () => Promise.resolve({ entryScoreHistory }) },
  } as unknown as AppServices;
  render(
    <ServicesProvider value={services}>
      <I18nProvider value={{ locale: 'id', t: makeTranslate(MESSAGES_ID), setLocale: () => {} }}>
        <main>
          <ScoreHistory entryId={ENTRY} />
        </main>
      </I18nProvider>
    </ServicesProvider>,
  );
}

describe("an entry's score history on the panitia's screen", () => {
  it('shows each change with the judge by name, when, and the old and new value', async () => {
    await renderWith(() =>
      Promise.resolve({
        entryId: ENTRY,
        history: [
          row(1, [{ field: 'scores.kebaruan.value', old: null, new: 70 }]),
          row(2, [{ field: 'scores.kebaruan.value', old: 70, new: 85 }]),
        ],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan riwayat' }));
    const table = await screen.findByRole('table', { name: 'Riwayat nilai' });
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('scores.kebaruan.value: — → 70');
    expect(rows[1]?.textContent).toContain('scores.kebaruan.value: 70 → 85');
    // Names come from the users on the device, both rows by the same judge.
    expect(await screen.findAllByText('Dr. Sri Wahyuni', { exact: false })).toHaveLength(2);
    expect(rows[1]?.textContent).toMatch(/18 Agustus 2022 \d{2}\.30/);
  });

  it('says plainly that the history needs a connection when offline', async () => {
    await renderWith(() => Promise.reject(new NetworkError('offline')));
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan riwayat' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Riwayat nilai ada di server: perlu koneksi.',
    );
  });
});
