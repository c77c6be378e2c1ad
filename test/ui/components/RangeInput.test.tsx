import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { RangeInput } from '../../../src/ui/components/RangeInput';
import { I18nProvider, makeTranslate } from '../../../src/ui/i18n/i18n-context';
import { MESSAGES_ID } from '../../../src/ui/i18n/messages-id';

/** The field with the value the screen shows; `show` redraws it with another. */
function renderRange(value: number | null, onChange: (value: number | null) => void, step = 1) {
  const field = (shown: number | null) => (
    <I18nProvider value={{ locale: 'id', t: makeTranslate(MESSAGES_ID), setLocale: () => {} }}>
      <RangeInput
        id="kebaruan"
        label="Nilai: kebaruan"
        scale={{ kind: 'range', min: 0, max: 100, step }}
        value={shown}
        disabled={false}
        onChange={onChange}
      />
    </I18nProvider>
  );
  const { rerender } = render(field(value));
  return {
    show: (shown: number | null) => rerender(field(shown)),
    input: screen.getByRole<HTMLInputElement>('textbox', { name: 'Nilai: kebaruan' }),
  };
}

describe('a range score', () => {
  it('counts quick taps from the last one, before the screen shows the saved value', () => {
    const onChange = vi.fn();
    const { show, input } = renderRange(70, onChange);
    const plus = screen.getByRole('button', { name: 'Tambah 5' });
    fireEvent.click(plus);
    fireEvent.click(plus); // the value shown is still 70: the first tap is being saved
    expect(onChange.mock.calls).toEqual([[75], [80]]);
    expect(input.value).toBe('80');

    show(80);
    fireEvent.click(screen.getByRole('button', { name: 'Kurangi 5' }));
    expect(onChange).toHaveBeenLastCalledWith(75);
  });

  it('counts from a typed value, and starts an empty score at the minimum', () => {
    const onChange = vi.fn();
    const { input } = renderRange(null, onChange);
    const plus = screen.getByRole('button', { name: 'Tambah 5' });
    fireEvent.click(plus);
    expect(onChange).toHaveBeenLastCalledWith(0);
    fireEvent.input(input, { target: { value: '42' } });
    fireEvent.click(plus);
    expect(onChange.mock.calls).toEqual([[0], [42], [47]]);
  });

  it('keeps what is being typed when its own value comes back saved, not another value', async () => {
    const onChange = vi.fn();
    const { show, input } = renderRange(null, onChange, 0.5);
    fireEvent.input(input, { target: { value: '7' } });
    fireEvent.input(input, { target: { value: '7,' } });
    show(7); // the save of "7" is done while the judge is typing "7,5"
    expect(input.value).toBe('7,');
    fireEvent.input(input, { target: { value: '7,5' } });
    expect(onChange).toHaveBeenLastCalledWith(7.5);
    expect(input.value).toBe('7,5');

    show(60); // another device's value, through a sync
    await waitFor(() => expect(input.value).toBe('60'));
  });
});
