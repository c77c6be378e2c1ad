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

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Masuk', exact: true }).click();
  }
}
