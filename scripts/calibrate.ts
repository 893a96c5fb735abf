/**
 * `npm run calibrate`: embeds a labelled set (the bundled one, or a site's
 * own queries.jsonl and faqs.jsonl, such as the inbox's label export) with
 * the model the seed would use, fits its fusion weight and answered
 * threshold, and stores them for the seed script. Prints the calibration as JSON.
 * Options: CALIBRATE_COMMAND below, printed by `npm run calibrate -- --help`.
 */
import { calibrateModel, CALIBRATION_SET } from "./calibrate/calibrate-model";
import { CALIBRATION_FILE, storeCalibration } from "./calibrate/calibration-store";
import { readOptions, type CliCommand } from "./lib/cli-options";
import { isMain } from "./lib/is-main";
import { runCli } from "./lib/run-cli";
import { UsageError } from "./lib/usage-error";
import { chooseEmbedder } from "./seed/choose-embedder";

export const CALIBRATE_COMMAND = {
  name: "calibrate",
  run: "npm run calibrate --",
  summary: `Embeds a labelled set (faqs.jsonl and queries.jsonl) with the model the seed would use, fits
its fusion weight and answered threshold, and stores them for npm run seed. Prints the calibration as JSON.`,
  options: [
    { name: "embedder", type: "string", choices: ["hf", "local"], default: "local", description: "hf: the HF API (HF_TOKEN, EMBED_MODEL, EMBED_DIM or HF_ENDPOINT_URL); local: the bundled offline model" },
    { name: "dataset", type: "string", valueName: "DIR", defaultText: CALIBRATION_SET, description: "the labelled set, e.g. the inbox's --export-labels folder" },
    { name: "answer-precision", type: "string", valueName: "P", default: "0.8", description: "the precision answered: true promises, between 0 and 1" },
    { name: "calibration-file", type: "string", valueName: "FILE", default: CALIBRATION_FILE, description: "where calibrations are kept, per model" },
  ],
  environment: [
    ["HF_TOKEN", "with --embedder hf: a Hugging Face access token"],
    ["HF_ENDPOINT_URL, EMBED_MODEL, EMBED_DIM", "with --embedder hf: as for npm run seed"],
  ],
  examples: ["npm run calibrate -- --embedder hf --dataset labels/"],
} as const satisfies CliCommand;

export async function calibrate(argv: string[], env: NodeJS.ProcessEnv) {
  const values = readOptions(CALIBRATE_COMMAND, argv);
  const precision = Number(values["answer-precision"]);
  if (!(precision > 0 && precision < 1)) throw new UsageError("--answer-precision must be a number between 0 and 1, such as 0.8");
  const embedder = await chooseEmbedder(values.embedder, env, 5);
  const { calls, ...calibration } = await calibrateModel(embedder, { precision, dataset: values.dataset });
  await storeCalibration(embedder.model, calibration, values["calibration-file"]);
  return { model: embedder.model, calls, file: values["calibration-file"], ...calibration };
}

if (isMain(import.meta.url)) await runCli("calibrate", () => calibrate(process.argv.slice(2), process.env));
