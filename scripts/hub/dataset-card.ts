import type { BuiltIndex } from "../seed/artifacts";

export interface DatasetCardInput {
  repo: string;
  license: string;
  hubUrl: string;
  index: BuiltIndex;
}

/** The Hub's size buckets for the card's metadata. */
function sizeCategory(count: number): string {
  if (count < 1_000) return "n<1K";
  if (count < 10_000) return "1K<n<10K";
  if (count < 100_000) return "10K<n<100K";
  if (count < 1_000_000) return "100K<n<1M";
  return "1M<n<10M";
}

/**
 * The dataset card (README.md). Its `configs` make embeddings.csv the default
 * config, so `load_dataset(repo)["train"]` is the embedding matrix exactly as
 * in the "Getting Started With Embeddings" tutorial; the FAQs are the `faqs`
 * config. The index blob has no data-file extension, so `datasets` skips it.
 */
export function datasetCard({ repo, license, hubUrl, index }: DatasetCardInput): string {
  const { model, dim, records, version, builtAt } = index;
  // One real question as the example query, flattened to one line for a Python string literal.
  const example = (records[0]?.question ?? "How do I reset my password?").replace(/\s+/g, " ");
  const modelLink = hubUrl === "https://huggingface.co" ? `[${model}](https://huggingface.co/${model})` : `\`${model}\``;
  return `---
license: ${license}
pretty_name: ${repo.split("/")[1]} FAQ embeddings
tags:
- faq-edge
- embeddings
- faq
task_categories:
- sentence-similarity
size_categories:
- ${sizeCategory(records.length)}
configs:
- config_name: default
  data_files: embeddings.csv
- config_name: faqs
  data_files: faqs.jsonl
---

# ${repo}: FAQ embeddings

Question embeddings for ${records.length} FAQs, built and published by faq-edge
(semantic FAQ search on Cloudflare Workers).

| | |
| --- | --- |
| model | ${modelLink} |
| dimension | ${dim} |
| FAQs | ${records.length} |
| licence | ${license} |
| index version | \`${version}\` |
| built | ${builtAt} |

## Files

- \`embeddings.csv\`: one row per FAQ, ${dim} columns named \`0\` to \`${dim - 1}\`. Rows are
  L2-normalised, so a dot product is the cosine similarity.
- \`faqs.jsonl\`: the FAQs, one JSON object per line (\`id\`, \`question\`, \`answer\`, \`url\`,
  \`category\`), in the same order as the rows of \`embeddings.csv\`.
- \`faq-index.bin\`: the index the faq-edge Worker serves: vectors, FAQs and BM25 postings, with a
  SHA-256 checksum at the end.

## Search it from Python

Embed the query with the same model, then rank the rows by cosine similarity:

\`\`\`python
import torch
from datasets import load_dataset
from sentence_transformers import SentenceTransformer
from sentence_transformers.util import semantic_search

embeddings = torch.from_numpy(load_dataset("${repo}")["train"].to_pandas().to_numpy()).to(torch.float)
faqs = load_dataset("${repo}", "faqs")["train"]

model = SentenceTransformer("${model}")
query = model.encode([${JSON.stringify(example)}], convert_to_tensor=True)
for hit in semantic_search(query, embeddings, top_k=5)[0]:
    print(f"{hit['score']:.3f}", faqs[hit["corpus_id"]]["question"])
\`\`\`

## Serve it with faq-edge

From a faq-edge checkout, load this dataset into the Worker's KV namespace (nothing is embedded
again) and deploy:

\`\`\`sh
npm run seed -- --from-hub ${repo} --kv remote
npx wrangler deploy
curl "https://<your-worker>/faq?q=${encodeURIComponent(example)}"
\`\`\`

Pin a revision with \`--from-hub ${repo}@<commit>\`. The Worker must embed queries with the same
model: set \`EMBED_MODEL = "${model}"\` and \`EMBED_DIM = "${dim}"\` in \`wrangler.toml\`.
`;
}
