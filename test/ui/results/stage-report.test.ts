import { describe, expect, it } from 'vitest';
import type { StageRanking } from '../../../src/domain/stage-ranking';
import { buildStageReport, type StageReport } from '../../../src/ui/results/stage-report';
import { makeCategory, testId } from '../../support/records';
import { IDS, resultsFixture, tiedFixture } from './results-fixture';

const KHUSUS = testId(5);

const decision = (entryIds: string[], reason: string, categoryId = IDS.category) => ({
  categoryId,
  entryIds,
  reason,
  decidedAt: '2022-08-18T03:00:00.000Z',
  decidedBy: IDS.panitia,
});

const order = (report: StageReport, index = 0) =>
  report.categories[index]?.results.rawRanking.entries.map((e) => [e.entryId, e.rank]);

describe('buildStageReport with the stage’s ranking settings', () => {
  it('ranks by the default chain when the stage has no settings', () => {
    const report = buildStageReport(resultsFixture());
    expect(order(report)).toEqual([
      [IDS.tarso, 1],
      [IDS.layang, 2],
      [IDS.maton, 3],
      [IDS.kunduran, 4],
    ]);
    expect(report.categories[0]?.settings.storedChainUsed).toBe(false);
    expect(report.categories[0]?.results.trimmedMeanRanking).toBeNull();
  });

  it('breaks ties by the stored chain and shows the trimmed mean when asked', () => {
    const ranking: StageRanking = {
      tieBreakChain: [
        { kind: 'criterion', criterionKey: 'kebaruan' },
        { kind: 'criterion', criterionKey: 'manfaat' },
        { kind: 'mostFirstPlaces' },
        { kind: 'plenaryDecision' },
      ],
      trimmedMean: true,
      plenaryDecisions: [],
    };
    const records = resultsFixture();
    const report = buildStageReport({ ...records, stage: { ...records.stage, ranking } });
    // Kebaruan first: Tahta Maton (mean 80) now stands above E Suk Layang Mabur (70).
    expect(order(report)).toEqual([
      [IDS.tarso, 1],
      [IDS.maton, 2],
      [IDS.layang, 3],
      [IDS.kunduran, 4],
    ]);
    const category = report.categories[0];
    expect(category?.results.tieBreakChain).toEqual(ranking.tieBreakChain);
    expect(category?.settings).toMatchObject({ storedChainUsed: true, problems: [] });
    // Three judges: the trimmed mean is asked for and explains why it is not there.
    expect(category?.results.trimmedMeanRanking).toMatchObject({
      available: false,
      reason: 'entries-with-fewer-than-five-scores',
    });
  });

  it('applies each category’s own plenary decisions only', () => {
    const records = tiedFixture({
      ranking: {
        trimmedMean: false,
        plenaryDecisions: [
          decision([IDS.layang, IDS.maton], 'Lebih siap direplikasi di kecamatan lain'),
          // Another category's decision on the same entries must not order them here.
          decision([IDS.maton, IDS.layang], 'Keputusan kategori lain', KHUSUS),
        ],
      },
    });
    const khusus = makeCategory(KHUSUS, IDS.competition, { name: 'Khusus', order: 1 });
    const report = buildStageReport({
      ...records,
      categories: [...records.categories, khusus],
      entries: records.entries.map((e) =>
        e.id === IDS.kunduran ? { ...e, categoryId: KHUSUS } : e,
      ),
    });
    expect(report.categories.map((c) => c.category.name)).toEqual(['Umum', 'Khusus']);
    expect(order(report, 0)).toEqual([
      [IDS.tarso, 1],
      [IDS.layang, 2],
      [IDS.maton, 3],
    ]);
    const tie = report.categories[0]?.results.rawRanking.ties[0];
    expect(tie?.status).toBe('settled');
    expect(tie?.steps.at(-1)?.decision?.reason).toBe('Lebih siap direplikasi di kecamatan lain');
    expect(report.categories[0]?.settings.problems).toEqual([]);
    // The Khusus decision names entries that are not in the Khusus panel: set aside, said so.
    const [problem, ...more] = report.categories[1]?.settings.problems ?? [];
    expect(more).toEqual([]);
    expect(problem?.code === 'decision-entry-not-in-panel' && problem).toMatchObject({
      decision: { reason: 'Keputusan kategori lain' },
      entryId: IDS.maton,
    });
  });

  it('leaves the tie to the plenary when no decision is recorded', () => {
    const tie = buildStageReport(tiedFixture()).categories[0]?.results.rawRanking.ties[0];
    expect(tie?.status).toBe('needs-plenary-decision');
    expect(tie?.unresolved).toEqual([[IDS.maton, IDS.layang]]);
  });

  it('falls back to the defaults for settings that no longer fit, and says why', () => {
    const report = buildStageReport(
      tiedFixture({
        ranking: {
          tieBreakChain: [
            { kind: 'criterion', criterionKey: 'dampak' },
            { kind: 'plenaryDecision' },
          ],
          trimmedMean: false,
          plenaryDecisions: [
            decision([IDS.layang, IDS.maton], 'Masih berlaku'),
            decision([IDS.tarso, testId(99)], 'Inovasi yang sudah dihapus'),
          ],
        },
      }),
    );
    const category = report.categories[0];
    expect(category?.settings.problems.map((p) => p.code)).toEqual([
      'chain-unknown-criterion',
      'chain-missing-criterion',
      'chain-missing-criterion',
      'decision-entry-not-in-panel',
    ]);
    expect(category?.settings.storedChainUsed).toBe(false);
    expect(category?.results.tieBreakChain.map((r) => r.kind)).toEqual([
      'criterion',
      'criterion',
      'mostFirstPlaces',
      'plenaryDecision',
    ]);
    // The decision that still fits is applied.
    expect(order(report)?.slice(1, 3)).toEqual([
      [IDS.layang, 2],
      [IDS.maton, 3],
    ]);
  });

  it('shows the defaults rather than breaking when the domain refuses what is stored', () => {
    // Records that never went through the schema (a blank reason): checkTieBreakSettings
    // refuses them, and the screen falls back instead of failing.
    const report = buildStageReport(
      tiedFixture({
        ranking: { trimmedMean: false, plenaryDecisions: [decision([IDS.layang, IDS.maton], ' ')] },
      }),
    );
    expect(report.categories[0]?.settings.problems).toEqual([
      { code: 'settings-refused', message: 'A plenary decision needs its reason' },
    ]);
    expect(report.categories[0]?.results.rawRanking.ties[0]?.status).toBe('needs-plenary-decision');
  });
});
