import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../domain/audit-entry';
import { canonicalJson } from '../../domain/canonical-json';

/** The previous hash of the chain's first row. */
export const AUDIT_GENESIS_HASH = '';

/** sha-256 (hex) of the previous row's hash followed by the canonical JSON of this row. */
export function hashAuditEntry(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256')
    .update(prevHash + canonicalJson(entry))
    .digest('hex');
}
