import type { FaqIndex } from "../index-blob/format";
import { questionOfId } from "../index-store/find-row";
import { describeGroups, type DescribedGroup } from "./describe-groups";
import { DEFAULT_GROUP_THRESHOLD, MAX_GROUPED_QUESTIONS, groupQuestions } from "./group-questions";
import { askedBetween } from "./question-days";
import { readUnanswered } from "./read-inbox";

export interface UnansweredGroups {
  /** Most asked first. */
  groups: DescribedGroup[];
  /** The cosine the groups were made at: the served index's calibrated one, or the default. */
  threshold: number;
  /** How many distinct questions were grouped. */
  questions: number;
}

/**
 * A collection's inbox as the owner reads it (/admin/unanswered, `npm run inbox`): the
 * most asked questions last seen since `since`, grouped at the served
 * index's threshold, by meaning and by the words the index's FAQs do not
 * make common. Vectors of the index's model are compared; without an
 * index, those of `model`, else of the model the first embedded question used.
 */
export async function unansweredGroups(db: D1Database, collection: string, index: FaqIndex | null, since: number, model: string | null, until = Date.now()): Promise<UnansweredGroups> {
  const questions = await readUnanswered(db, collection, since, MAX_GROUPED_QUESTIONS, until);
  const threshold = index?.groupThreshold ?? DEFAULT_GROUP_THRESHOLD;
  const comparedModel = index?.model ?? model ?? questions.find((q) => q.model !== null)?.model ?? null;
  // words are cut as the index cuts them, and its FAQs say which are too common to count
  const words = index ? { language: index.lexical.language, vocabulary: { terms: index.lexical.terms, termIdf: index.lexical.termIdf, documents: index.count } } : {};
  // each group's askings in the period, and in the period of the same length before it (none before "everything")
  const keys = questions.map((q) => q.key ?? q.text);
  const [inPeriod, before] = await Promise.all([
    askedBetween(db, collection, keys, since, until),
    since > 0 ? askedBetween(db, collection, keys, since - (until - since), since) : Promise.resolve(new Map<string, number>()),
  ]);
  const groups = describeGroups(groupQuestions(questions, threshold, comparedModel, words), (id) => questionOfId(index, id), { inPeriod, before });
  return { groups, threshold, questions: questions.length };
}
