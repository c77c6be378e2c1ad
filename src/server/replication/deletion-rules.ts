import {
  DELETION_DEPENDENCIES,
  deletionBlockers,
  type DeletionBlocker,
} from '../../domain/deletion-rules';
import type { SyncRecord } from '../../domain/sync-record';
import type { PushAuthor } from './push-batch';
import { MutationRejected } from './push-outcome';
import type { PushWorkspace } from './push-workspace';

/**
 * A deletion goes through only when nothing depends on the record
 * (src/domain/deletion-rules.ts); the rejection says what still does.
 */
export async function assertDeletionAllowed(
  ws: PushWorkspace,
  author: PushAuthor,
  sent: SyncRecord,
): Promise<void> {
  const key = sent.kind === 'rubric' ? `${sent.data.id}@${sent.data.version}` : sent.data.id;
  const stored = ws.get(sent.kind, key);
  const record = (stored ? { kind: sent.kind, data: stored.data } : sent) as SyncRecord;
  const dependents = [];
  for (const rule of DELETION_DEPENDENCIES[record.kind] ?? [])
    dependents.push(await ws.where(rule.kind, rule.field, record.data.id));
  const blockers = deletionBlockers(record, dependents, author.user.id);
  if (blockers.length > 0) {
    throw new MutationRejected(
      'locked',
      `${describeRecord(record)} cannot be deleted: ${blockers.map(describeBlocker).join('; ')}`,
    );
  }
}

const PLURALS: Partial<Record<SyncRecord['kind'], string>> = {
  category: 'categories',
  entry: 'entries',
};

function describeBlocker(blocker: DeletionBlocker): string {
  switch (blocker.code) {
    case 'self':
      return 'you cannot delete yourself';
    case 'stage-not-draft':
      return `it is ${blocker.state}; only a draft stage can be deleted`;
    case 'rubric-in-use':
      return `stage ${blocker.stageNames.map((n) => `"${n}"`).join(', ')} uses it`;
    case 'has-dependents': {
      const { kind, count } = blocker;
      const noun = count === 1 ? kind : (PLURALS[kind] ?? `${kind}s`);
      return `it has ${count} ${noun}${kind === 'assignment' ? ' (withdraw them first)' : ''}`;
    }
  }
}

function describeRecord(record: SyncRecord): string {
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
