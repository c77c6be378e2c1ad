import type { Assignment } from './assignment';
import type { Scoresheet } from './scoresheet';

/** Where one assignment's work stands. */
export type SheetProgress = 'missing' | 'scored' | 'submitted' | 'abstained';

export interface ProgressCounts {
  /** Active assignments (without a recusal). */
  assigned: number;
  /** No sheet yet, or one with nothing in it. */
  missing: number;
  /** A draft with at least one value: started, not submitted. */
  scored: number;
  submitted: number;
  abstained: number;
  recused: number;
}

export interface JudgeProgress extends ProgressCounts {
  judgeId: string;
}

export interface EntryProgress extends ProgressCounts {
  entryId: string;
}

/**
 * Work kept by the server on an assignment the panitia withdrew or recused while the
 * judge was offline (sync protocol 11): never counted, never thrown away, shown.
 */
export interface OrphanedWork {
  scoresheetId: string;
  judgeId: string;
  entryId: string;
  reason: 'withdrawn' | 'recused';
  status: Scoresheet['status'];
}

export interface StageProgress {
  total: ProgressCounts;
  judges: JudgeProgress[];
  entries: EntryProgress[];
  orphaned: OrphanedWork[];
}

const zero = (): ProgressCounts => ({
  assigned: 0,
  missing: 0,
  scored: 0,
  submitted: 0,
  abstained: 0,
  recused: 0,
});

export function sheetProgress(sheet: Scoresheet | undefined): SheetProgress {
  if (!sheet) return 'missing';
  if (sheet.status === 'submitted') return 'submitted';
  if (sheet.status === 'abstained') return 'abstained';
  return Object.values(sheet.scores).some((s) => s.value !== null) ? 'scored' : 'missing';
}

/** Per judge and per entry of one stage: what is scored, submitted, abstained, missing. */
export function stageProgress(
  stageId: string,
  assignments: readonly Assignment[],
  scoresheets: readonly Scoresheet[],
): StageProgress {
  const inStage = assignments.filter((a) => a.stageId === stageId);
  const sheets = new Map(scoresheets.filter((s) => s.stageId === stageId).map((s) => [s.id, s]));
  const total = zero();
  const byJudge = new Map<string, ProgressCounts>();
  const byEntry = new Map<string, ProgressCounts>();
  const countsOf = (map: Map<string, ProgressCounts>, key: string) => {
    let counts = map.get(key);
    if (!counts) map.set(key, (counts = zero()));
    return counts;
  };
  for (const a of inStage) {
    const targets = [total, countsOf(byJudge, a.judgeId), countsOf(byEntry, a.entryId)];
    for (const counts of targets) {
      if (a.recusal) counts.recused++;
      else {
        counts.assigned++;
        counts[sheetProgress(sheets.get(a.id))]++;
      }
    }
  }
  const assignmentById = new Map(inStage.map((a) => [a.id, a]));
  const orphaned = [...sheets.values()].flatMap((sheet): OrphanedWork[] => {
    const assignment = assignmentById.get(sheet.id);
    if (assignment && !assignment.recusal) return [];
    if (!hasWork(sheet)) return [];
    return [
      {
        scoresheetId: sheet.id,
        judgeId: sheet.judgeId,
        entryId: sheet.entryId,
        reason: assignment ? 'recused' : 'withdrawn',
        status: sheet.status,
      },
    ];
  });
  return {
    total,
    judges: [...byJudge].map(([judgeId, counts]) => ({ judgeId, ...counts })),
    entries: [...byEntry].map(([entryId, counts]) => ({ entryId, ...counts })),
    orphaned,
  };
}

function hasWork(sheet: Scoresheet): boolean {
  return (
    sheet.status !== 'draft' ||
    sheet.overallNote !== '' ||
    sheet.photos.length > 0 ||
    Object.values(sheet.scores).some((s) => s.value !== null || s.note !== '')
  );
}
