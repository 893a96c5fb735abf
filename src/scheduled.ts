import { readConfig } from "./config";
import type { Env } from "./env";
import { enforceInboxLimits } from "./inbox/enforce-limits";

/**
 * The daily Cron Trigger (wrangler.toml): keeps the inbox within
 * RETENTION_DAYS and MAX_LOGGED_QUESTIONS. It runs even with
 * LOG_QUESTIONS=off, so data logged before logging was turned off still ages out.
 */
export async function scheduled(controller: ScheduledController, env: Env): Promise<void> {
  if (!env.FAQ_DB) return;
  const config = readConfig(env);
  const deleted = await enforceInboxLimits(env.FAQ_DB, config, controller.scheduledTime);
  console.log(`inbox limits (${config.retentionDays} days, ${config.maxLoggedQuestions} rows): deleted ${deleted.questionsDeleted} questions and ${deleted.feedbackDeleted} feedback rows`);
}
