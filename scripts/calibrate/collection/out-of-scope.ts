import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** The bundled out-of-scope questions (data/out-of-scope/README.md). */
export const OUT_OF_SCOPE_FILE = fileURLToPath(new URL("../../../data/out-of-scope/questions.txt", import.meta.url));

/** The out-of-scope questions, one per line. */
export async function readOutOfScope(file = OUT_OF_SCOPE_FILE): Promise<string[]> {
  return (await readFile(file, "utf8")).split("\n").map((line) => line.trim()).filter(Boolean);
}
