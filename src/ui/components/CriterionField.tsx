import type { Criterion } from '../../domain/rubric';
import type { CriterionScore } from '../../domain/scoresheet';
import { sameValue } from '../../domain/scoresheet-fields';
import { memoWith } from '../memo';
import { LevelChoice } from './LevelChoice';
import { RangeInput } from './RangeInput';
import { useScoringText } from '../i18n/scoring-messages';

interface CriterionFieldProps {
  criterion: Criterion;
  score: CriterionScore;
  disabled: boolean;
  onValue: (value: number | null) => void;
  onNote: (note: string) => void;
}

/**
 * One criterion: its name, weight and description always in view, the value, a note.
 * A change to one criterion redraws that one alone: on a slow phone, redrawing all ten on
 * every keystroke is what made typing lag. The callbacks are left out of the comparison:
 * they only pass the change on to the editor, which always edits its latest sheet.
 */
export const CriterionField = memoWith(
  CriterionFieldView,
  (before, after) =>
    before.disabled === after.disabled &&
    sameValue(before.score, after.score) &&
    sameValue(before.criterion, after.criterion),
);

function CriterionFieldView(props: CriterionFieldProps) {
  const t = useScoringText();
  const { criterion } = props;
  const id = `criterion-${criterion.key}`;
  // What the range field and the level choice take alike.
  const value = {
    label: `${t('value')}: ${criterion.name}`,
    value: props.score.value,
    disabled: props.disabled,
    onChange: props.onValue,
  };
  return (
    <section class="criterion" aria-labelledby={`${id}-name`}>
      {/* Each criterion is a form of its own. On every keystroke Chrome's autofill reads
          the form the field is in, and a field in no form makes it read every field in no
          form on the page: 5 ms of each keystroke against 1.4 ms, traced under 4× CPU
          slowdown. Enter in the score field submits nothing: the change is saved already. */}
      <form onSubmit={(e) => e.preventDefault()}>
        <h3 id={`${id}-name`}>
          {criterion.name}{' '}
          <span class="muted weight">{t('weight', { weight: criterion.weight })}</span>
        </h3>
        {criterion.description && <p class="description">{criterion.description}</p>}
        {criterion.scale.kind === 'range' ? (
          <RangeInput id={id} scale={criterion.scale} {...value} />
        ) : (
          <LevelChoice name={id} scale={criterion.scale} {...value} />
        )}
        <label class="field note">
          <span>{t('criterionNote')}</span>
          <textarea
            rows={2}
            value={props.score.note}
            disabled={props.disabled}
            onInput={(e) => props.onNote(e.currentTarget.value)}
          />
        </label>
      </form>
    </section>
  );
}
