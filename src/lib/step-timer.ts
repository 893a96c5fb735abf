/** Marks the steps of a request for Server-Timing; domain code takes one instead of Hono's Context. */
export interface StepTimer {
  start(step: string): void;
  end(step: string): void;
}

/** A timer that records nothing (tests, and code run outside a request). */
export const NO_TIMER: StepTimer = { start: () => undefined, end: () => undefined };
