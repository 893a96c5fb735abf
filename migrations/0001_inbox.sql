-- The unanswered-question inbox and the widget's feedback (issue 12).
-- Times are milliseconds since the epoch. No IP address, user agent or cookie is stored.

-- One row per distinct question (question_key: the question's words, lower-cased and
-- accent-folded), asked with answered: false at least once.
CREATE TABLE unanswered_questions (
  question_key  TEXT PRIMARY KEY,
  text          TEXT NOT NULL,     -- as last asked, normalised and trimmed
  count         INTEGER NOT NULL,
  first_seen    INTEGER NOT NULL,
  last_seen     INTEGER NOT NULL,
  nearest_id    TEXT,              -- the best match at the time, if any
  nearest_score REAL,
  model         TEXT,              -- the model of vector
  vector        BLOB,              -- int8 copy of the unit query vector; NULL when not embedded
  degraded      INTEGER NOT NULL   -- 1 when the answer came from words alone after an embedding failure
) WITHOUT ROWID;
CREATE INDEX unanswered_last_seen ON unanswered_questions (last_seen);

-- One row per "Did this answer your question?" click.
CREATE TABLE feedback (
  id      INTEGER PRIMARY KEY,
  query   TEXT NOT NULL,
  faq_id  TEXT NOT NULL,
  helpful INTEGER NOT NULL,        -- 1 yes, 0 no
  at      INTEGER NOT NULL
);
CREATE INDEX feedback_at ON feedback (at);
