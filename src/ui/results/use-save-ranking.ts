import { useState } from 'preact/hooks';
import { getRecord } from '../../db/record-repository';
import type { Stage } from '../../domain/stage';
import { editableStageFields } from '../../domain/stage-lifecycle';
import { DEFAULT_STAGE_RANKING, type StageRanking } from '../../domain/stage-ranking';
import { useServices } from '../app-services';
import { useSaveRecords } from '../manage/use-save-records';

export interface RankingSaver {
  /** The stage's settings, or the defaults when it has none yet. */
  ranking: StageRanking;
  /** False once the stage is finalised: its settings are frozen with its scores. */
  editable: boolean;
  /** Applies `change` to the settings as stored now, and saves the stage. */
  save: (change: (ranking: StageRanking) => StageRanking) => Promise<boolean>;
  /** True from the click until the save is written: the controls wait meanwhile. */
  saving: boolean;
  error: string | null;
}

/**
 * Saves the stage's ranking settings the way the management screens save a stage: the
 * whole stage record through the outbox, so it works offline and the server decides.
 * Each change is applied to the stage as stored at that moment, not as last drawn, so two
 * quick clicks (↑ then ↑, or a move then the trimmed mean) never lose the first one.
 */
export function useSaveRanking(stage: Stage): RankingSaver {
  const { db } = useServices();
  const { save, error } = useSaveRecords();
  const [saving, setSaving] = useState(false);
  return {
    ranking: stage.ranking ?? DEFAULT_STAGE_RANKING,
    editable: editableStageFields(stage.state).includes('ranking'),
    save: async (change) => {
      setSaving(true);
      try {
        const stored = await getRecord(db, 'stage', stage.id);
        const current = stored.status === 'found' ? stored.row : stage;
        const ranking = change(current.ranking ?? DEFAULT_STAGE_RANKING);
        return await save([{ kind: 'stage', data: { ...current, ranking } }]);
      } finally {
        setSaving(false);
      }
    },
    saving,
    error,
  };
}
