import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Criterion } from '../../../src/domain/rubric';
import { CriterionField } from '../../../src/ui/components/CriterionField';
import { I18nProvider, makeTranslate } from '../../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../../src/ui/i18n/messages-id';
import { rangeCriterion } from '../../support/rubrics';

function renderCriteria(criteria: Criterion[]) {
  const onValue = vi.fn();
  render(
    <I18nProvider value={{ locale: 'id', t: makeTranslate(MESSAGES_ID), setLocale: () => {} }}>
      {criteria.map((criterion) => (
        <CriterionField
          key={criterion.key}
          criterion={criterion}
          score={{ value: 70, note: '' }}
          disabled={false}
          onValue={onValue}
          onNote={() => {}}
        />
      ))}
    </I18nProvider>,
  );
  return { onValue };
}

describe('a criterion on the scoring screen', () => {
  it('keeps its fields in a form of its own, apart from the other criteria', () => {
    renderCriteria([rangeCriterion('kebaruan', 30), rangeCriterion('manfaat', 70)]);
    const kebaruan = screen.getByRole('region', { name: /^kebaruan/ });
    const score = within(kebaruan).getByRole<HTMLInputElement>('textbox', {
      name: 'Nilai: kebaruan',
    });
    const note = within(kebaruan).getByRole('textbox', { name: 'Catatan untuk kriteria ini' });
    const fields = [...(score.form?.elements ?? [])];
    expect(fields).toEqual(expect.arrayContaining([score, note]));
    expect(fields).not.toContain(screen.getByRole('textbox', { name: 'Nilai: manfaat' }));
  });

  it('submits nothing when its form is submitted (Enter in the score field)', () => {
    const { onValue } = renderCriteria([rangeCriterion('kebaruan', 30)]);
    const score = screen.getByRole<HTMLInputElement>('textbox', { name: 'Nilai: kebaruan' });
    const form = score.form;
    if (!form) throw new Error('the score field is in no form');
    expect(fireEvent.submit(form)).toBe(false); // default prevented: no page load
    expect(onValue).not.toHaveBeenCalled();
  });
});
