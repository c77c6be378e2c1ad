import { formatHlc, parseHlc } from '../../domain/hlc';

/** Beyond this a device's clock is reported as wrong. Phones drift seconds, not minutes. */
export const CLOCK_SKEW_TOLERANCE_MS = 10 * 60 * 1000;

/**
 * How far a device's wall clock was from the server's when it made an edit, if that is
 * clearly wrong: in the future, or before the device was even enrolled. An edit made
 * offline a week ago is not wrong, so the past is only bounded by the enrolment.
 */
export function clockSkewMs(madeAt: Date, serverNow: Date, enrolledAt: Date): number | undefined {
  const ahead = madeAt.getTime() - serverNow.getTime();
  if (ahead > CLOCK_SKEW_TOLERANCE_MS) return ahead;
  const beforeEnrolment = madeAt.getTime() - enrolledAt.getTime();
  if (beforeEnrolment < -CLOCK_SKEW_TOLERANCE_MS) return beforeEnrolment;
  return undefined;
}

/**
 * The server never adopts a device clock that runs ahead of its own: such an HLC is
 * brought back to the server's time (keeping counter and device) before it is compared
 * or stored, so one wrong phone cannot win every conflict for a year.
 */
export function clampHlc(hlc: string, serverNow: Date): string {
  const parsed = parseHlc(hlc);
  const limit = serverNow.getTime() + CLOCK_SKEW_TOLERANCE_MS;
  return parsed.wallMs > limit ? formatHlc({ ...parsed, wallMs: limit }) : hlc;
}
