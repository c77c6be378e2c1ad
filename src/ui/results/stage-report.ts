import type { StageResultsRecords } from '../../db/load-stage-results';
import type { Category } from '../../domain/category';
import type { Entry } from '../../domain/entry';
import { buildCategoryPanels } from '../../domain/results/category-panels-from-records';
import { PanelDataError } from '../../domain/results/panel-data-error';
import { computePanelResults, type PanelResults } from '../../domain/results/panel-results';
import type { PanelScores } from '../../domain/results/panel-scores';
import {
  rankingSettingsForPanel,
  type PanelRankingSettings,
} from '../../domain/results/ranking-settings-for-panel';
import type { User } from '../../domain/user';

/** The records of one stage the results screen and its documents read (src/db). */
export type StageResultRecords = Omit<StageResultsRecords, 'problems'>;

export interface CategoryReport {
  category: Category;
  panel: PanelScores;
  results: PanelResults;
  /** The stage's ranking settings as applied to this panel, and what was set aside. */
  settings: PanelRankingSettings;
}

/** One stage's results, per category in the categories' order, with what names them. */
export interface StageReport {
  records: StageResultRecords;
  categories: CategoryReport[];
  /** The stage's judges (anyone with a counted score or an assignment), by name. */
  judges: User[];
  entryById: ReadonlyMap<string, Entry>;
  userById: ReadonlyMap<string, User>;
}

/** Computes every panel of the stage from its records and the stage's ranking settings. */
export function buildStageReport(records: StageResultRecords): StageReport {
  const panels = buildCategoryPanels({
    stage: records.stage,
    rubric: records.rubric,
    entries: records.entries,
    assignments: records.assignments,
    scoresheets: records.scoresheets,
  });
  const categories = [...records.categories]
    .sort((a, b) => a.order - b.order)
    .flatMap((category) => {
      const panel = panels.find((p) => p.categoryId === category.id)?.panel;
      return panel ? [categoryReport(records, category, panel)] : [];
    });
  const userById = new Map(records.users.map((u) => [u.id, u]));
  const judgeIds = new Set(
    records.assignments.filter((a) => a.stageId === records.stage.id).map((a) => a.judgeId),
  );
  const judges = [...judgeIds]
    .flatMap((id) => userById.get(id) ?? [])
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return {
    records,
    categories,
    judges,
    entryById: new Map(records.entries.map((e) => [e.id, e])),
    userById,
  };
}

function categoryReport(
  records: StageResultRecords,
  category: Category,
  panel: PanelScores,
): CategoryReport {
  const settings = rankingSettingsForPanel(records.stage.ranking, category.id, panel);
  try {
    return { category, panel, results: computePanelResults(panel, settings.options), settings };
  } catch (error) {
    // rankingSettingsForPanel keeps out what the domain refuses; should a stored setting
    // still get through, the panitia sees the defaults and why rather than a broken screen.
    if (!(error instanceof PanelDataError)) throw error;
    const fallback: PanelRankingSettings = {
      options: { plenaryDecisions: [], includeTrimmedMean: settings.options.includeTrimmedMean },
      storedChainUsed: false,
      problems: [...settings.problems, { code: 'settings-refused', message: error.message }],
    };
    return {
      category,
      panel,
      results: computePanelResults(panel, fallback.options),
      settings: fallback,
    };
  }
}
