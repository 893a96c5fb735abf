/** What a failed attempt tells us about waiting before the next one. */
export interface FailedAttempt {
  /** HTTP status, or null when the request never got an answer. */
  status: number | null;
  /** Parsed JSON error body, when there was one. */
  body: unknown;
  retryAfterHeader: string | null;
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);

function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function estimatedTimeMs(body: unknown): number | null {
  const value = (body as { estimated_time?: unknown } | null)?.estimated_time;
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value * 1000 : null;
}

/**
 * How long to wait before retrying, or null when the failure is not worth a
 * retry. Honours `estimated_time` on a 503 (model loading) and `Retry-After`
 * on a 429; otherwise backs off exponentially from `baseDelayMs`.
 */
export function retryDelayMs(failure: FailedAttempt, attempt: number, baseDelayMs: number, now = Date.now()): number | null {
  if (failure.status !== null && !RETRYABLE_STATUSES.has(failure.status)) return null;
  const hinted = retryAfterMs(failure.retryAfterHeader, now) ?? (failure.status === 503 ? estimatedTimeMs(failure.body) : null);
  return hinted ?? baseDelayMs * 2 ** attempt;
}
