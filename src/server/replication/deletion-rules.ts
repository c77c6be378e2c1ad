import type { SyncRecord } from '../../domain/sync-record';
import type { PushAuthor } from './push-batch';
import { MutationRejected } from './push-outcome';
import type { PushWorkspace } from './push-workspace';

/**
 * What the panitia may delete (issue 5). A deletion never takes anything with it: a record
 * that others still point at stays until they are moved or removed, so no entry is left
 * without its category, no judge's work without its judge, and no score without the stage
 * and rubric it was given under. The rejection says what still depends on it.
 */
export async function assertDeletionAllowed(
  ws: PushWorkspace,
  author: PushAuthor,
  record: SyncRecord,
): Promise<void> {
  const blockers = await dependentsOf(ws, author, record);
  if (blockers.length > 0) {
    throw new MutationRejected(
      'locked',
      `${describe(record)} cannot be deleted: ${blockers.join('; ')}`,
    );
  }
}

async function dependentsOf(
  ws: PushWorkspace,
  author: PushAuthor,
  record: SyncRecord,
): Promise<string[]> {
  switch (record.kind) {
    case 'competition': {
      const id = record.data.id;
      return [
        counted(await ws.where('category', 'competitionId', id), 'category', 'categories'),
        counted(await ws.where('stage', 'competitionId', id), 'stage', 'stages'),
        counted(await ws.where('entry', 'competitionId', id), 'entry', 'entries'),
      ].flatMap(orNothing);
    }
    case 'category':
      return [
        counted(await ws.where('entry', 'categoryId', record.data.id), 'entry', 'entries'),
      ].flatMap(orNothing);
    case 'stage': {
      const stage = ws.get('stage', record.data.id)?.data ?? record.data;
      return [
        stage.state === 'draft' ? '' : `it is ${stage.state}; only a draft stage can be deleted`,
        counted(
          await ws.where('assignment', 'stageId', stage.id),
          'assignment',
          'assignments',
          'withdraw them first',
        ),
        counted(await ws.where('scoresheet', 'stageId', stage.id), 'scoresheet', 'scoresheets'),
      ].flatMap(orNothing);
    }
    case 'rubric': {
      const users = (await ws.where('stage', 'rubricId', record.data.id)).filter(
        (s) => s.rubricVersion === record.data.version,
      );
      const names = users.map((s) => `"${s.name}"`).join(', ');
      return users.length === 0 ? [] : [`stage ${names} uses it`];
    }
    case 'entry':
      return [
        counted(
          await ws.where('assignment', 'entryId', record.data.id),
          'assignment',
          'assignments',
          'withdraw them first',
        ),
        counted(
          await ws.where('scoresheet', 'entryId', record.data.id),
          'scoresheet',
          'scoresheets',
        ),
      ].flatMap(orNothing);
    case 'user': {
      const id = record.data.id;
      if (id === author.user.id) return ['you cannot delete yourself'];
      // Recused and withdrawn work stays on record too: a judge's name is on every score.
      return [
        counted(await ws.where('assignment', 'judgeId', id), 'assignment', 'assignments'),
        counted(await ws.where('scoresheet', 'judgeId', id), 'scoresheet', 'scoresheets'),
      ].flatMap(orNothing);
    }
    default:
      return [];
  }
}

/** "it has 3 entries", or nothing for none. */
function counted(rows: readonly unknown[], one: string, many: string, then?: string): string {
  if (rows.length === 0) return '';
  const has = `it has ${rows.length === 1 ? `1 ${one}` : `${rows.length} ${many}`}`;
  return then === undefined ? has : `${has} (${then})`;
}

const orNothing = (text: string): string[] => (text === '' ? [] : [text]);

function describe(record: SyncRecord): string {
  switch (record.kind) {
    case 'competition':
    case 'category':
    case 'stage':
    case 'user':
      return `${capitalise(record.kind)} "${record.data.name}"`;
    case 'entry':
      return `Entry "${record.data.title}"`;
    case 'rubric':
      return `Rubric "${record.data.name}" version ${record.data.version}`;
    default:
      return capitalise(record.kind);
  }
}

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
