import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wranglerBin } from "../lib/wrangler-bin";
import { POINTER_KEY, blobKey, type IndexPointer } from "../../src/index-store/keys";

function runWrangler(args: string[], verbose: boolean): Promise<void> {
  if (verbose) console.error(`$ wrangler ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args[0]} ${args[1]} exited with ${code}`))));
  });
}

/**
 * Publishes a version to the real KV namespace with wrangler: the blob under
 * its content address first, then the pointer, so readers never see a
 * pointer to a missing blob.
 */
export async function publishToRemoteKv(blob: ArrayBuffer, pointer: IndexPointer, configPath: string, verbose: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "faq-edge-"));
  try {
    const blobPath = join(dir, "index.bin");
    const pointerPath = join(dir, "pointer.json");
    await writeFile(blobPath, new Uint8Array(blob));
    await writeFile(pointerPath, JSON.stringify(pointer));
    const common = ["--binding", "FAQ_KV", "--remote", "--config", configPath];
    await runWrangler(["kv", "key", "put", blobKey(pointer.version), "--path", blobPath, ...common], verbose);
    await runWrangler(["kv", "key", "put", POINTER_KEY, "--path", pointerPath, ...common], verbose);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
