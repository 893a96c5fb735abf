import { createHash } from "node:crypto";
import { pageOfUrl } from "./page-url";

/**
 * A stable id for a question found on a page: a short hash of the page URL
 * (without its fragment) and the question's text, so the same FAQ keeps its
 * id from run to run, from --from-page and --sitemap alike. 12 hex digits:
 * collisions need about 16 million questions.
 */
export function pageFaqId(pageUrl: string, question: string): string {
  return createHash("sha256").update(`${pageOfUrl(pageUrl)}\n${question}`).digest("hex").slice(0, 12);
}
