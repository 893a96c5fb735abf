import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port";
import { wranglerBin } from "./wrangler-bin";
import { wranglerEnv } from "./wrangler-env";

export interface WranglerDevOptions {
  port: number;
  /** Extra Worker variables, passed as `--var NAME:VALUE`. */
  vars: Record<string, string>;
  /** Secrets, written to a private temporary env file for `--env-file` and removed when wrangler stops. */
  secrets?: Record<string, string>;
  persistTo?: string;
  configPath?: string;
  /** Where wrangler's own output goes: inherited (default), dropped, or kept for `logs()`. */
  output?: "inherit" | "ignore" | "capture";
  /**
   * For a person watching (`npm start`), with output "inherit": leave out
   * what wrangler says at startup that is not theirs to act on (STARTUP_NOISE,
   * and the log lines of the readiness probe), and let the Cron Trigger wait
   * for /cdn-cgi/handler/scheduled without wrangler's warning that it does.
   * Everything still goes into a failure's message.
   */
  quietStartup?: boolean;
  readyTimeoutMs?: number;
}

export interface RunningWorker {
  url: string;
  child: ChildProcess;
  /** Everything wrangler and the Worker printed, with output "capture". */
  logs(): string;
  stop(): Promise<void>;
}

/** A dotenv file only this user can read, in a fresh temporary folder. */
async function writeSecretsFile(secrets: Record<string, string>) {
  const dir = await mkdtemp(join(tmpdir(), "faq-edge-secrets-"));
  const path = join(dir, ".env");
  // dotenv takes single- and backtick-quoted values literally; double quotes only unescape \n.
  const quoted = (value: string) => {
    const literal = ["'", "`"].find((quote) => !value.includes(quote) && !value.includes("\n"));
    if (literal) return `${literal}${value}${literal}`;
    if (value.includes('"')) throw new Error("a secret holding a double quote and also a single quote, a backtick or a line break cannot be written to an env file");
    return `"${value.replace(/\n/g, "\\n")}"`;
  };
  await writeFile(path, Object.entries(secrets).map(([name, value]) => `${name}=${quoted(value)}\n`).join(""), { mode: 0o600 });
  return { path, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * wrangler 4.86 runs the [build] command a second time when its watcher is
 * ready and announces it as a change of every watched file (workers-sdk
 * #7934, fixed in releases that need Node 22); npm start has already built
 * the WebAssembly, so the build's chatter says nothing at startup.
 */
const STARTUP_NOISE = [/^\[custom build\]/, /^The file .* changed, restarting build\.\.\.$/];
/** wrangler's log line for a request of the readiness probe. */
const PROBE_LOG = /^\[wrangler:info\] GET \/widget\.js /;

const plain = (line: string) => line.replace(/\x1b\[[0-9;]*m/g, "");

/**
 * Forwards complete lines to `write`, leaving out those `drop` picks; a
 * partial line waits for the rest of it (wrangler ends its lines).
 */
function lineFilter(write: (text: string) => void, drop: (line: string) => boolean) {
  let pending = "";
  return (chunk: Buffer) => {
    const lines = (pending + chunk.toString("utf8")).split("\n");
    pending = lines.pop()!;
    const kept = lines.filter((line) => !drop(plain(line)));
    if (kept.length > 0) write(kept.map((line) => `${line}\n`).join(""));
  };
}

/** How much of wrangler's last output a failure to start quotes, so that a CI log says why. */
const OUTPUT_QUOTED_ON_FAILURE = 4000;

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number, output: () => string, probed: () => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with code ${child.exitCode}; its last output:\n${output().slice(-OUTPUT_QUOTED_ON_FAILURE)}`);
    probed();
    try {
      // Any HTTP answer means the Worker is up. Not /health: it loads the index,
      // and the first request of a fresh isolate is what bench:e2e measures.
      await fetch(`${url}/widget.js`, { signal: AbortSignal.timeout(2000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`wrangler dev did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Starts `wrangler dev` on 127.0.0.1 in its own process group, so that
 * stopping it also stops the workerd process it spawns.
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<RunningWorker> {
  // The devtools port too: left at its default (9229), wrangler devs started together race for it and all but one exit.
  const inspectorPort = await freePort();
  const args = [wranglerBin(), "dev", "--ip", "127.0.0.1", "--port", String(options.port), "--inspector-port", String(inspectorPort), "--show-interactive-dev-session=false"];
  if (options.quietStartup) args.push("--test-scheduled");
  if (options.configPath) args.push("--config", options.configPath);
  if (options.persistTo) args.push("--persist-to", options.persistTo);
  for (const [name, value] of Object.entries(options.vars)) args.push("--var", `${name}:${value}`);
  const secretsFile = options.secrets && Object.keys(options.secrets).length > 0 ? await writeSecretsFile(options.secrets) : null;
  if (secretsFile) args.push("--env-file", secretsFile.path);

  const output = options.output ?? "inherit";
  // Always piped: "inherit" forwards it, and until the Worker answers it is kept in every mode for the error.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: wranglerEnv(),
  });
  let captured = "";
  let starting = true;
  const keep = (chunk: Buffer) => {
    if (output === "capture" || starting) captured += chunk;
  };
  // Probes sent whose log line has not shown yet: a slow first answer makes the probe ask again, and each is logged.
  let probesUnlogged = 0;
  const noise = (line: string) => {
    if (probesUnlogged > 0 && PROBE_LOG.test(line)) {
      probesUnlogged--;
      return true;
    }
    return starting && STARTUP_NOISE.some((pattern) => pattern.test(line));
  };
  const forward = (stream: NodeJS.WriteStream) =>
    options.quietStartup ? lineFilter((text) => stream.write(text), noise) : (chunk: Buffer) => stream.write(chunk);
  const toStdout = forward(process.stdout);
  const toStderr = forward(process.stderr);
  child.stdout!.on("data", (chunk: Buffer) => {
    keep(chunk);
    if (output === "inherit") toStdout(chunk);
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    keep(chunk);
    if (output === "inherit") toStderr(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, "SIGINT");
      } catch {
        // already gone
      }
      const forced = setTimeout(() => {
        try { process.kill(-child.pid!, "SIGKILL"); } catch { /* gone */ }
      }, 5000);
      await exited;
      clearTimeout(forced);
    }
    await secretsFile?.remove();
  };
  const url = `http://127.0.0.1:${options.port}`;
  try {
    await waitUntilAnswering(url, child, options.readyTimeoutMs ?? 60_000, () => captured, () => probesUnlogged++);
  } catch (error) {
    await stop();
    throw error;
  }
  starting = false;
  if (output !== "capture") captured = "";
  return { url, child, logs: () => captured, stop };
}
