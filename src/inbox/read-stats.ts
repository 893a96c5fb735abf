/** One day of a collection, as the dashboard charts it. */
export interface DayStats {
  day: string;
  asked: number;
  answered: number;
  unanswered: number;
  degraded: number;
  /** answered / asked; null on a day nobody asked. */
  answeredShare: number | null;
  feedbackYes: number;
  feedbackNo: number;
}

/** One FAQ's feedback over the period: "No" most first. */
export interface FaqFeedbackStats {
  id: string;
  opened: number;
  helpful: number;
  unhelpful: number;
  /** unhelpful / (helpful + unhelpful); null when nobody rated it. */
  shareNo: number | null;
}

const DAY_MS = 86_400_000;
const round = (value: number) => Math.round(value * 1000) / 1000;

/** Every day from `first` to `last` ('YYYY-MM-DD', UTC), both included. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += DAY_MS) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/** The collection's questions and feedback per day from `first` to `last`, every day present (zeros where nothing happened). */
export async function readDays(db: D1Database, collection: string, first: string, last: string): Promise<DayStats[]> {
  const from = Date.parse(`${first}T00:00:00Z`);
  const to = Date.parse(`${last}T00:00:00Z`) + DAY_MS;
  const [counts, feedback] = await Promise.all([
    db.prepare("SELECT day, asked, answered, unanswered, degraded FROM daily_counts WHERE collection = ?1 AND day >= ?2 AND day <= ?3")
      .bind(collection, first, last).all<{ day: string; asked: number; answered: number; unanswered: number; degraded: number }>(),
    db.prepare(`SELECT strftime('%Y-%m-%d', at / 1000, 'unixepoch') AS day, SUM(helpful) AS yes, SUM(1 - helpful) AS no
        FROM feedback WHERE collection = ?1 AND at >= ?2 AND at < ?3 GROUP BY day`)
      .bind(collection, from, to).all<{ day: string; yes: number; no: number }>(),
  ]);
  const countsOf = new Map(counts.results.map((row) => [row.day, row]));
  const feedbackOf = new Map(feedback.results.map((row) => [row.day, row]));
  return daysBetween(first, last).map((day) => {
    const c = countsOf.get(day);
    const f = feedbackOf.get(day);
    const asked = c?.asked ?? 0;
    return {
      day,
      asked,
      answered: c?.answered ?? 0,
      unanswered: c?.unanswered ?? 0,
      degraded: c?.degraded ?? 0,
      answeredShare: asked > 0 ? round((c?.answered ?? 0) / asked) : null,
      feedbackYes: f?.yes ?? 0,
      feedbackNo: f?.no ?? 0,
    };
  });
}

/** Per FAQ of the collection, from `first` to `last`: how often it was opened and rated, most "No" first (then most opened). */
export async function readFaqFeedback(db: D1Database, collection: string, first: string, last: string): Promise<FaqFeedbackStats[]> {
  const from = Date.parse(`${first}T00:00:00Z`);
  const to = Date.parse(`${last}T00:00:00Z`) + DAY_MS;
  const [rated, opened] = await Promise.all([
    db.prepare("SELECT faq_id, SUM(helpful) AS yes, SUM(1 - helpful) AS no FROM feedback WHERE collection = ?1 AND at >= ?2 AND at < ?3 GROUP BY faq_id")
      .bind(collection, from, to).all<{ faq_id: string; yes: number; no: number }>(),
    db.prepare("SELECT faq_id, SUM(opened) AS opened FROM faq_opens WHERE collection = ?1 AND day >= ?2 AND day <= ?3 GROUP BY faq_id")
      .bind(collection, first, last).all<{ faq_id: string; opened: number }>(),
  ]);
  const stats = new Map<string, FaqFeedbackStats>();
  const entry = (id: string) => stats.get(id) ?? stats.set(id, { id, opened: 0, helpful: 0, unhelpful: 0, shareNo: null }).get(id)!;
  for (const row of opened.results) entry(row.faq_id).opened = row.opened;
  for (const row of rated.results) {
    const faq = entry(row.faq_id);
    faq.helpful = row.yes;
    faq.unhelpful = row.no;
    faq.shareNo = row.yes + row.no > 0 ? round(row.no / (row.yes + row.no)) : null;
  }
  return [...stats.values()].sort((a, b) => b.unhelpful - a.unhelpful || (b.shareNo ?? 0) - (a.shareNo ?? 0) || b.opened - a.opened || (a.id < b.id ? -1 : 1));
}
