/** A value lies outside its criterion's scale: the score cannot be accepted. */
export class ScoreOutOfScaleError extends Error {
  override readonly name = 'ScoreOutOfScaleError';
  constructor(
    readonly criterionKey: string,
    detail: string,
  ) {
    super(`Criterion "${criterionKey}": ${detail}`);
  }
}

/** A scoresheet that does not belong to the rubric version it is scored against. */
export class RubricMismatchError extends Error {
  override readonly name = 'RubricMismatchError';
}
