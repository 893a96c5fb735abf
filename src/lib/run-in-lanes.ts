/**
 * Runs `task(0)` to `task(count - 1)`, at most `lanes` at a time: each lane
 * takes the next index as soon as it finishes one, so a slow item does not
 * hold the others back. A task that returns false stops the handing out of
 * further indexes (tasks already started finish); a task that throws stops it
 * too, and the run rejects with that error.
 */
export async function runInLanes(count: number, lanes: number, task: (index: number) => Promise<boolean | void>): Promise<void> {
  let next = 0;
  let stopped = false;
  const lane = async () => {
    while (!stopped && next < count) {
      const index = next++;
      try {
        if ((await task(index)) === false) stopped = true;
      } catch (error) {
        stopped = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, count)) }, lane));
}
