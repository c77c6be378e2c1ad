-- Every synced record lives in one table, keyed by kind and key (rubrics: "id@version").
-- `seq` is the change number of the last change to the row: a device pulls the rows whose
-- seq is above its cursor. seq comes from change_counter, never from a clock.
-- A deleted record stays as a tombstone (deleted = true) so devices that hold it learn
-- to remove it. field_stamps holds, for a scoresheet, who last wrote each field and when
-- (hybrid clock, change number, device): what the per-field merge decides by.
CREATE TABLE records (
  kind text NOT NULL,
  key text NOT NULL,
  data jsonb NOT NULL,
  seq bigint NOT NULL,
  deleted boolean NOT NULL DEFAULT false,
  field_stamps jsonb,
  PRIMARY KEY (kind, key)
);

CREATE UNIQUE INDEX records_seq ON records (seq);

-- What a judge may read is decided by these fields (src/server/replication/visible-changes.ts).
CREATE INDEX records_judge ON records ((data->>'judgeId'), kind);

CREATE INDEX records_stage ON records ((data->>'stageId'), kind);

-- Every mutation the server has answered, in the same transaction as its effect, so a
-- retried push gets the same answer and changes nothing (sync protocol 3).
CREATE TABLE applied_mutations (
  mutation_id text PRIMARY KEY,
  device_id text NOT NULL,
  user_id text NOT NULL,
  outcome jsonb NOT NULL,
  made_at timestamptz NOT NULL,
  applied_at timestamptz NOT NULL,
  clock_skew_ms bigint
);

-- Records a user could read and no longer may (an assignment withdrawn or recused):
-- pulled as removals, ordered with the other changes by their change number.
CREATE TABLE removals (
  user_id text NOT NULL,
  kind text NOT NULL,
  key text NOT NULL,
  seq bigint NOT NULL,
  PRIMARY KEY (user_id, kind, key, seq)
);

CREATE INDEX removals_user_seq ON removals (user_id, seq);

-- One row. A transaction that changes records takes the next number with
-- UPDATE … RETURNING, which holds the row lock until it commits: writers are serialised,
-- so change numbers become visible in order and a pull can never skip a smaller number
-- that commits later.
CREATE TABLE change_counter (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last_seq bigint NOT NULL
);

INSERT INTO change_counter (id, last_seq) VALUES (true, 0);

-- A device signed in by one user. Only the sha-256 of the token is stored.
CREATE TABLE devices (
  id text PRIMARY KEY,
  user_id text NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz,
  revoked_at timestamptz
);

CREATE INDEX devices_user ON devices (user_id);

-- One-time codes: the panitia's sign-in link and the invites. Stored hashed; used once.
CREATE TABLE sign_in_codes (
  code_hash text PRIMARY KEY,
  user_id text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('admin-link', 'invite')),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  used_by_device text
);
