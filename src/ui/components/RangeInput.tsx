import { useEffect, useState } from 'preact/hooks';
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
  useEffect(() => setText(props.value === null ? '' : String(props.value)), [props.value]);
  const bigStep = (max - min) / step >= 40 ? step * 5 : step;
  const set = (value: number) => {
    const clamped = Math.min(max, Math.max(min, value));
    const snapped = min + Math.round((clamped - min) / step) * step;
    setProblem(null);
    props.onChange(Number(snapped.toFixed(6)));
  };
  const typed = (raw: string) => {
    setText(raw);
    const normalised = raw.trim().replace(',', '.');
    if (normalised === '') {
      setProblem(null);
      props.onChange(null);
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
    props.onChange(value);
  };
  const current = props.value ?? min;
  return (
    <div class="range-input">
      <button
        type="button"
        class="step"
        disabled={props.disabled || current <= min}
        onClick={() => set(current - bigStep)}
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
        onClick={() => set(props.value === null ? min : current + bigStep)}
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
