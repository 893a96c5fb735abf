/**
 * Does a robots.txt pattern match a path? Both are in match form (see
 * robots-encoding.ts): in the pattern `*` is any run of octets and a final
 * `$` ties the match to the end of the path; otherwise the pattern need only
 * match a prefix of the path (RFC 9309, sections 2.2.2 and 2.2.3).
 *
 * A regular expression would backtrack: `/*a*a*...*b` against a long run of
 * `a`s takes exponential time, and robots.txt is written by whoever runs the
 * site. This is the two-pointer wildcard match instead: on a mismatch only
 * the most recent `*` takes one more octet, because any earlier `*` could
 * only lead to the same states. Each step moves the path pointer forward or
 * the last star's mark forward, so it takes at most
 * (pattern length + 1) x (path length + 1) steps, never more.
 */

/** Counts the steps of a match, so tests can hold the matcher to its bound. */
export interface StepMeter {
  steps: number;
}

export function patternMatches(pattern: string, path: string, meter?: StepMeter): boolean {
  const anchored = pattern.endsWith("$");
  const end = anchored ? pattern.length - 1 : pattern.length;
  let p = 0;
  let s = 0;
  let star = -1; // index in the pattern of the last `*` passed
  let mark = 0; // where in the path that `*`'s run ends now
  let steps = 0;
  try {
    for (;;) {
      steps += 1;
      if (p === end && (!anchored || s === path.length)) return true;
      if (p < end && pattern[p] === "*") {
        star = p++;
        mark = s;
        continue;
      }
      if (p < end && s < path.length && pattern[p] === path[s]) {
        p += 1;
        s += 1;
        continue;
      }
      // mismatch: let the last `*` swallow one more octet, if there is one to swallow
      if (star < 0 || mark >= path.length) return false;
      mark += 1;
      p = star + 1;
      s = mark;
    }
  } finally {
    if (meter) meter.steps += steps;
  }
}
