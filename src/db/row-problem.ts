import type * as z from 'zod/mini';
import { describeIssues } from '../domain/describe-issues';

/**
 * A stored row that failed its schema. Reads report it and skip it instead of throwing,
 * so one damaged row cannot hide every other entry from a judge.
 */
export interface RowProblem {
  table: string;
  /** The row's primary key as text. */
  key: string;
  /** One readable line per schema issue, from describeIssues. */
  message: string;
}

/** Rows read back from a table: the valid ones, and the ones that were skipped. */
export interface RowList<T> {
  rows: T[];
  problems: RowProblem[];
}

/** One row looked up by key. */
export type RowLookup<T> =
  { status: 'found'; row: T } | { status: 'absent' } | { status: 'corrupt'; problem: RowProblem };

export function rowProblem(
  table: string,
  key: unknown,
  issues: readonly z.core.$ZodIssue[],
): RowProblem {
  return { table, key: keyText(key), message: describeIssues(issues) };
}

/** The outcome of parsing one stored row. */
export type ParsedRow<T> = { ok: true; value: T } | { ok: false; problem: RowProblem };

/** Parses each row with `parse`; a row that fails becomes a problem and is left out. */
export function parseRows<T>(
  rows: readonly unknown[],
  parse: (row: unknown) => ParsedRow<T>,
): RowList<T> {
  const list: RowList<T> = { rows: [], problems: [] };
  for (const row of rows) {
    const result = parse(row);
    if (result.ok) list.rows.push(result.value);
    else list.problems.push(result.problem);
  }
  return list;
}

/** The value of `field` on a row we know nothing about, for naming it in a problem. */
export function fieldOf(row: unknown, field: string): unknown {
  return typeof row === 'object' && row !== null
    ? (row as Record<string, unknown>)[field]
    : undefined;
}

function keyText(key: unknown): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'number') return String(key);
  // Typed as string, but JSON.stringify(undefined) is undefined.
  const text = JSON.stringify(key) as string | undefined;
  return text ?? 'no key';
}
