import { spawn } from "node:child_process";
import { wranglerBin } from "./wrangler-bin";
import { wranglerEnv } from "./wrangler-env";

export interface RunWranglerOptions {
  /** Print the command on stderr before it runs. */
  verbose?: boolean;
  /** Keep wrangler's stderr for the error message instead of showing it. */
  captureStderr?: boolean;
}

/**
 * Runs the project's wrangler CLI with `args` and resolves with its stdout;
 * a non-zero exit rejects with the command and, when stderr is captured,
 * what wrangler said.
 */
export function runWrangler(args: string[], options: RunWranglerOptions = {}): Promise<Buffer> {
  if (options.verbose) console.error(`$ wrangler ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], {
      stdio: ["ignore", "pipe", options.captureStderr ? "pipe" : "inherit"],
      env: wranglerEnv(),
    });
    const out: Buffer[] = [];
    let err = "";
    child.stdout!.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk) => (err += chunk));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const said = (err.trim() || Buffer.concat(out).toString("utf8").trim());
      reject(new Error(`wrangler ${args.slice(0, 3).join(" ")} exited with ${code}${options.captureStderr && said ? `: ${said}` : ""}`));
    });
  });
}
