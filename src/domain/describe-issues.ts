import type * as z from 'zod/mini';

/**
 * Turns schema issues into one readable line per problem, naming the field:
 * "mutations.0.record.data.year: must be at most 2100". Used for every 4xx body.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
