import { tieBreakChainProblems } from '../../domain/results/ranking-settings-for-panel';
import { defaultTieBreakChain, type TieBreakRule } from '../../domain/results/tie-break';
import type { Rubric } from '../../domain/rubric';
import type { Stage } from '../../domain/stage';
import { tieBreakRuleKey } from '../../domain/stage-ranking';
import { moveRule, withDefaultChain } from '../../domain/stage-ranking-edits';
import { ReorderList } from './ReorderList';
import { useResultsText } from './results-messages';
import { useSaveRanking } from './use-save-ranking';

/**
 * The stage's ranking settings (issue 6, item 1): the order of the tie-break rules and
 * whether the trimmed mean is shown. Each change is saved at once, like the management
 * screens do; once the stage is finalised they are shown, not offered.
 */
export function RankingSettingsSection(props: { stage: Stage; rubric: Pick<Rubric, 'criteria'> }) {
  const t = useResultsText();
  const { stage, rubric } = props;
  const saver = useSaveRanking(stage);
  const stored = saver.ranking.tieBreakChain;
  const problems = stored ? tieBreakChainProblems(stored, rubric.criteria) : [];
  const usesStored = stored !== undefined && problems.length === 0;
  const chainOf = (ranking: typeof saver.ranking) => {
    const own = ranking.tieBreakChain;
    return own && tieBreakChainProblems(own, rubric.criteria).length === 0
      ? own
      : defaultTieBreakChain(rubric.criteria);
  };
  const chain = chainOf(saver.ranking);
  const ruleName = (rule: TieBreakRule) => {
    if (rule.kind !== 'criterion') return t(`chainRule.${rule.kind}`);
    const criterion = rubric.criteria.find((c) => c.key === rule.criterionKey);
    return t('chainRule.criterion', {
      name: criterion?.name ?? rule.criterionKey,
      weight: criterion?.weight ?? '–',
    });
  };
  // The chain as drawn is the one moved: when it is the default, the stored settings
  // have none to move yet.
  const move = (index: number, step: -1 | 1) =>
    void saver.save((ranking) => ({
      ...ranking,
      tieBreakChain: moveRule(chainOf(ranking), index, step),
    }));

  return (
    <section class="card" aria-labelledby="ranking-settings-title">
      <h3 id="ranking-settings-title">{t('rankingSettingsTitle')}</h3>
      {!saver.editable && <p role="status">{t('settingsLocked')}</p>}
      {problems.map((problem) => (
        <p key={`${problem.code}-${problem.criterionKey}`} role="alert">
          {t(`settingsProblem.${problem.code}`, {
            key:
              rubric.criteria.find((c) => c.key === problem.criterionKey)?.name ??
              problem.criterionKey,
          })}
        </p>
      ))}
      {/* A disabled fieldset disables every control in it and says so to screen readers. */}
      <fieldset disabled={!saver.editable || saver.saving}>
        <legend>{t('chainTitle')}</legend>
        <p class="muted">
          {t('chainHelp')} {usesStored ? t('chainStored') : t('chainDefault')}
        </p>
        <ReorderList
          items={chain.map((rule) => ({ key: tieBreakRuleKey(rule), label: ruleName(rule) }))}
          onMove={move}
        />
        <button
          type="button"
          class="button"
          disabled={stored === undefined}
          onClick={() => void saver.save(withDefaultChain)}
        >
          {t('resetChain')}
        </button>
        <label class="check">
          <input
            type="checkbox"
            checked={saver.ranking.trimmedMean}
            aria-describedby="trimmed-mean-help"
            onChange={(e) => {
              const trimmedMean = e.currentTarget.checked;
              void saver.save((ranking) => ({ ...ranking, trimmedMean }));
            }}
          />
          {t('trimmedMeanLabel')}
        </label>
        <p id="trimmed-mean-help" class="muted">
          {t('trimmedMeanHelp')}
        </p>
      </fieldset>
      {saver.saving && <p role="status">{t('saving')}</p>}
      {saver.error !== null && <p role="alert">{t('saveFailed', { message: saver.error })}</p>}
    </section>
  );
}
