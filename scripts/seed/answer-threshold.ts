import { readFile } from "node:fs/promises";

/** Written by `npm run eval -- --write-calibration`: per model, the calibrated threshold. */
export const CALIBRATION_FILE = "data/calibration.json";

/**
 * The answer threshold for `model`: the explicit flag value if given, else the
 * calibrated one from data/calibration.json, else null (no threshold).
 */
export async function answerThresholdFor(model: string, flag: number | null, file = CALIBRATION_FILE): Promise<number | null> {
  if (flag !== null) return flag;
  let calibration: Record<string, { answerThreshold?: unknown }>;
  try {
    calibration = JSON.parse(await readFile(file, "utf8"));
  } catch {
    return null;
  }
  const value = calibration[model]?.answerThreshold;
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
