import type { RecordKind, SyncRecord } from './sync-record';
import type { Stage, StageState } from './stage';

/**
 * What the panitia may delete (issue 5). A deletion never takes anything with it: a record
 * others still point at stays until they are moved or removed, so no entry is left without
 * its category, no judge's work without its judge, no score without the stage and rubric
 * it was given under. The server refuses (src/server/replication/deletion-rules.ts) and the
 * panitia's screens say so before trying, both from these rules.
 */
/** The kinds that can hold a record back from deletion. */
export type DependentKind = 'category' | 'stage' | 'entry' | 'assignment' | 'scoresheet';

export interface Dependency {
  kind: DependentKind;
  /** The field of `kind` that names the record being deleted. */
  field: string;
}

/** For each kind, the records that point at one of it. Kinds not listed delete freely. */
export const DELETION_DEPENDENCIES: Partial<Record<RecordKind, readonly Dependency[]>> = {
  competition: [
    { kind: 'category', field: 'competitionId' },
    { kind: 'stage', field: 'competitionId' },
    { kind: 'entry', field: 'competitionId' },
  ],
  category: [{ kind: 'entry', field: 'categoryId' }],
  stage: [
    { kind: 'assignment', field: 'stageId' },
    { kind: 'scoresheet', field: 'stageId' },
  ],
  rubric: [{ kind: 'stage', field: 'rubricId' }],
  entry: [
    { kind: 'assignment', field: 'entryId' },
    { kind: 'scoresheet', field: 'entryId' },
  ],
  // A judge's scoresheets keep them, orphaned ones too: their name is on every score.
  user: [
    { kind: 'assignment', field: 'judgeId' },
    { kind: 'scoresheet', field: 'judgeId' },
  ],
};

export type DeletionBlocker =
  | { code: 'has-dependents'; kind: DependentKind; count: number }
  | { code: 'stage-not-draft'; state: StageState }
  | { code: 'rubric-in-use'; stageNames: string[] }
  | { code: 'self' };

/**
 * Why `record` cannot be deleted, or nothing. `dependents` holds the live records found
 * for each of DELETION_DEPENDENCIES[record.kind], in that order; `stored` is the record as
 * stored (its state may be newer than the copy the client sent).
 */
export function deletionBlockers(
  record: SyncRecord,
  dependents: readonly (readonly unknown[])[],
  authorId: string,
): DeletionBlocker[] {
  const blockers: DeletionBlocker[] = [];
  if (record.kind === 'user' && record.data.id === authorId) blockers.push({ code: 'self' });
  if (record.kind === 'stage' && record.data.state !== 'draft')
    blockers.push({ code: 'stage-not-draft', state: record.data.state });
  const rules = DELETION_DEPENDENCIES[record.kind] ?? [];
  rules.forEach((rule, index) => {
    const found = dependents[index] ?? [];
    if (record.kind === 'rubric') {
      // Only the stages that use this version of the rubric.
      const version = record.data.version;
      const stages = found.filter(
        (s): s is Pick<Stage, 'name' | 'rubricVersion'> =>
          typeof s === 'object' && s !== null && (s as Stage).rubricVersion === version,
      );
      if (stages.length > 0)
        blockers.push({ code: 'rubric-in-use', stageNames: stages.map((s) => s.name) });
    } else if (found.length > 0) {
      blockers.push({ code: 'has-dependents', kind: rule.kind, count: found.length });
    }
  });
  return blockers;
}
