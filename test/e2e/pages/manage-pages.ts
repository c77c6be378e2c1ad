import type { Page } from 'playwright-core';

/** The panitia's and operators' screens under /kelola, as a person uses them. */
export class ManagePages {
  constructor(private readonly page: Page) {}

  heading(name: string | RegExp, level = 2) {
    return this.page.getByRole('heading', { level, name, exact: typeof name === 'string' });
  }

  async openFromOverview(linkName: string): Promise<void> {
    await this.page.getByRole('link', { name: linkName }).click();
  }

  async createCompetitionFromTemplate(details: {
    template: string;
    name: string;
    year: number;
    regionCode: string;
    unit: string;
  }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Lomba baru dari templat' });
    await form.getByRole('radio', { name: details.template }).check();
    await form.getByLabel('Nama lomba').fill(details.name);
    await form.getByLabel('Tahun').fill(String(details.year));
    await form.getByLabel('Kode wilayah').fill(details.regionCode);
    await form.getByLabel('Unit penyelenggara').fill(details.unit);
    await form.getByRole('button', { name: 'Buat lomba' }).click();
    await this.heading(details.name).waitFor();
  }

  stageCard(name: string) {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  async addPerson(person: {
    role: 'Juri' | 'Operator' | 'Panitia';
    name: string;
    nip?: string;
    affiliation?: string;
    unit?: string;
  }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Tambah orang' });
    await form.getByRole('radio', { name: person.role, exact: true }).check();
    await form.getByLabel('Nama lengkap dan gelar').fill(person.name);
    if (person.nip) await form.getByLabel('NIP (boleh kosong)').fill(person.nip);
    if (person.affiliation)
      await form
        .getByRole('combobox', { name: /^Asal juri/ })
        .selectOption({ label: person.affiliation });
    if (person.unit) await form.getByLabel(/^Unit (operator|kerja juri)/).fill(person.unit);
    await form.getByRole('button', { name: 'Tambah orang' }).click();
    await form.getByText(`${person.name} ditambahkan.`).waitFor();
  }

  person(name: string) {
    return this.page.locator('.person', { hasText: name });
  }
}
