import type { QuestionGroup } from "../../src/inbox/group-questions";

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * How well groups match the labels, a question's label being the FAQ it asks about:
 *  - pair precision: of the pairs put in one group, the share that belong together;
 *  - pair recall: of the pairs that belong together, the share put in one group;
 *  - purity: the share of questions whose group's most common label is theirs.
 */
export function quality(groups: QuestionGroup[], faqOf: Map<string, string>) {
  let together = 0;
  let grouped = 0;
  let groupedTogether = 0;
  let pure = 0;
  const all = groups.flatMap((g) => g.questions.map((q) => faqOf.get(q.text)!));
  const perFaq = new Map<string, number>();
  for (const faq of all) perFaq.set(faq, (perFaq.get(faq) ?? 0) + 1);
  for (const n of perFaq.values()) together += (n * (n - 1)) / 2;
  for (const group of groups) {
    const faqs = group.questions.map((q) => faqOf.get(q.text)!);
    const counts = new Map<string, number>();
    for (const faq of faqs) counts.set(faq, (counts.get(faq) ?? 0) + 1);
    pure += Math.max(...counts.values());
    grouped += (faqs.length * (faqs.length - 1)) / 2;
    for (const n of counts.values()) groupedTogether += (n * (n - 1)) / 2;
  }
  return {
    groups: groups.length,
    pairPrecision: grouped === 0 ? null : round3(groupedTogether / grouped),
    pairRecall: together === 0 ? null : round3(groupedTogether / together),
    purity: round3(pure / all.length),
  };
}
