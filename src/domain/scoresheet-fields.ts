import type { Scoresheet } from './scoresheet';

/**
 * The fields of a scoresheet that merge independently. A criterion's value and its note
 * are separate, so a judge who scores on the phone and writes notes on the laptop keeps
 * both. `status` covers status, abstainReason and submittedAt, which change together.
 */
export function scoresheetFieldPaths(sheet: Scoresheet): string[] {
  const criteria = Object.keys(sheet.scores).sort();
  return [
    ...criteria.flatMap((key) => [`scores.${key}.value`, `scores.${key}.note`]),
    'overallNote',
    'visit',
    'photos',
    'status',
  ];
}

export type FieldValue = unknown;

export function readField(sheet: Scoresheet, path: string): FieldValue {
  const score = /^scores\.([^.]+)\.(value|note)$/.exec(path);
  if (score) {
    const entry = ownScore(sheet, score[1] ?? '');
    return score[2] === 'value' ? (entry?.value ?? null) : (entry?.note ?? '');
  }
  switch (path) {
    case 'overallNote':
      return sheet.overallNote;
    case 'visit':
      return sheet.visit ?? null;
    case 'photos':
      return sheet.photos;
    case 'status':
      return {
        status: sheet.status,
        abstainReason: sheet.abstainReason ?? null,
        submittedAt: sheet.submittedAt ?? null,
      };
    default:
      throw new RangeError(`"${path}" is not a scoresheet field`);
  }
}

/** Returns a copy of `target` with the field at `path` taken from `source`. */
export function copyField(target: Scoresheet, source: Scoresheet, path: string): Scoresheet {
  const score = /^scores\.([^.]+)\.(value|note)$/.exec(path);
  if (score) {
    const key = score[1] ?? '';
    const current = ownScore(target, key) ?? { value: null, note: '' };
    const from = ownScore(source, key) ?? { value: null, note: '' };
    const next =
      score[2] === 'value' ? { ...current, value: from.value } : { ...current, note: from.note };
    return { ...target, scores: { ...target.scores, [key]: next } };
  }
  switch (path) {
    case 'overallNote':
      return { ...target, overallNote: source.overallNote };
    case 'visit': {
      // With exactOptionalPropertyTypes an absent field is left out, never set to undefined.
      const { visit: _visit, ...rest } = target;
      return source.visit === undefined ? rest : { ...rest, visit: source.visit };
    }
    case 'photos':
      return { ...target, photos: source.photos };
    case 'status': {
      const { abstainReason: _reason, submittedAt: _at, ...rest } = target;
      return {
        ...rest,
        status: source.status,
        ...(source.abstainReason === undefined ? {} : { abstainReason: source.abstainReason }),
        ...(source.submittedAt === undefined ? {} : { submittedAt: source.submittedAt }),
      };
    }
    default:
      throw new RangeError(`"${path}" is not a scoresheet field`);
  }
}

/** A criterion's score; own properties only, so a key such as "constructor" is safe. */
function ownScore(sheet: Scoresheet, key: string): Scoresheet['scores'][string] | undefined {
  return Object.hasOwn(sheet.scores, key) ? sheet.scores[key] : undefined;
}

/**
 * Structural equality of JSON values, whatever order object keys were written in
 * (PostgreSQL's jsonb returns keys in its own order).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((k) => left[k] !== undefined);
  const otherKeys = Object.keys(right).filter((k) => right[k] !== undefined);
  return (
    keys.length === otherKeys.length &&
    keys.every((k) => Object.hasOwn(right, k) && sameValue(left[k], right[k]))
  );
}

/**
 * The fields whose value differs between two versions of a sheet, or, for a new sheet,
 * those that hold something other than the empty default. A device sends only these, so
 * the server never takes a value the user did not set (ARCHITECTURE.md, sync protocol 5).
 */
export function changedScoresheetFields(
  before: Scoresheet | undefined,
  after: Scoresheet,
): string[] {
  const from = before ?? emptyLike(after);
  const paths = new Set([...scoresheetFieldPaths(after), ...scoresheetFieldPaths(from)]);
  return [...paths].filter((path) => !sameValue(readField(from, path), readField(after, path)));
}

/** The same sheet with nothing filled in: what a new sheet is compared against. */
function emptyLike(sheet: Scoresheet): Scoresheet {
  const { visit: _visit, abstainReason: _reason, submittedAt: _at, ...identity } = sheet;
  return { ...identity, scores: {}, overallNote: '', photos: [], status: 'draft' };
}
