import type { Locale } from '../../domain/device-session';
import type { PlenaryDecision } from '../../domain/results/tie-break';
import { totalsSpread } from './totals-spread';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { describeTie, type DecisionRecordText } from './describe-tie';
import { documentText } from './documents/document-texts';
import { PlenaryDecisionForm } from './PlenaryDecisionForm';
import { RangeChart } from './RangeChart';
import { useResultsText } from './results-messages';
import { SettingProblems } from './SettingProblems';
import type { CategoryReport, StageReport } from './stage-report';

/**
 * One panel's ranking (raw, normalised and trimmed beside it) with the plenary's
 * decisions, agreement, severity and charts.
 */
export function CategoryResults(props: {
  report: StageReport;
  category: CategoryReport;
  /** The signed-in panitia, recorded with a plenary decision. */
  userId: string;
}) {
  const t = useResultsText();
  const { locale } = useI18n();
  const { report } = props;
  const { category, panel, results, settings } = props.category;
  const num = (value: number | null, digits = 2) =>
    value === null || Number.isNaN(value) ? '–' : formatNumber(locale, value, digits);
  const titleOf = (id: string) => report.entryById.get(id)?.title ?? id;
  const nameOf = (id: string) => report.userById.get(id)?.name ?? id;
  const normalised = results.normalisedRanking;
  const normalisedById = normalised.available
    ? new Map(normalised.ranking.entries.map((e) => [e.entryId, e]))
    : null;
  const trimmed = results.trimmedMeanRanking;
  const trimmedById =
    trimmed?.available === true
      ? new Map(trimmed.ranking.entries.map((e) => [e.entryId, e]))
      : null;
  const sameEntries = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((id, index) => b[index] === id);
  const recordOf = (decision: PlenaryDecision): DecisionRecordText | null => {
    const stored = settings.options.plenaryDecisions.find((d) =>
      sameEntries(d.entryIds, decision.entryIds),
    );
    return stored
      ? { by: nameOf(stored.decidedBy), at: formatDateTime(locale, new Date(stored.decidedAt)) }
      : null;
  };
  const undecided = results.rawRanking.ties.flatMap((tie) =>
    tie.status === 'needs-plenary-decision'
      ? tie.unresolved.map((entryIds) => ({ entryIds, score: tie.score }))
      : [],
  );
  const columns = [
    'rank',
    'entry',
    'score',
    'judgeCount',
    ...(normalisedById ? (['normalised', 'normalisedRank'] as const) : []),
    ...(trimmedById ? (['trimmed', 'trimmedRank'] as const) : []),
    'tie',
  ] as const;
  const headingId = `category-${category.id}`;
  const { kendallW, intraclassCorrelation } = results.agreement;

  return (
    <section class="card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('category', { name: category.name })}</h3>
      <SettingProblems problems={settings.problems} titleOf={titleOf} />
      {/* On a phone each row becomes a block of its own (results.css): rank and title, then
          each value named by its column, so the ranking reads without sideways scrolling.
          The explicit roles keep it a table for screen readers: WebKit drops the table
          semantics of elements whose CSS display is changed. */}
      <div class="ranking-scroll">
        <table class="ranking-table" role="table">
          <caption>{t('rankingTitle')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {columns.map((column) => (
                <th key={column} scope="col" role="columnheader">
                  {t(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {results.rawRanking.entries.map((entry) => {
              const other = normalisedById?.get(entry.entryId);
              const withoutExtremes = trimmedById?.get(entry.entryId);
              return (
                <tr role="row" key={entry.entryId}>
                  <td role="cell" class="rank">
                    {entry.rank}
                  </td>
                  <th scope="row" role="rowheader">
                    {titleOf(entry.entryId)}
                  </th>
                  <td role="cell" data-label={t('score')}>
                    {num(entry.score)}
                  </td>
                  <td role="cell" data-label={t('judgeCount')}>
                    {entry.judgeCount}
                  </td>
                  {normalisedById && (
                    <ScoreAndRankCells
                      labels={[t('normalised'), t('normalisedRank')]}
                      score={num(other?.score ?? null)}
                      rank={other?.rank}
                    />
                  )}
                  {trimmedById && (
                    <ScoreAndRankCells
                      labels={[t('trimmed'), t('trimmedRank')]}
                      score={num(withoutExtremes?.score ?? null)}
                      rank={withoutExtremes?.rank}
                    />
                  )}
                  <td role="cell" class="tie" data-label={t('tie')}>
                    {entry.tie
                      ? describeTie(
                          entry.tie,
                          entry.entryId,
                          titleOf,
                          report.records.rubric,
                          documentText(locale),
                          recordOf,
                        )
                      : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {results.rawRanking.unscoredEntryIds.length > 0 && (
        <p class="muted">
          {t('unscored', { titles: results.rawRanking.unscoredEntryIds.map(titleOf).join(', ') })}
        </p>
      )}
      {undecided.map((group) => (
        <PlenaryDecisionForm
          key={group.entryIds.join(' ')}
          stage={report.records.stage}
          categoryId={category.id}
          entryIds={group.entryIds}
          score={num(group.score)}
          titleOf={titleOf}
          userId={props.userId}
        />
      ))}
      {trimmed?.available === false && (
        <p class="muted">
          {t('trimmedOff', { titles: trimmed.entries.map((e) => titleOf(e.entryId)).join(', ') })}
        </p>
      )}
      {results.notCounted.length > 0 && (
        <p class="muted">{t('notCounted', { count: results.notCounted.length })}</p>
      )}
      {!normalised.available && (
        <p class="muted">
          {t('normalisationOff', {
            reason: t(`normalisation.${normalised.reason}`, {
              minimum:
                normalised.reason === 'judge-scored-too-few-entries'
                  ? normalised.minimumEntries
                  : 3,
            }),
          })}
        </p>
      )}
      {normalised.available && normalised.excludedJudgeIds.length > 0 && (
        <p class="muted">
          {t('normalisationExcluded', {
            names: normalised.excludedJudgeIds.map(nameOf).join(', '),
          })}
        </p>
      )}

      <h4>{t('agreementTitle')}</h4>
      <p>
        {kendallW.available
          ? t('kendallW', {
              w: num(kendallW.w, 3),
              chi: num(kendallW.chiSquare),
              df: kendallW.degreesOfFreedom,
              judges: kendallW.judgeCount,
              entries: kendallW.entryCount,
            })
          : t('kendallOff', { reason: agreementReason(t, kendallW.reason) })}
      </p>
      <p>
        {intraclassCorrelation.available
          ? t('icc', {
              single: num(intraclassCorrelation.singleJudge.twoWayRandom, 3),
              average: num(intraclassCorrelation.meanOfJudges.twoWayRandom, 3),
            })
          : t('iccOff', { reason: agreementReason(t, intraclassCorrelation.reason) })}
      </p>
      {results.agreement.leftOutEntryIds.length > 0 && (
        <p class="muted">
          {t('agreementLeftOut', { count: results.agreement.leftOutEntryIds.length })}
        </p>
      )}

      <h4 id={`severity-${category.id}`}>{t('severityTitle')}</h4>
      {/* Six columns compared down the page: on a phone the table scrolls in its own box,
          which the keyboard can reach, under its heading. */}
      <div
        class="table-scroll"
        role="region"
        aria-labelledby={`severity-${category.id}`}
        tabIndex={0}
      >
        <table aria-labelledby={`severity-${category.id}`}>
          <thead>
            <tr>
              <th scope="col">{t('judge')}</th>
              <th scope="col">{t('scored')}</th>
              <th scope="col">{t('mean')}</th>
              <th scope="col">{t('spread')}</th>
              <th scope="col">{t('offset')}</th>
              <th scope="col">{t('flag')}</th>
            </tr>
          </thead>
          <tbody>
            {results.severity.judges.map((judge) => (
              <tr key={judge.judgeId}>
                <th scope="row">{nameOf(judge.judgeId)}</th>
                <td>{judge.scoredEntries}</td>
                <td>{num(judge.mean)}</td>
                <td>{num(judge.standardDeviation)}</td>
                <td>{num(judge.offsetFromPanel)}</td>
                <td>{judge.flag ? t(`flag.${judge.flag}`) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="muted">
        {t('panelMean', {
          mean: num(results.severity.panelMean),
          sd: num(results.severity.panelStandardDeviation),
        })}
      </p>

      <RangeChart
        id={`spread-${category.id}`}
        title={t('spreadChartTitle')}
        description={t('spreadChartDesc')}
        rows={results.rawRanking.entries.map((entry) => {
          const totals = panel.scores
            .filter((s) => s.entryId === entry.entryId)
            .map((s) => s.total);
          const spread = totalsSpread(totals);
          return {
            label: titleOf(entry.entryId),
            min: spread.min,
            max: spread.max,
            centre: entry.score,
            points: totals,
            description: t('spreadChartEntry', {
              title: titleOf(entry.entryId),
              score: num(entry.score),
              min: num(spread.min),
              max: num(spread.max),
            }),
          };
        })}
      />
      <RangeChart
        id={`judges-${category.id}`}
        title={t('distributionChartTitle')}
        description={t('distributionChartDesc')}
        rows={[
          { id: null, label: t('panel'), totals: panel.scores.map((s) => s.total) },
          ...panel.judgeIds.map((id) => ({
            id,
            label: nameOf(id),
            totals: panel.scores.filter((s) => s.judgeId === id).map((s) => s.total),
          })),
        ].map((row) => distributionRow(row.label, row.totals, locale, t))}
      />
    </section>
  );
}

function distributionRow(
  label: string,
  totals: readonly number[],
  locale: Locale,
  t: ReturnType<typeof useResultsText>,
) {
  const spread = totalsSpread(totals);
  const num = (value: number) => formatNumber(locale, value);
  return {
    label,
    min: spread.min,
    max: spread.max,
    centre: spread.mean,
    band: [spread.mean - spread.sd, spread.mean + spread.sd] as const,
    description: t('distributionChartRow', {
      name: label,
      mean: num(spread.mean),
      min: num(spread.min),
      max: num(spread.max),
    }),
  };
}

function agreementReason(t: ReturnType<typeof useResultsText>, reason: string): string {
  switch (reason) {
    case 'fewer-than-two-judges':
    case 'fewer-than-two-entries':
    case 'every-judge-tied-every-entry':
      return t(`agreement.${reason}`);
    default:
      return t('agreement.other');
  }
}

/** An entry's score and rank in one of the other rankings (normalised, trimmed). */
function ScoreAndRankCells(props: {
  labels: [score: string, rank: string];
  score: string;
  rank: number | undefined;
}) {
  return (
    <>
      <td role="cell" data-label={props.labels[0]}>
        {props.score}
      </td>
      <td role="cell" data-label={props.labels[1]}>
        {props.rank ?? '–'}
      </td>
    </>
  );
}
