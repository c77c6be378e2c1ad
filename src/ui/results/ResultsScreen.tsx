import { loadStageResults } from '../../db/load-stage-results';
import { useServices } from '../app-services';
import { useLive } from '../use-live';
import { AdvancementSection } from './AdvancementSection';
import { CategoryResults } from './CategoryResults';
import { DocumentsSection } from './DocumentsSection';
import { RankingSettingsSection } from './RankingSettingsSection';
import { useResultsText } from './results-messages';
import { buildStageReport } from './stage-report';
import './results.css';

export interface ResultsScreenProps {
  stageId: string;
  /** The signed-in panitia, recorded as who confirmed the advancement or a plenary decision. */
  userId: string;
  onBack: () => void;
}

/**
 * The results of one stage from the scores on this device, so it works offline at the
 * panitia's desk: per category the ranking (raw, normalised beside it), each tie's
 * explanation, agreement and severity with two charts; the documents and exports; and
 * who advances. Lazy: load it with lazyComponent, never import it from main.tsx.
 */
export function ResultsScreen(props: ResultsScreenProps) {
  const t = useResultsText();
  const { now } = useServices();
  const records = useLive((db) => loadStageResults(db, props.stageId), [props.stageId]);
  const back = (
    <button type="button" class="button secondary back" onClick={props.onBack}>
      {t('back')}
    </button>
  );
  if (records === undefined) return <p>{t('loading')}</p>;
  if (records === null)
    return (
      <section class="results-screen">
        {back}
        <p class="empty">{t('notFound')}</p>
      </section>
    );
  const report = buildStageReport(records);
  return (
    <section class="results-screen">
      {back}
      <h2>
        {t('resultsTitle')} · {records.stage.name}
      </h2>
      <p class="muted">{records.competition.name}</p>
      {records.problems.length > 0 && (
        <p role="alert">{t('rowProblems', { count: records.problems.length })}</p>
      )}
      <RankingSettingsSection stage={records.stage} rubric={records.rubric} />
      {report.categories.length === 0 && <p class="empty">{t('noScores')}</p>}
      {report.categories.map((category) => (
        <CategoryResults
          key={category.category.id}
          report={report}
          category={category}
          userId={props.userId}
        />
      ))}
      <DocumentsSection report={report} today={new Date(now()).toISOString().slice(0, 10)} />
      <AdvancementSection report={report} userId={props.userId} />
    </section>
  );
}
