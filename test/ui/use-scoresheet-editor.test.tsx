import { act, renderHook, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db/app-database';
import type { ScoringContext } from '../../src/db/load-scoring-context';
import { getRecord } from '../../src/db/record-repository';
import { ServicesProvider, type AppServices } from '../../src/ui/app-services';
import { useScoresheetEditor } from '../../src/ui/use-scoresheet-editor';
import { testId } from '../support/records';
import { DEVICE_PHONE, SHEET_ID, T0, baseSheet, withScore } from '../support/scoresheets';
import { databaseWith } from '../support/screen-harness';

async function renderEditor() {
  const db = await databaseWith([{ kind: 'scoresheet', data: baseSheet() }]);
  let n = 0;
  const services = {
    db,
    deviceId: DEVICE_PHONE,
    makeId: () => testId(0xf000 + n++),
    now: () => T0,
  } as unknown as AppServices;
  // The editor reads only the sheet from its context when there is one.
  const context = { sheet: baseSheet() } as unknown as ScoringContext;
  const { result, rerender } = renderHook(() => useScoresheetEditor(context), {
    wrapper: (props: { children: ComponentChildren }) => (
      <ServicesProvider value={services}>{props.children}</ServicesProvider>
    ),
  });
  await waitFor(() => expect(result.current.sheet).not.toBeNull());
  const setKebaruan = (value: number) =>
    result.current.update((s) => withScore(s, 'kebaruan', { value }), ['scores.kebaruan.value']);
  return { db, result, rerender, setKebaruan };
}

async function storedKebaruan(db: AppDatabase): Promise<number | null | undefined> {
  const lookup = await getRecord(db, 'scoresheet', SHEET_ID);
  return lookup.status === 'found' ? lookup.row.scores['kebaruan']?.value : undefined;
}

it('draws a change once it is saved, with every change made meanwhile', async () => {
  const { db, result, setKebaruan } = await renderEditor();
  void act(() => {
    setKebaruan(75);
    setKebaruan(80);
  });
  // Saved first: a redraw before the save would hold it back behind its frame.
  expect(result.current.sheet?.scores['kebaruan']?.value).toBe(70);
  await waitFor(() => expect(result.current.sheet?.scores['kebaruan']?.value).toBe(80));
  expect(await storedKebaruan(db)).toBe(80);
});

/** Holds the scoresheets in a transaction of its own until `release` is called. */
async function holdScoresheets(db: AppDatabase): Promise<() => void> {
  await db.open();
  const table = db.recordTable('scoresheet').name;
  const store = db.backendDB().transaction([table], 'readwrite').objectStore(table);
  let holding = true;
  const hold = () => {
    store.count().onsuccess = () => {
      if (holding) hold();
    };
  };
  hold();
  return () => {
    holding = false;
  };
}

const savesMeasured = () => performance.getEntriesByName('jurilapang:autosave').length;

it('shows every change made so far whenever it is redrawn, saved or not', async () => {
  const { db, result, rerender, setKebaruan } = await renderEditor();
  const release = await holdScoresheets(db);
  try {
    const before = savesMeasured();
    void act(() => setKebaruan(85));
    rerender(); // the screen redrawn for another reason (a live query, the layout switch)
    expect(result.current.sheet?.scores['kebaruan']?.value).toBe(85);
    expect(savesMeasured()).toBe(before); // still being saved
  } finally {
    release();
  }
  await waitFor(async () => expect(await storedKebaruan(db)).toBe(85));
});

it('draws a change that is taking long to save after 200 ms, and saves it', async () => {
  const { db, result, setKebaruan } = await renderEditor();
  const release = await holdScoresheets(db);
  try {
    const before = savesMeasured();
    void act(() => setKebaruan(85));
    await waitFor(() => expect(result.current.sheet?.scores['kebaruan']?.value).toBe(85), {
      timeout: 2_000,
    });
    expect(savesMeasured()).toBe(before); // drawn before it was saved
  } finally {
    release();
  }
  await waitFor(async () => expect(await storedKebaruan(db)).toBe(85));
  expect(result.current.saveError).toBeNull();
});
