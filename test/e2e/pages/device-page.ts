import type { Page } from 'playwright-core';
import { SignInPage } from './sign-in-page';

/**
 * A judge signed in from an invite link, their work list drawn and the service worker in
 * control, so the app works offline from here on.
 */
export async function signInFromInvite(page: Page, link: string): Promise<void> {
  await page.goto(link);
  await new SignInPage(page).submit();
  await page.locator('.work-item').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The device screen (/perangkat), opened from the link on the work list. */
export async function openDeviceScreen(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Perangkat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Perangkat ini' }).waitFor();
}
