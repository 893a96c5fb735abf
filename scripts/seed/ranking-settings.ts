import type { TextEmbedder } from "../../src/embed/text-embedder";
import type { AnswerCalibration } from "../../src/search/answer-model";
import type { CollectionCalibration } from "../calibrate/collection/calibrate-collection";
import type { FaqRecord } from "../../src/faq-record";
import { RANKING_DEFAULTS } from "../../src/search/ranking-defaults";
import type { TokenLanguage } from "../../src/search/tokenize";
import { calibrateModel } from "../calibrate/calibrate-model";
import { storeCalibration, storedCalibration } from "../calibrate/calibration-store";
import { detectLanguage } from "./detect-language";
import { readSynonyms } from "./read-synonyms";
import type { SeedArgs } from "./seed-args";

/** How an index ranks and when it says answered, as written into the blob and the manifest. */
export interface RankingSettings {
  fusionAlpha: number;
  answerThreshold: number | null;
  groupThreshold: number | null;
  answerPrecision: number;
  language: TokenLanguage;
  synonyms: string[][];
  /** The collection's confidence model and threshold; null: the lead against answerThreshold (--no-calibrate). */
  answer: AnswerCalibration | null;
  /** Where the fusion weight and threshold came from: the collection's own calibration, or the model's (stored, just calibrated, none). */
  calibration: "collection" | "stored" | "calibrated" | "none";
  /** What the collection's calibration was fitted on and what it cost, when it ran. */
  collectionReport?: CollectionCalibration["report"] & { embedded: number; reused: number; calls: number };
}

type SettingsArgs = Pick<SeedArgs, "answerThreshold" | "answerPrecision" | "calibrate" | "calibrationFile" | "language" | "synonyms">;

/**
 * The ranking settings for an index of `records` embedded with `model`. The
 * model's calibration is read from the calibration file; when there is none
 * and `embedder` is given (and --no-calibrate is not), the model is
 * calibrated on the bundled set now (a few batched calls) and stored, so
 * later builds reuse it. --answer-threshold overrides the threshold.
 */
export async function rankingSettings(
  records: FaqRecord[],
  model: string,
  args: SettingsArgs,
  embedder: TextEmbedder | null,
  log: (line: string) => void = (line) => console.error(line),
): Promise<RankingSettings> {
  const language = args.language === "auto" ? detectLanguage(records.map((r) => `${r.question} ${r.answer ?? ""}`)) : args.language;
  const synonyms = args.synonyms ? await readSynonyms(args.synonyms) : [];
  let calibration = await storedCalibration(model, args.answerPrecision, args.calibrationFile);
  let source: RankingSettings["calibration"] = calibration ? "stored" : "none";
  if (!calibration && args.calibrate && embedder) {
    const { calls, ...fitted } = await calibrateModel(embedder, { precision: args.answerPrecision });
    await storeCalibration(model, fitted, args.calibrationFile);
    log(`calibrated ${model} on ${fitted.set} (${calls} embedding calls): fusion weight ${fitted.fusionAlpha}, answered threshold ${fitted.answerThreshold} for precision ${fitted.answerPrecision}; stored in ${args.calibrationFile}`);
    calibration = fitted;
    source = "calibrated";
  }
  return {
    fusionAlpha: calibration?.fusionAlpha ?? RANKING_DEFAULTS.fusionAlpha,
    answerThreshold: args.answerThreshold ?? calibration?.answerThreshold ?? null,
    groupThreshold: calibration?.groupThreshold ?? null,
    answerPrecision: args.answerPrecision,
    language,
    synonyms,
    answer: null,
    calibration: source,
  };
}
