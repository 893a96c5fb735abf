import { mkdir, writeFile } from "node:fs/promises";

/** Where every bench writes its results, which npm run docs:figures reads. */
export const RESULTS_DIR = "bench/results";

/** Writes a bench's results to bench/results/NAME.json, indented, as the docs' figures and reviewers read them. */
export async function writeResults(name: string, result: unknown): Promise<void> {
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(`${RESULTS_DIR}/${name}.json`, JSON.stringify(result, null, 2) + "\n");
}
