import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RangeInput } from '../../../src/ui/components/RangeInput';
import { I18nProvider, makeTranslate } from '../../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../../src/ui/i18n/messages-id';

function renderRange(value: number | null, onChange: (value: number | null) => void) {
  const field = (shown: number | null) => (
    <I18nProvider value={{ locale: 'id', t: makeTranslate(MESSAGES_ID), setLocale: () => {} }}>
      <RangeInput
        id="kebaruan"
        label="Nilai: kebaruan"
        scale={{ kind: 'range', min: 0, max: 100, step: 1 }}
        value={shown}
        disabled={false}
        onChange={onChange}
      />
    </I18nProvider>
  );
  const { rerender } = render(field(value));
  return { show: (shown: number | null) => rerender(field(shown)) };
}

describe('a range score', () => {
  it('counts quick taps from the last one, before the screen shows the saved value', () => {
    const onChange = vi.fn();
    const { show } = renderRange(70, onChange);
    const plus = screen.getByRole('button', { name: 'Tambah 5' });
    fireEvent.click(plus);
    fireEvent.click(plus); // the screen still shows 70: the first tap is being saved
    expect(onChange.mock.calls).toEqual([[75], [80]]);

    show(80);
    fireEvent.click(screen.getByRole('button', { name: 'Kurangi 5' }));
    expect(onChange).toHaveBeenLastCalledWith(75);
  });

  it('counts from a typed value, and starts an empty score at the minimum', () => {
    const onChange = vi.fn();
    renderRange(null, onChange);
    const plus = screen.getByRole('button', { name: 'Tambah 5' });
    fireEvent.click(plus);
    expect(onChange).toHaveBeenLastCalledWith(0);
    fireEvent.input(screen.getByRole('textbox', { name: 'Nilai: kebaruan' }), {
      target: { value: '42' },
    });
    fireEvent.click(plus);
    expect(onChange.mock.calls).toEqual([[0], [42], [47]]);
  });
});
