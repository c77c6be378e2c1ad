/**
 * A record failed its schema on its way into the database, so nothing was written.
 * The message names the record and every failing field.
 */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
}
