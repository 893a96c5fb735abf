import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import type { BuiltIndex } from "../seed/artifacts";
import { datasetCard } from "./dataset-card";

const index = (question: string, count = 1): BuiltIndex => ({
  blob: new ArrayBuffer(0),
  version: "0123456789abcdef0123456789abcdef",
  model: "sentence-transformers/all-MiniLM-L6-v2",
  dim: 384,
  builtAt: "2026-11-27T00:00:00.000Z",
  records: Array.from({ length: count }, (_, i) => ({ id: String(i), question, answer: null, url: null, category: null })),
  vectors: [],
  answerThreshold: null,
  ranking: { fusionAlpha: 0.5, answerThreshold: null, answer: null, groupThreshold: null, answerPrecision: 0.8, language: "en", synonyms: [], calibration: "none" },
});

/** The YAML block between the first two "---" lines, parsed. */
const metadata = (card: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(card)![1]!) as Record<string, unknown>;

describe("the dataset card", () => {
  it("has metadata the Hub and `datasets` read: licence, size, and embeddings.csv as the default config", () => {
    const card = datasetCard({ repo: "alice/faqs", license: "cc-by-4.0", hubUrl: "https://huggingface.co", index: index("How can Medicare help me?", 1500) });
    expect(metadata(card)).toEqual({
      license: "cc-by-4.0",
      pretty_name: "faqs FAQ embeddings",
      tags: ["faq-edge", "embeddings", "faq"],
      task_categories: ["sentence-similarity"],
      size_categories: ["1K<n<10K"],
      configs: [
        { config_name: "default", data_files: "embeddings.csv" },
        { config_name: "faqs", data_files: "faqs.jsonl" },
      ],
    });
    expect(card).toContain("| model | [sentence-transformers/all-MiniLM-L6-v2](https://huggingface.co/sentence-transformers/all-MiniLM-L6-v2) |");
    expect(card).toContain("| dimension | 384 |\n| FAQs | 1500 |\n| licence | cc-by-4.0 |");
    expect(card).toContain('query = model.encode(["How can Medicare help me?"], convert_to_tensor=True)');
    expect(card).toContain('curl "https://<your-worker>/faq?q=How%20can%20Medicare%20help%20me%3F"');
  });

  it("keeps the example query a valid one-line Python string whatever the question holds", () => {
    const card = datasetCard({ repo: "alice/faqs", license: "mit", hubUrl: "http://127.0.0.1:1", index: index('Is "Part B"\n\\ covered?') });
    expect(card).toContain('query = model.encode(["Is \\"Part B\\" \\\\ covered?"], convert_to_tensor=True)');
    expect(card).toContain("| model | `sentence-transformers/all-MiniLM-L6-v2` |");
    expect(metadata(card).size_categories).toEqual(["n<1K"]);
  });
});
