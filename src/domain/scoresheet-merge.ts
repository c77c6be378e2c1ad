import { copyField, readField, sameValue, scoresheetFieldPaths } from './scoresheet-fields';
import type { Scoresheet } from './scoresheet';

/** Who last wrote a field, when by their hybrid clock, and at which server change. */
export interface FieldStamp {
  hlc: string;
  seq: number;
  deviceId: string;
}
export type FieldStamps = Record<string, FieldStamp>;

export interface ScoresheetEdit {
  sheet: Scoresheet;
  /** The fields this edit set; undefined means every field. */
  fields: readonly string[] | undefined;
  hlc: string;
  deviceId: string;
  /** The change number of the server version the device edited. */
  baseSeq: number;
  /** Per-field clocks of folded edits; a field not named here was set at `hlc`. */
  fieldHlcs?: Readonly<Record<string, string>> | undefined;
}

export interface FieldConflict {
  field: string;
  kept: { value: unknown; hlc: string; deviceId: string };
  lost: { value: unknown; hlc: string; deviceId: string };
}

export interface MergeResult {
  sheet: Scoresheet;
  stamps: FieldStamps;
  conflicts: FieldConflict[];
  /** False when the edit changed neither a value nor a stamp (a replay): nothing to store. */
  changed: boolean;
}

/**
 * Merges one device's edit of a scoresheet into the server's copy, field by field
 * (ARCHITECTURE.md, sync protocol 5).
 *
 * - A field the edit did not set keeps the server's value: edits of different criteria
 *   on two devices both win.
 * - A field changed on the server after the edit's base version, by another device, is a
 *   concurrent edit: the later hybrid clock wins and the conflict is reported.
 * - Otherwise the edit saw the server's value and replaced it on purpose: it wins, whatever
 *   the clocks say (causality beats clocks).
 *
 * So for two concurrent edits the result does not depend on which arrives first.
 */
export function mergeScoresheetEdit(
  stored: { sheet: Scoresheet; stamps: FieldStamps } | null,
  edit: ScoresheetEdit,
  seq: number,
): MergeResult {
  const stampOf = (field: string): FieldStamp => ({
    hlc: hlcOf(edit, field),
    seq,
    deviceId: edit.deviceId,
  });
  if (!stored) {
    // Only the fields this edit set are stamped: the others hold defaults nobody chose, so
    // another device's first value for them must not count as a conflict.
    const set = edit.fields ?? scoresheetFieldPaths(edit.sheet);
    const stamps = Object.fromEntries(set.map((f) => [f, stampOf(f)]));
    return { sheet: edit.sheet, stamps, conflicts: [], changed: true };
  }
  const fields = edit.fields ?? scoresheetFieldPaths(edit.sheet);
  let sheet = stored.sheet;
  const stamps: FieldStamps = { ...stored.stamps };
  const conflicts: FieldConflict[] = [];
  let changed = false;
  for (const field of new Set(fields)) {
    const incoming = readField(edit.sheet, field);
    const current = readField(sheet, field);
    const previous = stamps[field];
    const hlc = hlcOf(edit, field);
    // The same edit seen again (its stamp is already there): nothing to decide.
    if (previous?.hlc === hlc && previous.deviceId === edit.deviceId) continue;
    const isConcurrent =
      previous !== undefined && previous.seq > edit.baseSeq && previous.deviceId !== edit.deviceId;
    const incomingWins = !isConcurrent || hlc > previous.hlc;
    const isSameValue = sameValue(incoming, current);
    if (isConcurrent && !isSameValue) {
      const mine = { value: incoming, hlc, deviceId: edit.deviceId };
      const theirs = { value: current, hlc: previous.hlc, deviceId: previous.deviceId };
      conflicts.push({
        field,
        kept: incomingWins ? mine : theirs,
        lost: incomingWins ? theirs : mine,
      });
    }
    // A winning edit takes the stamp even when it wrote the value already there: which
    // write was last must not depend on the order the server received them in.
    if (incomingWins) {
      if (!isSameValue) sheet = copyField(sheet, edit.sheet, field);
      stamps[field] = stampOf(field);
      changed = true;
    }
  }
  return { sheet, stamps, conflicts, changed };
}

function hlcOf(edit: ScoresheetEdit, field: string): string {
  return edit.fieldHlcs?.[field] ?? edit.hlc;
}
