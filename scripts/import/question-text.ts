/**
 * Whether a heading's text asks a question. The rules that read FAQs without
 * structured data (headings, accordions, definition lists) only trust text
 * that asks, so that a page title or "Contact us" never becomes an FAQ.
 * The choices below were made on the pages in test/fixtures/faq-pages
 * (docs/importing.md says how; question-text.test.ts keeps the examples).
 */

// Latin "?", the full-width "？" of Chinese and Japanese, the Arabic "؟"; a closing quote or bracket may follow.
const QUESTION_MARK = /[?？؟]["'”’»)\]]*$/u;

// Openings are English only: the tokenizer (src/search/tokenize.ts) knows one
// language, English, which it stems; every other language is read without
// stemming, and its headings are questions when they end with a question mark.
const VERBS = "am|is|are|was|were|do|does|did|can|could|will|would|shall|should|may|might|must|has|have|had|happens";
const PRONOUNS = "i|you|we|they|he|she|it|there|me|us|them|my|your|our|their|his|her|its|this|that|these|those";

/**
 * A wh-word, at most one other word that is not a pronoun, then a verb:
 * "How do I…", "How long does…", "Which plan is…", "What happens if…".
 * Section titles that start with a wh-word go on with a pronoun or a verb
 * that is not an auxiliary ("How it works", "What we do", "Who we are",
 * "Why choose us", "Where to find us", "How to …"): those are not questions.
 */
const WH_QUESTION = new RegExp(`^(?:how|what|why|when|where|who|whom|whose|which)\\s+(?:(?!(?:${PRONOUNS})\\b)[\\p{L}'’-]+\\s+)?(?:${VERBS})\\b|^what\\s+if\\b`, "iu");

/**
 * A yes/no question: a verb, then a pronoun it agrees with ("Can I…",
 * "Do you…", "Is there…", "Are there…"). A noun subject ("Are pets
 * allowed") needs its question mark. The pairs are narrow on purpose:
 * "Do it yourself" and "Have a look" are titles.
 */
const YES_NO_QUESTION = /^(?:(?:can|could|will|would|should|may|might|must|shall|do|did)\s+(?:i|you|we|they|he|she|my|your|our|their)|(?:is|was|does)\s+(?:it|there|he|she|this|that|my|your|our|their)|(?:are|were)\s+(?:you|we|they|there|these|those|my|your|our|their))\b/iu;

/**
 * Questions that ask the visitor to do something rather than being answered
 * on the page: the "Still have questions?" box, the "Was this article
 * helpful?" vote, a help centre's "How can we help?" search.
 */
const PROMPTS = [
  /^(?:do you |you )?(?:still |got |have |got any |any )?(?:have |got )?(?:any |more |other |further )?questions?$/,
  /^(?:need|want|looking for) (?:a hand|(?:more |some |further |any )?help)$/,
  /^(?:was|is) this (?:article|page|answer|information|post|faq) (?:helpful|useful)/,
  /^did (?:this|we) (?:article |page |post )?(?:help|answer)/,
  /^(?:can['’]?t|cannot|couldn['’]?t|didn['’]?t|did not) find /,
  /^how can we help(?: you)?(?: today)?$/,
];

// "Q:", "Q1." or "3)" before a question does not change what it asks.
const NUMBERING = /^(?:q\s*\d*\s*[:.)]|\d+\s*[.)]|question\s*\d*\s*:)\s*/i;

/** True when the text asks: it ends with a question mark or opens as an English question, and is not a prompt. */
export function isQuestion(text: string): boolean {
  const line = text.replace(/\s+/g, " ").trim().replace(NUMBERING, "");
  if (line === "" || line.length > 300) return false;
  const bare = line.toLowerCase().replace(/[\s?？؟!.…]+$/u, "");
  if (PROMPTS.some((prompt) => prompt.test(bare))) return false;
  return QUESTION_MARK.test(line) || WH_QUESTION.test(line) || YES_NO_QUESTION.test(line);
}
