/** Where one top-level element of a JSON array sits in the text. */
export interface ElementSpan {
  /** 1-based line on which the element starts. */
  line: number;
  start: number;
  end: number;
}

/**
 * Splits the text of a JSON array into its top-level elements by tracking
 * strings and nesting depth only. It does not validate: it is used to give
 * line numbers for valid arrays and to find the element a syntax error sits in.
 */
export function arrayElementSpans(text: string): ElementSpan[] {
  const spans: ElementSpan[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let current: ElementSpan | null = null;
  const close = (end: number) => {
    if (current) spans.push({ ...current, end });
    current = null;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\n") line++;
    if (inString) {
      if (ch === "\\") i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && current === null && !/[\s,\]]/.test(ch)) current = { line, start: i, end: i };
    if (ch === '"') inString = true;
    else if (ch === "[" || ch === "{") depth++;
    else if (ch === "]" || ch === "}") {
      if (depth === 1) close(i);
      depth--;
    } else if (ch === "," && depth === 1) close(i);
  }
  close(text.length);
  return spans;
}

/** The line of the first array element that does not parse on its own, or null. */
export function firstBadElementLine(text: string): number | null {
  for (const span of arrayElementSpans(text)) {
    try {
      JSON.parse(text.slice(span.start, span.end));
    } catch {
      return span.line;
    }
  }
  return null;
}
