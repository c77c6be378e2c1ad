import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Assignment } from '../../src/domain/assignment';
import {
  buildCategoryPanels,
  type StageRecords,
} from '../../src/domain/results/category-panels-from-records';
import { computePanelResults } from '../../src/domain/results/panel-results';
import type { Rubric } from '../../src/domain/rubric';
import type { Scoresheet } from '../../src/domain/scoresheet';

const ENTRIES = 1000;
const JUDGES = 10;
const CRITERIA = 10;
const TIMED_RUNS = 9;

export interface ResultsBenchResult {
  /** Median ms from the stage's records to every result: totals, rankings, W, ICC, severity. */
  ms: number;
  /** Median ms of computePanelResults alone, on the panel already built. */
  fromPanelMs: number;
  runs: number;
  entries: number;
  judges: number;
  criteria: number;
  /** Ties the raw ranking had to break: the tie-break path is measured too. */
  ties: number;
}

/**
 * The budget of issue 6: ranking, normalisation and agreement for 1,000 entries × 10
 * judges × 10 criteria in at most 100 ms in Node. Every judge scores every entry (the
 * complete block is the whole panel: the most work for W and the ICC), on a scale in steps
 * of 5 so that ties occur. Seeded data, one warm-up run, then the median of nine.
 */
export function runResultsBench(): ResultsBenchResult {
  const records = makeStageRecords(20260818);
  const fromRecords = () => {
    const [first] = buildCategoryPanels(records);
    if (!first) throw new Error('no panel');
    return computePanelResults(first.panel, { includeTrimmedMean: true });
  };
  const warmUp = fromRecords();
  const panel = buildCategoryPanels(records)[0]!.panel;
  computePanelResults(panel, { includeTrimmedMean: true });

  return {
    ms: medianMs(fromRecords),
    fromPanelMs: medianMs(() => computePanelResults(panel, { includeTrimmedMean: true })),
    runs: TIMED_RUNS,
    entries: ENTRIES,
    judges: JUDGES,
    criteria: CRITERIA,
    ties: warmUp.rawRanking.ties.length,
  };
}

function medianMs(run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** One stage, one category: each entry has a quality, each judge a severity, plus noise. */
function makeStageRecords(seed: number): StageRecords {
  const random = mulberry32(seed);
  const rubric: Rubric = {
    id: 'rubric',
    version: 1,
    name: 'Bench rubric',
    criteria: Array.from({ length: CRITERIA }, (_, c) => ({
      key: `kriteria-${c + 1}`,
      name: `Kriteria ${c + 1}`,
      description: '',
      weight: 5 + ((c * 7) % 20),
      scale: { kind: 'range', min: 0, max: 100, step: 5 },
    })),
  };
  const entries = Array.from({ length: ENTRIES }, (_, e) => ({
    id: `entry-${e}`,
    categoryId: 'umum',
  }));
  const quality = entries.map(() => 30 + random() * 60);
  const severity = Array.from({ length: JUDGES }, () => (random() - 0.5) * 20);
  const assignments: Assignment[] = [];
  const scoresheets: Scoresheet[] = [];
  entries.forEach((entry, e) => {
    for (let j = 0; j < JUDGES; j++) {
      const ids = {
        id: `sheet-${e}-${j}`,
        stageId: 'stage',
        judgeId: `judge-${j}`,
        entryId: entry.id,
      };
      assignments.push(ids);
      const scores: Scoresheet['scores'] = {};
      for (const criterion of rubric.criteria) {
        const raw = (quality[e] ?? 50) + (severity[j] ?? 0) + (random() - 0.5) * 20;
        scores[criterion.key] = {
          value: Math.min(100, Math.max(0, Math.round(raw / 5) * 5)),
          note: '',
        };
      }
      scoresheets.push({
        ...ids,
        rubricId: rubric.id,
        rubricVersion: 1,
        scores,
        overallNote: '',
        photos: [],
        status: 'submitted',
      });
    }
  });
  return { stage: { id: 'stage' }, rubric, entries, assignments, scoresheets };
}

/** A small seeded generator, so every run measures the same panel. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = runResultsBench();
  console.log(
    `results, ${result.entries} entries × ${result.judges} judges × ${result.criteria} criteria: ` +
      `${result.ms.toFixed(1)} ms from records (median of ${result.runs}), ` +
      `${result.fromPanelMs.toFixed(1)} ms from the built panel; ${result.ties} ties broken`,
  );
}
