import { expect, it } from 'vitest';
import { createSyncFixture, scoresheetFor } from '../support/sync-fixture';
import { describeOnEachStore } from '../support/test-stores';

describeOnEachStore('many devices pushing at once', (store) => {
  it('numbers changes so that a device pulling meanwhile misses none', async () => {
    const fx = await createSyncFixture(store.db, { pageSize: 7 });
    const judges = await Promise.all(fx.judges.map((j) => fx.enrol(j)));
    await Promise.all(judges.map((d) => d.sync()));
    const expected = new Map<string, number>();
    for (const [i, device] of judges.entries()) {
      for (const a of fx.assignmentsOf(fx.judges[i]!.id)) {
        const value = (i * 13 + a.id.charCodeAt(30)) % 101;
        expected.set(a.id, value);
        await device.save({
          kind: 'scoresheet',
          data: scoresheetFor(a, fx.rubric, { kebaruan: value }),
        });
      }
    }
    const watcher = await fx.enrol('panitia');
    await watcher.sync();
    // Every judge pushes at the same moment while the panitia's laptop keeps pulling.
    let pushing = true;
    const pulls = (async () => {
      while (pushing) await watcher.sync();
    })();
    await Promise.all(judges.map((d) => d.sync()));
    pushing = false;
    await pulls;
    await watcher.sync();

    for (const [id, value] of expected) {
      expect((await watcher.get('scoresheet', id))?.scores['kebaruan']?.value).toBe(value);
    }
    const seqs = await store.db.query<{ seq: string | number }>(
      'SELECT seq FROM records ORDER BY seq',
    );
    expect(new Set(seqs.map((r) => Number(r.seq))).size).toBe(seqs.length);
  });
});
