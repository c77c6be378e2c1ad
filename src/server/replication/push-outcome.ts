import * as z from 'zod/mini';
import { REJECTION_CODES } from '../../domain/sync-protocol';

/** What the server answered to one mutation; stored so that a replay gets the same answer. */
export const pushOutcomeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ack'), seq: z.number(), clockSkewMs: z.optional(z.number()) }),
  z.object({ type: z.literal('rejection'), code: z.enum(REJECTION_CODES), message: z.string() }),
]);
export type PushOutcome = z.infer<typeof pushOutcomeSchema>;

/** A refusal of one mutation, thrown by the rules and turned into a rejection. */
export class MutationRejected extends Error {
  override readonly name = 'MutationRejected';
  constructor(
    readonly code: (typeof REJECTION_CODES)[number],
    message: string,
  ) {
    super(message);
  }
}
