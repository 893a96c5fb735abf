/** A URL without its #fragment: the page a question lives on, whatever anchor points into it. */
export const pageOfUrl = (url: string) => url.replace(/#.*$/, "");

/** Where a redirect's Location points, resolved against the URL that sent it; null when it is not a URL (a bad header must fail one page, not the run). */
export function redirectTarget(location: string, from: string): string | null {
  try {
    return new URL(location, from).href;
  } catch {
    return null;
  }
}
