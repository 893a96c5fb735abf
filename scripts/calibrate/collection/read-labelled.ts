import { readLabelledLines } from "../../lib/labelled-queries";
import type { LabelledQuestion } from "./calibrate-collection";

/**
 * Labelled visitor questions for --calibrate-with: JSON Lines of
 * {"query","relevant":[ids]}, as `npm run inbox -- --export-labels` writes them.
 * Ids the collection does not have are left out by the calibration, and counted there.
 */
export async function readLabelled(file: string): Promise<LabelledQuestion[]> {
  return (await readLabelledLines(file)).map(({ query, relevant }) => ({ query, relevant }));
}
