-- The owner's dashboard (issue 23): what it counts, per collection and day (UTC, 'YYYY-MM-DD'),
-- written by the Worker's batched inbox writer after each answer is sent, never on the answer's path.

-- Every question asked by meaning (lexical requests are the widget's half-typed words), by how it ended.
-- A degraded answer (words alone, the embedding failed) counts as degraded, whether answered or not.
CREATE TABLE daily_counts (
  collection  TEXT NOT NULL,
  day         TEXT NOT NULL,
  asked       INTEGER NOT NULL DEFAULT 0,
  answered    INTEGER NOT NULL DEFAULT 0,
  unanswered  INTEGER NOT NULL DEFAULT 0,
  degraded    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (collection, day)
) WITHOUT ROWID;

-- How often each unanswered question was asked each day: a group's count in a period, and in the one before.
CREATE TABLE question_days (
  collection    TEXT NOT NULL,
  question_key  TEXT NOT NULL,
  day           TEXT NOT NULL,
  count         INTEGER NOT NULL,
  PRIMARY KEY (collection, question_key, day)
) WITHOUT ROWID;
CREATE INDEX question_days_day ON question_days (collection, day);

-- How often visitors opened each FAQ's answer in the widget, per day.
CREATE TABLE faq_opens (
  collection  TEXT NOT NULL,
  day         TEXT NOT NULL,
  faq_id      TEXT NOT NULL,
  opened      INTEGER NOT NULL,
  PRIMARY KEY (collection, day, faq_id)
) WITHOUT ROWID;

-- A group the owner marked done is hidden until one of its questions is asked again, or a new one joins it.
ALTER TABLE unanswered_questions ADD COLUMN done_at INTEGER;

-- Answers the owner wrote for what visitors asked, until the next seed builds them into the index.
CREATE TABLE drafts (
  id          INTEGER PRIMARY KEY,
  collection  TEXT NOT NULL,
  question    TEXT NOT NULL,
  answer      TEXT NOT NULL,
  group_key   TEXT,                  -- the inbox group it answers, if written from one
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
CREATE INDEX drafts_collection ON drafts (collection, id);
