import type { Stage } from '../../domain/stage';
import { editableStageFields } from '../../domain/stage-lifecycle';
import { DEFAULT_STAGE_RANKING, type StageRanking } from '../../domain/stage-ranking';
import { useSaveRecords } from '../manage/use-save-records';

export interface RankingSaver {
  /** The stage's settings, or the defaults when it has none yet. */
  ranking: StageRanking;
  /** False once the stage is finalised: its settings are frozen with its scores. */
  editable: boolean;
  save: (ranking: StageRanking) => Promise<boolean>;
  saving: boolean;
  error: string | null;
}

/**
 * Saves the stage's ranking settings the way the management screens save a stage: the
 * whole stage record through the outbox, so it works offline and the server decides.
 */
export function useSaveRanking(stage: Stage): RankingSaver {
  const { save, saving, error } = useSaveRecords();
  return {
    ranking: stage.ranking ?? DEFAULT_STAGE_RANKING,
    editable: editableStageFields(stage.state).includes('ranking'),
    save: (ranking) => save([{ kind: 'stage', data: { ...stage, ranking } }]),
    saving,
    error,
  };
}
