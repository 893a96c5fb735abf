import { describe, expect, it } from "vitest";
import { parseSeedArgs, UsageError } from "./seed-args";

const usageError = (argv: string[]) => {
  try {
    parseSeedArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return { message: error.message, exitCode: error.exitCode };
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
};

describe("--question-selector and --answer-selector", () => {
  it("are read together, with --from-page or --sitemap, and default to none", () => {
    expect(parseSeedArgs(["--from-page", "faq.html", "--question-selector", ".faq h3", "--answer-selector", ".faq h3 + div"]).faqSelectors)
      .toEqual({ question: ".faq h3", answer: ".faq h3 + div" });
    expect(parseSeedArgs(["--from-page", "faq.html"]).faqSelectors).toBeNull();
  });

  it.each([
    [["--from-page", "faq.html", "--question-selector", ".q"], "--question-selector and --answer-selector go together: give both"],
    [["--from-page", "faq.html", "--answer-selector", ".a"], "--question-selector and --answer-selector go together: give both"],
    [["--question-selector", ".q", "--answer-selector", ".a"], "--question-selector and --answer-selector only apply with --from-page or --sitemap"],
    [["--from-page", "faq.html", "--question-selector", ".faq >> h3", "--answer-selector", ".a"], '--question-selector ".faq >> h3" is not a CSS selector linkedom can read (Did not expect successive traversals)'],
    [["--from-page", "faq.html", "--question-selector", ".q", "--answer-selector", "p:answer"], '--answer-selector "p:answer" is not a CSS selector linkedom can read (Unknown pseudo-class :answer)'],
    [["--from-page", "faq.html", "--question-selector", " ", "--answer-selector", ".a"], '--question-selector " " is empty'],
  ])("%j is a usage error (exit 2): %s", (argv, message) => {
    expect(usageError(argv)).toEqual({ message, exitCode: 2 });
  });

  it("gives every usage error exit 2, the older ones too", () => {
    expect(usageError(["--kv", "cloud"])).toEqual({ message: "--kv must be one of local, remote, none", exitCode: 2 });
    expect(usageError(["--batch-size", "0"])).toEqual({ message: "--batch-size must be an integer from 1 to 256", exitCode: 2 });
    expect(usageError(["--input", "a.json", "--from-page", "faq.html"]))
      .toEqual({ message: "--input cannot be combined with --from-page or --sitemap: the FAQs come from one place", exitCode: 2 });
  });
});
