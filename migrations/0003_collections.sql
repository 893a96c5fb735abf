-- Several FAQ collections in one deployment (issue 22): every question and every feedback row
-- belongs to the collection it was asked of. Rows stored before collections existed belong to
-- the default collection, which is the one every request without `collection` asks.

-- SQLite cannot change a primary key in place: the table is copied into the new shape.
CREATE TABLE unanswered_questions_by_collection (
  collection    TEXT NOT NULL DEFAULT 'default',
  question_key  TEXT NOT NULL,
  text          TEXT NOT NULL,
  count         INTEGER NOT NULL,
  first_seen    INTEGER NOT NULL,
  last_seen     INTEGER NOT NULL,
  nearest_id    TEXT,
  nearest_score REAL,
  model         TEXT,
  vector        BLOB,
  degraded      INTEGER NOT NULL,
  PRIMARY KEY (collection, question_key)
) WITHOUT ROWID;
INSERT INTO unanswered_questions_by_collection
  (collection, question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded)
  SELECT 'default', question_key, text, count, first_seen, last_seen, nearest_id, nearest_score, model, vector, degraded
  FROM unanswered_questions;
DROP TABLE unanswered_questions;
ALTER TABLE unanswered_questions_by_collection RENAME TO unanswered_questions;
CREATE INDEX unanswered_last_seen ON unanswered_questions (collection, last_seen);

ALTER TABLE feedback ADD COLUMN collection TEXT NOT NULL DEFAULT 'default';
DROP INDEX feedback_at;
CREATE INDEX feedback_at ON feedback (collection, at);

-- Tokens that open one collection's inbox and feedback (`npm run admin -- token create`).
-- Only a SHA-256 of each token is kept; the token itself is printed once.
CREATE TABLE admin_tokens (
  id          TEXT PRIMARY KEY,      -- short, to name the token in `token revoke` and in lists
  collection  TEXT NOT NULL,
  token_hash  TEXT NOT NULL UNIQUE,  -- hex SHA-256 of the token
  created_at  INTEGER NOT NULL,
  revoked_at  INTEGER                -- set by `token revoke`; a revoked token is refused
) WITHOUT ROWID;
