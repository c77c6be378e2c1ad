import type { Page } from 'playwright-core';

/** The sign-in screen, as a judge or the panitia sees it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  /** An invite link: the page asks whose code it is by itself and shows the name. */
  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByRole('heading', { name: 'Apakah ini Anda?' }).waitFor();
  }

  codeInput() {
    return this.page.getByLabel('Kode undangan');
  }

  /** The name the invite was made for, once shown (after a link, or "Lanjut"). */
  async lookUp(): Promise<string> {
    const confirmation = this.page.getByRole('heading', { name: 'Apakah ini Anda?' });
    const next = this.page.getByRole('button', { name: 'Lanjut', exact: true });
    await confirmation.or(next).first().waitFor();
    if (await next.isVisible()) await next.click();
    await confirmation.waitFor();
    return (await this.page.locator('.invitee strong').textContent()) ?? '';
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Ya, ini saya — masuk' }).click();
  }

  /** Both steps, for tests about what comes after. */
  async submit(): Promise<string> {
    const name = await this.lookUp();
    await this.confirm();
    return name;
  }
}
