-- Every applied change to a scoresheet (issue 6 item 4), append-only and chained by
-- hashes: hash = sha-256(prev_hash + canonical JSON of the row's content), the first row's
-- prev_hash being the empty string (src/server/audit/audit-row-hash.ts). Written by the
-- push path in the same statement as the change (src/server/replication/push-workspace.ts).
-- Timestamps are kept as the exact ISO strings that were hashed: made_at is the device's
-- clock as it sent it, applied_at the server's.
CREATE TABLE audit_log (
  position bigint PRIMARY KEY,
  mutation_id text NOT NULL,
  user_id text NOT NULL,
  device_id text NOT NULL,
  made_at text NOT NULL,
  hlc text NOT NULL,
  applied_at text NOT NULL,
  record_seq bigint NOT NULL,
  scoresheet_id text NOT NULL,
  stage_id text NOT NULL,
  entry_id text NOT NULL,
  judge_id text NOT NULL,
  changes jsonb NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL
);

CREATE INDEX audit_log_entry ON audit_log (entry_id, position);

-- One row: the chain's last position and hash. Written only by a push, which holds the
-- change_counter row's lock from its first statement to its commit, so the chain's order
-- is the commit order; the primary key on position refuses a fork if that ever broke.
-- Removing rows at the end of the log is caught by comparing the last row with this one.
CREATE TABLE audit_head (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  position bigint NOT NULL,
  hash text NOT NULL
);

INSERT INTO audit_head (id, position, hash) VALUES (true, 0, '');
