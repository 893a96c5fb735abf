import { describe, expect, it } from "vitest";
import { isQuestion } from "./question-text";

describe("isQuestion", () => {
  it.each([
    "How do I reset my password?",
    "Wann kommt meine Bestellung?",
    "パスワードを忘れた場合は？",
    "كيف أغير كلمة المرور؟",
    'What does "pending" mean?"',
    "How long does delivery take",
    "Which plan is right for me",
    "What happens if I miss a payment",
    "What if I lose my card",
    "Can I pay by invoice",
    "Do you ship abroad",
    "Is there a student discount",
    "Are there any fees",
    "Q: How do I cancel",
    "3. Where is my parcel",
  ])("%s asks", (text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each([
    "Contact us",
    "Frequently asked questions",
    "How it works",
    "What we do",
    "Who we are",
    "Why choose us",
    "Where to find us",
    "How to choose a bike",
    "Do it yourself",
    "Have a look around",
    "Are pets allowed", // a noun subject needs its question mark
    "Bestellung stornieren", // only English openings: other languages need their question mark
    "Still have questions?",
    "Questions?",
    "Have more questions?",
    "Need help?",
    "Need a hand?",
    "Was this article helpful?",
    "Did this answer your question?",
    "Can't find what you're looking for?",
    "How can we help?",
    "",
  ])("%s does not ask", (text) => {
    expect(isQuestion(text)).toBe(false);
  });
});
