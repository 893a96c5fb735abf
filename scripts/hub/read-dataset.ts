import { HubApiError, downloadFile } from "@huggingface/hub";
import { DATASET_FILES } from "./dataset-files";
import { hubFailure } from "./hub-failure";
import { refLabel, type HubDatasetRef } from "./hub-repo";

export interface HubDatasetFiles {
  /** faq-index.bin, when the dataset was published by faq-edge. */
  index: ArrayBuffer | null;
  embeddingsCsv: string | null;
  faqsJsonl: string | null;
}

export interface ReadOptions {
  hubUrl: string;
  accessToken: string | undefined;
  /** Skip the index blob (the texts come from --input, so the blob would not be used). */
  wantIndex: boolean;
}

/**
 * Downloads what --from-hub can use from a dataset: the serving index if
 * there is one, otherwise embeddings.csv and faqs.jsonl. A missing file is
 * null; a missing repo or revision is an error that says which.
 */
export async function readDataset(ref: HubDatasetRef, options: ReadOptions): Promise<HubDatasetFiles> {
  const where = refLabel(ref);
  const download = async (path: string) => {
    try {
      return await downloadFile({ repo: { type: "dataset", name: ref.name }, path, revision: ref.revision, hubUrl: options.hubUrl, accessToken: options.accessToken });
    } catch (error) {
      if (error instanceof HubApiError && (error.statusCode === 404 || error.statusCode === 401)) {
        throw new Error(
          `dataset ${where} was not found on ${options.hubUrl} (check the name and revision; a private dataset needs HF_TOKEN with read access); nothing was written`,
        );
      }
      throw hubFailure(`downloading ${path} from ${where}`, error);
    }
  };

  const index = options.wantIndex ? await download(DATASET_FILES.index) : null;
  if (index) return { index: await index.arrayBuffer(), embeddingsCsv: null, faqsJsonl: null };
  const csv = await download(DATASET_FILES.embeddings);
  const faqs = csv && options.wantIndex ? await download(DATASET_FILES.faqs) : null;
  return { index: null, embeddingsCsv: csv ? await csv.text() : null, faqsJsonl: faqs ? await faqs.text() : null };
}
