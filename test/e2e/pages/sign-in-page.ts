import type { Page } from 'playwright-core';

/** The sign-in screen, as a judge or the panitia sees it. */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
    await this.page.getByRole('heading', { name: 'Masuk ke perangkat ini' }).waitFor();
  }

  codeInput() {
    return this.page.getByLabel('Kode undangan');
  }

  /** "Lanjut": asks whose invite the code is; resolves with the name shown to confirm. */
  async lookUp(): Promise<string> {
    await this.page.getByRole('button', { name: 'Lanjut', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Apakah ini Anda?' }).waitFor();
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
