/**
 * Inbox writes (unanswered questions, feedback) that failed in this isolate
 * since it started, shown in /health. They run after the answer is sent, so
 * this count is the only trace a failing database leaves.
 */
let failed = 0;

export const inboxWriteFailures = {
  count: () => failed,
  add: () => {
    failed += 1;
  },
};
