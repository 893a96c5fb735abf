import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { wranglerBin } from "../lib/wrangler-bin";
import { POINTER_KEY, chunkKey, splitBlob, type IndexPointer } from "../../src/index-store/keys";

function runWrangler(args: string[], verbose: boolean): Promise<void> {
  if (verbose) console.error(`$ wrangler ${args.join(" ")}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [wranglerBin(), ...args], { stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args[0]} ${args[1]} exited with ${code}`))));
  });
}

/**
 * Publishes a version to the real KV namespace with wrangler: the blob's
 * chunks under its content address first, then the pointer, so readers never
 * see a pointer to a missing blob.
 */
export async function publishToRemoteKv(blob: ArrayBuffer, pointer: IndexPointer, configPath: string, verbose: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "faq-edge-"));
  try {
    const pointerPath = join(dir, "pointer.json");
    await writeFile(pointerPath, JSON.stringify(pointer));
    const common = ["--binding", "FAQ_KV", "--remote", "--config", configPath];
    for (const [i, chunk] of splitBlob(blob).entries()) {
      const chunkPath = join(dir, `chunk-${i}.bin`);
      await writeFile(chunkPath, new Uint8Array(chunk));
      await runWrangler(["kv", "key", "put", chunkKey(pointer.version, i), "--path", chunkPath, ...common], verbose);
    }
    await runWrangler(["kv", "key", "put", POINTER_KEY, "--path", pointerPath, ...common], verbose);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
