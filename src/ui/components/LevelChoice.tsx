import { useScoringText } from '../i18n/scoring-messages';
import type { LevelScale } from '../../domain/rubric';

/** Levels as large choices, each showing the evidence (data dukung) it needs. */
export function LevelChoice(props: {
  name: string;
  label: string;
  scale: LevelScale;
  value: number | null;
  disabled: boolean;
  onChange: (points: number) => void;
}) {
  const t = useScoringText();
  return (
    <fieldset class="levels">
      <legend class="visually-hidden">{props.label}</legend>
      {props.scale.levels.map((level) => (
        <label key={level.points} class={props.value === level.points ? 'level chosen' : 'level'}>
          <input
            type="radio"
            name={props.name}
            checked={props.value === level.points}
            disabled={props.disabled}
            onChange={() => props.onChange(level.points)}
          />
          <span class="level-label">
            {level.label} <span class="muted">({t('levelPoints', { points: level.points })})</span>
          </span>
          {level.evidence && (
            <span class="muted evidence">{t('evidenceNeeded', { evidence: level.evidence })}</span>
          )}
        </label>
      ))}
    </fieldset>
  );
}
