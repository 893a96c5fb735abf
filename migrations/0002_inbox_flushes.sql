-- Makes each batch the inbox writes idempotent (issue 24): a batch inserts its flush id in the same
-- transaction as its rows. A batch whose outcome is unknown (its request was cancelled, or the
-- answer never came) is written again by a later flush under the same id; if the first attempt had
-- committed, the id is already here, the second attempt fails whole, and nothing is counted twice.
-- The daily job deletes ids older than a day.
CREATE TABLE inbox_flushes (
  id  TEXT PRIMARY KEY,
  at  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX inbox_flushes_at ON inbox_flushes (at);
