import type { FaqRecord } from "../../src/faq-record";
import type { IndexPointer } from "../../src/index-store/keys";
import type { BuiltIndex } from "./artifacts";

/** An index ready to be built: its FAQs are known, and a dry run stops here. */
export interface PendingIndex {
  records: FaqRecord[];
  model: string;
  /** Where the FAQs came from, for the build manifest. */
  source: string;
  /** Distinct questions that build() would send to the embedder. */
  toEmbed: number;
  build(): Promise<SeedBuild>;
  /** The page a FAQ came from, when the FAQs were read from pages: --dry-run lists changes by page. */
  pageOf?: (record: FaqRecord) => string;
  /** How a page (as pageOf names it) was read, one line per source, such as "found by aria-accordion: 3 FAQs". */
  foundOn?: (page: string) => string[];
}

export interface SeedBuild {
  blob: ArrayBuffer;
  pointer: IndexPointer;
  embedded: number;
  reused: number;
  /** Records and vectors for build artifacts and a Hub publish; null when a published index is reused as it is. */
  built: BuiltIndex | null;
}
