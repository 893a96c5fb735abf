import { spawn, type ChildProcess } from "node:child_process";

/** Starts the local inference server as its own process; resolves with its URL once it says it is ready. */
export function startInferenceProcess(extraArgs: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/inference-server.ts", "--port", "0", ...extraArgs], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout!.on("data", (chunk) => {
      output += chunk;
      const match = /ready: .* at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, child });
    });
    child.on("exit", (code) => reject(new Error(`inference server exited with ${code}: ${output}`)));
  });
}
