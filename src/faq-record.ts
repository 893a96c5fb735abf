/** One FAQ as served. Fields without data are null. */
export interface FaqRecord {
  id: string;
  question: string;
  answer: string | null;
  url: string | null;
  category: string | null;
}
