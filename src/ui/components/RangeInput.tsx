import { useEffect, useRef, useState } from 'preact/hooks';
import type { RangeScale } from '../../domain/rubric';
import { formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useScoringText } from '../i18n/scoring-messages';

/**
 * A number on a range with large buttons, not only a slider: a thumb in the sun cannot
 * place a slider on 73. Typing is checked against the scale before anything is saved.
 */
export function RangeInput(props: {
  id: string;
  label: string;
  scale: RangeScale;
  value: number | null;
  disabled: boolean;
  onChange: (value: number | null) => void;
}) {
  const { locale } = useI18n();
  const t = useScoringText();
  const { min, max, step } = props.scale;
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  const [problem, setProblem] = useState<string | null>(null);
  // The value last given to onChange: the screen shows a change once it is saved, and a
  // second quick tap on "+" must count from the first tap's value, not the one on screen.
  const sent = useRef(props.value);
  useEffect(() => {
    // This field's own value, back once saved, is on screen already, as it was typed
    // ("7," on the way to 7,5). Only a value from elsewhere (a sync) replaces the text.
    if (props.value === sent.current) return;
    sent.current = props.value;
    setText(props.value === null ? '' : String(props.value));
    setProblem(null);
  }, [props.value]);
  const change = (value: number | null) => {
    sent.current = value;
    props.onChange(value);
  };
  const bigStep = (max - min) / step >= 40 ? step * 5 : step;
  const set = (value: number) => {
    const clamped = Math.min(max, Math.max(min, value));
    const snapped = Number((min + Math.round((clamped - min) / step) * step).toFixed(6));
    setText(String(snapped));
    setProblem(null);
    change(snapped);
  };
  const typed = (raw: string) => {
    setText(raw);
    const normalised = raw.trim().replace(',', '.');
    if (normalised === '') {
      setProblem(null);
      change(null);
      return;
    }
    const value = Number(normalised);
    const onStep = Math.abs((value - min) / step - Math.round((value - min) / step)) < 1e-9;
    if (!Number.isFinite(value) || value < min || value > max || !onStep) {
      setProblem(
        t('rangeProblem', {
          min: formatNumber(locale, min, 0),
          max: formatNumber(locale, max, 0),
          step: formatNumber(locale, step, step % 1 === 0 ? 0 : 1),
        }),
      );
      return;
    }
    setProblem(null);
    change(value);
  };
  const current = props.value ?? min;
  return (
    <div class="range-input">
      <button
        type="button"
        class="step"
        disabled={props.disabled || current <= min}
        onClick={() => set((sent.current ?? min) - bigStep)}
        aria-label={t('decrease', { step: bigStep })}
      >
        −{bigStep}
      </button>
      <input
        id={props.id}
        class="score-number"
        type="text"
        inputMode="decimal"
        aria-label={props.label}
        aria-invalid={problem !== null}
        value={text}
        disabled={props.disabled}
        onInput={(e) => typed(e.currentTarget.value)}
      />
      <button
        type="button"
        class="step"
        disabled={props.disabled || current >= max}
        onClick={() => set(sent.current === null ? min : sent.current + bigStep)}
        aria-label={t('increase', { step: bigStep })}
      >
        +{bigStep}
      </button>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={current}
        disabled={props.disabled}
        aria-hidden="true"
        tabIndex={-1}
        onInput={(e) => set(Number(e.currentTarget.value))}
      />
      {problem && (
        <p class="error" role="alert">
          {props.label}: {problem}
        </p>
      )}
    </div>
  );
}
