import { render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { applyPulledChanges } from '../../src/db/apply-pulled-changes';
import type { AppDatabase } from '../../src/db/app-database';
import type { SyncRecord } from '../../src/domain/sync-record';
import { ServicesProvider, type AppServices } from '../../src/ui/app-services';
import { I18nProvider, makeTranslate } from '../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../src/ui/i18n/messages-id';
import { freshDatabase } from './fresh-database';

/** A fresh device database holding these records as if pulled from the server, in order. */
export async function databaseWith(records: readonly SyncRecord[]): Promise<AppDatabase> {
  const db = freshDatabase();
  await applyPulledChanges(db, {
    changes: records.map((record, index) => ({ seq: index + 1, record })),
    cursor: records.length,
  });
  return db;
}

/**
 * Renders a screen as the app does (services, Indonesian texts, inside <main>), with a
 * fixed clock and ids numbered from `firstId`; a save asks for a sync that does nothing.
 */
export function renderScreen(
  db: AppDatabase,
  screen: ComponentChildren,
  options: { nowMs: number; idPrefix: string },
): void {
  let n = 0;
  const services = {
    db,
    now: () => options.nowMs,
    deviceId: `${options.idPrefix}${'d001'.padStart(12, '0')}`,
    makeId: () => `${options.idPrefix}${(0xf000 + n++).toString(16).padStart(12, '0')}`,
    sync: { syncNow: () => Promise.resolve() },
  } as unknown as AppServices;
  render(
    <ServicesProvider value={services}>
      <I18nProvider value={{ locale: 'id', t: makeTranslate(MESSAGES_ID), setLocale: () => {} }}>
        <main>{screen}</main>
      </I18nProvider>
    </ServicesProvider>,
  );
}
