/**
 * Responses that take their time, for the fixture site: a large body sent
 * only as fast as the client reads it, and a body dripped a byte at a time.
 * Both are bounded and stop as soon as the client goes away, so a test that
 * gives up leaves nothing running.
 */
import type { ServerResponse } from "node:http";

/** Writes `total` bytes made by `chunkAt(offset)`, waiting for the client to take each, until it has them all or goes away; counts what was written. */
export function stream(res: ServerResponse, total: number, chunkAt: (offset: number) => string, count: (bytes: number) => void) {
  let sent = 0;
  let gone = false;
  res.on("close", () => (gone = true));
  const write = () => {
    while (!gone && sent < total) {
      const chunk = chunkAt(sent);
      sent += chunk.length;
      count(chunk.length);
      if (!res.write(chunk)) return void res.once("drain", write);
    }
    if (!gone) res.end();
  };
  write();
}

/** Sends `body` one byte every `everyMs`, from the first byte on (so the headers arrive at once), until done or the client goes away. */
export function drip(res: ServerResponse, contentType: string, body: string, everyMs: number) {
  res.writeHead(200, { "content-type": contentType });
  let i = 0;
  const timer = setInterval(() => {
    if (i < body.length) res.write(body[i++]!);
    else {
      clearInterval(timer);
      res.end();
    }
  }, everyMs);
  res.on("close", () => clearInterval(timer));
}
