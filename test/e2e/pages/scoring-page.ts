import type { Page } from 'playwright-core';

/** The judge's list and scoring screens. */
export class JudgePages {
  constructor(private readonly page: Page) {}

  async openEntry(title: string): Promise<void> {
    await this.page.locator('.work-item', { hasText: title }).first().click();
    await this.page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('link', { name: /Kembali ke pekerjaan saya/ }).click();
    await this.page.getByRole('heading', { level: 1, name: 'Pekerjaan saya' }).waitFor();
  }

  async setRange(criterion: string, value: number): Promise<void> {
    await this.page.getByLabel(`Nilai: ${criterion}`, { exact: true }).fill(String(value));
  }

  async chooseLevel(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(label) }).check();
  }

  async noteOn(criterion: string, text: string): Promise<void> {
    await this.note(criterion).fill(text);
  }

  note(criterion: string) {
    return this.page
      .getByRole('region', { name: new RegExp(`^${criterion}`) })
      .getByLabel('Catatan untuk kriteria ini');
  }

  rangeValue(criterion: string) {
    return this.page.getByLabel(`Nilai: ${criterion}`, { exact: true });
  }

  status(title: string) {
    return this.page.locator('.work-item', { hasText: title }).locator('.status');
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await this.page.getByRole('button', { name: 'Ya, kirim dan kunci' }).click();
    await this.page.getByText('Penilaian ini sudah dikirim dan terkunci').waitFor();
  }

  /** Resolves once the outbox is empty (the sync bar says everything is sent). */
  async waitUntilAllSent(): Promise<void> {
    await this.page
      .locator('.sync-bar .pending', { hasText: 'Semua perubahan sudah terkirim' })
      .waitFor({ timeout: 30_000 });
  }
}
