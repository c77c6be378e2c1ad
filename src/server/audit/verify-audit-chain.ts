import type { AuditRow, AuditVerification } from '../../domain/audit-entry';
import { AUDIT_GENESIS_HASH, hashAuditEntry } from './hash-audit-entry';

/** The chain's last position and hash, as the push that wrote it left them. */
export interface AuditHead {
  position: number;
  hash: string;
}

/**
 * Walks the chain in position order and reports the first link that does not hold: a
 * missing position (a removed row), a row that does not name its predecessor's hash (a
 * removed or reordered row), a row whose content no longer gives its hash (a changed or
 * moved row: the position is part of what is hashed), or a log that stops before its
 * head (rows removed from the end). `rows` must be ordered by position.
 */
export function verifyAuditChain(rows: readonly AuditRow[], head: AuditHead): AuditVerification {
  let prevHash = AUDIT_GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    const expected = index + 1;
    const bad = (reason: string, at = row.position): AuditVerification => ({
      ok: false,
      rows: rows.length,
      firstBadRow: at,
      reason,
    });
    if (row.position !== expected) {
      return bad(`row ${expected} is missing (the next row is ${row.position})`, expected);
    }
    const { prevHash: storedPrev, hash, ...entry } = row;
    if (storedPrev !== prevHash) {
      return bad(`row ${expected} does not follow row ${expected - 1}: its previous hash differs`);
    }
    if (hashAuditEntry(prevHash, entry) !== hash) {
      return bad(`row ${expected} was changed: its content does not give its hash`);
    }
    prevHash = hash;
  }
  const last = rows.length;
  if (head.position !== last || head.hash !== prevHash) {
    return {
      ok: false,
      rows: last,
      firstBadRow: last + 1,
      reason:
        head.position === last + 1
          ? `row ${head.position} is missing from the end of the log`
          : head.position > last
            ? `rows ${last + 1} to ${head.position} are missing from the end of the log`
            : `the log does not end where its head says (row ${head.position})`,
    };
  }
  return { ok: true, rows: last };
}
