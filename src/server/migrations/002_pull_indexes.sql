-- A pull reads, for each kind of record a user may see, the changes after the device's
-- cursor in change order (src/server/replication/visible-changes.ts). With these indexes
-- each of those reads starts at the cursor within its own kind (or its own judge) and
-- stops when the page is full, however many other users' changes came after the cursor,
-- and that plan stays the best one whatever the size of the table: a prepared statement's
-- plan does not go stale as the data grows.
CREATE INDEX records_kind_seq ON records (kind, seq);

CREATE INDEX records_judge_seq ON records ((data->>'judgeId'), seq);

