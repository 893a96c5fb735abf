/**
 * A step's duration in a response's Server-Timing header, in ms; NaN when absent.
 * In a Worker the clock only moves across I/O, so a step that did none reports 0.
 */
export const serverTiming = (response: Response, step: string): number =>
  Number(new RegExp(`(?:^|,)\\s*${step};dur=([\\d.]+)`).exec(response.headers.get("server-timing") ?? "")?.[1] ?? NaN);
