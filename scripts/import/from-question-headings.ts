import { descendants, isElement, type DomDocument, type DomElement, type DomNode } from "./dom";
import { anchorOf, type FoundFaq } from "./found-faq";
import { lineOf, nodesToText } from "./html-to-text";
import { inChrome } from "./page-chrome";
import { isQuestion } from "./question-text";

interface Asked {
  element: DomElement;
  /** 2-6 for h2-h6; 7 for a bold line, which any heading ends. */
  level: number;
  question: string;
}

// What ends an answer besides a heading: the page's chrome, a thematic break, a form.
const BOUNDARIES = new Set(["NAV", "HEADER", "FOOTER", "ASIDE", "HR", "FORM"]);
// An answer never runs out of the article, section or main its question is in.
const CONTAINERS = new Set(["ARTICLE", "SECTION", "MAIN", "BODY"]);
// What may stand right beside a bold line: a line break or a block.
const LINE_ENDS = new Set(["BR", "P", "DIV", "UL", "OL", "DL", "TABLE", "BLOCKQUOTE", "PRE", "FIGURE", "SECTION"]);

/** 1-6 for a heading, null for any other element. */
const headingLevel = (element: DomElement) => (/^H[1-6]$/.test(element.tagName) ? Number(element.tagName[1]) : null);

/** A <strong> or <b> on a line of its own: nothing but white space or a <br> beside it, in a block, not in a heading. */
function isBoldLine(element: DomElement): boolean {
  if (element.closest("h1, h2, h3, h4, h5, h6, a, button, summary, dt")) return false;
  for (const step of ["previousSibling", "nextSibling"] as const) {
    const near = element[step];
    if (near && near.nodeType === 3 && /\S/.test(near.textContent ?? "")) return false;
    const beyond = near && near.nodeType === 3 ? near[step] : near;
    if (beyond && isElement(beyond) && !LINE_ENDS.has(beyond.tagName)) return false;
  }
  return true;
}

/** A heading that is a link to another page names an article elsewhere (a help centre's list); its answer is there. */
const linksAway = (element: DomElement, question: string) =>
  descendants(element).some((link) => link.tagName === "A" && !(link.getAttribute("href") ?? "#").startsWith("#") && lineOf(link) === question);

/** The deepest element that holds all the questions: the page's FAQ block. */
function holderOf(questions: DomElement[]): DomElement | null {
  let holder = questions[0]?.parentElement ?? null;
  while (holder && !questions.every((question) => holder!.contains(question))) holder = holder.parentElement;
  return holder;
}

/** The nodes after the question, in document order, until `ends` says stop, its container closes, or the FAQ block ends. */
function contentAfter(start: DomElement, block: DomElement | null, ends: (element: DomElement) => boolean): DomNode[] {
  const taken: DomNode[] = [];
  const holdsEnd = (element: DomElement) => descendants(element).some(ends);
  let node: DomNode = start;
  let descend = false;
  for (;;) {
    if (descend) node = node.firstChild!;
    else {
      while (!node.nextSibling) {
        if (!node.parentNode || node.parentNode === block || CONTAINERS.has(node.parentNode.nodeName)) return taken;
        node = node.parentNode;
      }
      node = node.nextSibling;
    }
    if (isElement(node) && ends(node)) return taken;
    descend = isElement(node) && holdsEnd(node);
    if (!descend) taken.push(node);
  }
}

/**
 * Headings that ask (h2-h6, or a <strong>/<b> alone on its line), each
 * answered by what follows it up to the next heading of the same or a higher
 * level, the next question, or the end of its section or of the block
 * holding all the questions. Headings in the
 * page's chrome, headings that link to another page, and questions with no
 * answer are left out; fewer than 2 questions left means no FAQ, since a
 * blog post or an article often has one question heading.
 */
export function fromQuestionHeadings(document: DomDocument): FoundFaq[] {
  const asked: Asked[] = [];
  for (const element of document.querySelectorAll("h2, h3, h4, h5, h6, strong, b")) {
    const level = headingLevel(element) ?? 7;
    const question = lineOf(element);
    if (!isQuestion(question) || inChrome(element) || (level === 7 && !isBoldLine(element)) || linksAway(element, question)) continue;
    asked.push({ element, level, question });
  }
  const questions = new Set(asked.map((item) => item.element));
  // the last answer ends with the block that holds the questions, not with whatever follows it on the page
  const block = holderOf([...questions]);
  const faqs: FoundFaq[] = [];
  for (const { element, level, question } of asked) {
    const ends = (other: DomElement) => {
      const otherLevel = headingLevel(other);
      return questions.has(other) || (otherLevel !== null && otherLevel <= level) || BOUNDARIES.has(other.tagName);
    };
    const answer = nodesToText(contentAfter(element, block, ends));
    if (answer === "") continue;
    faqs.push({ question, answer, id: null, fragment: anchorOf(element) });
  }
  return faqs.length >= 2 ? faqs : [];
}
