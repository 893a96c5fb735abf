import { createHash } from "node:crypto";
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * Embeddings already paid for, on disk, keyed by a hash of (model, text): one
 * append-only JSON Lines file per model. Each batch is appended as soon as it
 * is embedded, so a run that fails part way keeps what it had and the next
 * run resumes from there. Changing the model changes every key.
 */
export class EmbeddingStore {
  private readonly vectors = new Map<string, Float32Array>();
  private readonly file: string;

  private constructor(private readonly dir: string, private readonly model: string) {
    this.file = join(dir, `${sha256(model).slice(0, 16)}.jsonl`);
  }

  static async open(dir: string, model: string): Promise<EmbeddingStore> {
    const store = new EmbeddingStore(dir, model);
    let text = "";
    try {
      text = await readFile(store.file, "utf8");
    } catch {
      return store; // nothing cached yet
    }
    for (const line of text.split("\n")) {
      if (!line) continue;
      try {
        const { key, vector } = JSON.parse(line) as { key: string; vector: string };
        const bytes = Buffer.from(vector, "base64");
        store.vectors.set(key, new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
      } catch {
        // A line cut short by a crash is skipped; that text is simply embedded again.
      }
    }
    return store;
  }

  private key(text: string): string {
    return sha256(`${this.model}\n${text}`);
  }

  get(text: string): Float32Array | undefined {
    return this.vectors.get(this.key(text));
  }

  /** Records freshly embedded texts, in memory and on disk. */
  async add(texts: string[], vectors: Float32Array[]): Promise<void> {
    const lines = texts.map((text, i) => {
      const key = this.key(text);
      this.vectors.set(key, vectors[i]!);
      const vector = Buffer.from(vectors[i]!.buffer, vectors[i]!.byteOffset, vectors[i]!.byteLength).toString("base64");
      return JSON.stringify({ key, vector }) + "\n";
    });
    await mkdir(this.dir, { recursive: true });
    await appendFile(this.file, lines.join(""));
  }
}
