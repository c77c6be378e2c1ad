import type { RankingSettingProblem } from '../../domain/results/ranking-settings-for-panel';
import { useResultsText } from './results-messages';

/**
 * What of a category's stored ranking settings was set aside, and why. The chain's
 * problems are the same in every category, so the settings section shows them once.
 */
export function SettingProblems(props: {
  problems: readonly RankingSettingProblem[];
  titleOf: (entryId: string) => string;
}) {
  const t = useResultsText();
  const shown = props.problems.flatMap((problem) => {
    switch (problem.code) {
      case 'decision-entry-not-in-panel':
        return [
          t('settingsProblem.decision-entry-not-in-panel', {
            reason: problem.decision.reason,
            entry: props.titleOf(problem.entryId),
          }),
        ];
      case 'settings-refused':
        return [t('settingsProblem.settings-refused', { message: problem.message })];
      default:
        return [];
    }
  });
  if (shown.length === 0) return null;
  return (
    <ul role="alert">
      {shown.map((text) => (
        <li key={text}>{text}</li>
      ))}
    </ul>
  );
}
