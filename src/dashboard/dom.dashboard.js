// DOM helpers of the owner's dashboard. Every text, above all what visitors
// typed, becomes a text node: never HTML (the page's Trusted Types policy
// would refuse an innerHTML anyway).

/**
 * An element: attributes by name (false or null leave one out, true sets it
 * empty, on* names add listeners), then children; strings become text nodes.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false).map((child) => (typeof child === "number" ? String(child) : child)));
  return element;
}

/** Empties an element and gives it new children. */
export const fill = (element, ...children) => {
  element.replaceChildren();
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
};

const status = () => document.getElementById("status");

/**
 * Says something in the page's live region (role=status): screen readers read
 * it out. The same message twice in a row is read again.
 */
export function announce(message, kind = "info") {
  const region = status();
  region.dataset.kind = kind;
  region.textContent = "";
  // a change the screen reader notices: the empty text first, the message on the next frame
  requestAnimationFrame(() => (region.textContent = message));
}

/** A count for people: 1 question, 2 questions. */
export const plural = (count, one, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** A share from 0 to 1 as a percentage with at most one decimal (0.667: 66.7%); an empty share is a dash. */
export const percent = (share) => (share === null || share === undefined ? "–" : `${Math.round(share * 1000) / 10}%`);

/** An element's id, unique on the page. */
let counter = 0;
export const uid = (prefix) => `${prefix}-${++counter}`;
