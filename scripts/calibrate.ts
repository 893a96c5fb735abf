/**
 * `npm run calibrate -- --embedder hf|local [--dataset DIR] [--answer-precision 0.8] [--calibration-file FILE]`:
 * embeds a labelled set (the bundled one, or a site's own queries.jsonl and
 * faqs.jsonl, such as the inbox's label export) with the model the seed
 * would use, fits its fusion weight and answered threshold, and stores them
 * for the seed script. Prints the calibration as JSON.
 */
import { parseArgs } from "node:util";
import { calibrateModel } from "./calibrate/calibrate-model";
import { CALIBRATION_FILE, storeCalibration } from "./calibrate/calibration-store";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { chooseEmbedder } from "./seed/choose-embedder";

export async function calibrate(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      embedder: { type: "string", default: "local" },
      dataset: { type: "string" },
      "answer-precision": { type: "string", default: "0.8" },
      "calibration-file": { type: "string", default: CALIBRATION_FILE },
    },
  });
  if (values.embedder !== "hf" && values.embedder !== "local") throw new Error("--embedder must be hf or local");
  const precision = Number(values["answer-precision"]);
  if (!(precision > 0 && precision < 1)) throw new Error("--answer-precision must be a number between 0 and 1, such as 0.8");
  const embedder = await chooseEmbedder(values.embedder, env, 5);
  const { calls, ...calibration } = await calibrateModel(embedder, { precision, dataset: values.dataset });
  await storeCalibration(embedder.model, calibration, values["calibration-file"]);
  return { model: embedder.model, calls, file: values["calibration-file"], ...calibration };
}

if (isMain(import.meta.url)) await runCli("calibrate", () => calibrate(process.argv.slice(2), process.env));
