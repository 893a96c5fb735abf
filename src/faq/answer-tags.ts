import type { FaqParams } from "../api/faq-query";
import { AnswerCache } from "../http/answer-cache";
import { paramsTag } from "../http/params-tag";

/**
 * What names a full answer: the index version and the parameters (the
 * collection among them), for the ETag and the isolate's answer cache. The
 * same question to another collection is another answer.
 */
export interface AnswerTags {
  etag(version: string): string;
  cacheKey(version: string): string;
}

export function answerTags(params: FaqParams & { collection: string }): AnswerTags {
  const paramsJson = JSON.stringify(params);
  const hash = paramsTag(paramsJson);
  return {
    etag: (version) => `W/"${version}-${hash}"`,
    cacheKey: (version) => AnswerCache.key(version, paramsJson),
  };
}
