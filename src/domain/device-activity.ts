import * as z from 'zod/mini';
import { deviceInfoSchema } from './admin-protocol';
import { instantSchema } from './common';

/**
 * A device as the panitia's progress screen sees it: when it last synced, and how long
 * the oldest change in its last push had waited on the device (issue 5, "Progress"). A
 * device that has gone quiet is one whose last sync is long ago.
 */
export const deviceActivitySchema = z.object({
  // lastSeenAt: the last request of any kind (a sync with nothing to push, an upload).
  ...deviceInfoSchema.shape,
  /** The last sync that carried changes. */
  lastPushAt: z.nullable(instantSchema),
  /** At that push, the age of its oldest change, by the device's clock (ms). */
  oldestChangeAgeMs: z.nullable(z.number()),
  /** The device's clock was flagged wrong in that push: the age above is not to be trusted. */
  clockSkewed: z.boolean(),
});
export type DeviceActivity = z.infer<typeof deviceActivitySchema>;

export const deviceActivityResponseSchema = z.object({
  devices: z.array(deviceActivitySchema),
  serverTime: instantSchema,
});
export type DeviceActivityResponse = z.infer<typeof deviceActivityResponseSchema>;
