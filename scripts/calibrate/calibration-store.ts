import { readFile, writeFile } from "node:fs/promises";
import type { Calibration } from "./fit-calibration";

/** Per model, the calibration the seed script uses; written by the seed script and `npm run calibrate`. */
export const CALIBRATION_FILE = "data/calibration.json";

export type StoredCalibration = Calibration & { set: string; calibratedAt: string };

async function readAll(file: string): Promise<Record<string, unknown>> {
  try {
    const parsed = JSON.parse(await readFile(file, "utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const isStored = (value: unknown): value is StoredCalibration => {
  const c = value as Partial<StoredCalibration> | null;
  return typeof c === "object" && c !== null && typeof c.fusionAlpha === "number" && c.fusionAlpha >= 0 && c.fusionAlpha <= 1
    && (c.answerThreshold === null || typeof c.answerThreshold === "number") && typeof c.answerPrecision === "number"
    && typeof c.groupThreshold === "number";
};

/** The stored calibration of `model` for the promised precision, or null when there is none. */
export async function storedCalibration(model: string, precision: number, file = CALIBRATION_FILE): Promise<StoredCalibration | null> {
  const entry = (await readAll(file))[model];
  return isStored(entry) && Math.abs(entry.answerPrecision - precision) < 1e-9 ? entry : null;
}

/** Stores `calibration` for `model`, keeping every other model's entry. */
export async function storeCalibration(model: string, calibration: StoredCalibration, file = CALIBRATION_FILE): Promise<void> {
  const all = await readAll(file);
  all[model] = calibration;
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(file, JSON.stringify(sorted, null, 2) + "\n");
}
