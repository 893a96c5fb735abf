/** A URL without its #fragment: the page a question lives on, whatever anchor points into it. */
export const pageOfUrl = (url: string) => url.replace(/#.*$/, "");
