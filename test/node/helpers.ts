import { runNode } from "../../scripts/lib/run-node";

export { freePort } from "../../scripts/lib/free-port";
export { startInferenceProcess } from "../../scripts/lib/inference-process";

/** Runs a TypeScript script with tsx in a child node process and collects its output. */
export const runScript = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) => runNode([script, ...args], env);

/** The JSON object on the last line of a seed run's stdout. */
export const summaryLine = (stdout: string) => JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, unknown>;

