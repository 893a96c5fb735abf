/** Waits for a free slot on a host; at most `limit` requests in flight per host. */
export class HostSlots {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(private readonly limit: number) {}

  async run<T>(host: string, work: () => Promise<T>): Promise<T> {
    if ((this.active.get(host) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(host) ?? [];
        queue.push(resolve);
        this.waiting.set(host, queue);
      });
    } else {
      this.active.set(host, (this.active.get(host) ?? 0) + 1);
    }
    try {
      return await work();
    } finally {
      const next = this.waiting.get(host)?.shift();
      if (next) next(); // the slot passes straight to the next in line
      else this.active.set(host, this.active.get(host)! - 1);
    }
  }
}
