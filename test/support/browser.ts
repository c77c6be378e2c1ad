import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface TestBrowser {
  context: BrowserContext;
  profileDir: string;
  /** Closes the browser; the profile (IndexedDB, service worker) stays when asked to. */
  close: (keepProfile?: boolean) => Promise<void>;
}

/**
 * Debian's Chromium with a fresh profile, or an existing one (a phone's browser opened
 * again). The flags keep it off the network it cannot reach here (background services,
 * QUIC) and let it run as root in a container. The viewport is a cheap phone's, 360 × 640.
 */
export async function launchBrowser(
  options: {
    profileDir?: string;
    offline?: boolean;
    /** A touch screen, as on a phone: tapped, with no mouse pointer resting on the page. */
    touch?: boolean;
  } = {},
): Promise<TestBrowser> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'jl-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 360, height: 640 },
    offline: options.offline ?? false,
    hasTouch: options.touch ?? false,
  });
  return {
    context,
    profileDir: profile,
    close: async (keepProfile = false) => {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
