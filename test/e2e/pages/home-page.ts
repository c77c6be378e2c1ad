import type { Page } from 'playwright-core';

/** The first screen after sign-in: competitions and their entries, from IndexedDB. */
export class HomePage {
  constructor(private readonly page: Page) {}

  competition(name: string) {
    return this.page.getByRole('region', { name });
  }

  entry(title: string) {
    return this.page.locator('.entry-title', { hasText: title });
  }

  demoBadge() {
    return this.page.getByText('DATA CONTOH', { exact: true });
  }

  pendingChanges() {
    return this.page.locator('.sync-bar .pending');
  }

  connectionState() {
    return this.page.locator('.sync-bar .dot');
  }

  async switchToEnglish(): Promise<void> {
    await this.page.getByLabel('Bahasa').selectOption('en');
  }

  /** Waits until the service worker controls the page, so a reload is served from its cache. */
  async waitForServiceWorkerControl(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}
