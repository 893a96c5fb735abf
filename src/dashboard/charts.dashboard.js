// The period's figures (GET /admin/stats): questions per day and feedback per
// day as uPlot charts, each with a table of the same figures for screen
// readers and for reading exact values; and the FAQs with the most "No".
import uPlot from "./uplot.js";
import { fill, h, percent, plural } from "./dom.dashboard.js";

const COLOR = { answered: "#1a7f37", unanswered: "#bc4c00", degraded: "#8c959f", share: "#0969da", yes: "#1a7f37", no: "#cf222e", axis: "#57606a", grid: "#eaeef2" };
const HEIGHT = 240;
const DAY = 86_400;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
// Whole numbers of askings on the count axis, never 0.5 of a question.
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000, 200_000, 500_000, 1_000_000];
/** The most FAQs listed by "No". */
const MAX_FAQS = 20;

const seconds = (day) => Date.parse(`${day}T00:00:00Z`) / 1000;
const dayLabel = (ts) => {
  const date = new Date(ts * 1000);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
};

const axes = (extra = []) => [
  { stroke: COLOR.axis, grid: { stroke: COLOR.grid }, ticks: { stroke: COLOR.grid }, space: 56, incrs: [1, 2, 7, 14, 28].map((d) => d * DAY), values: (u, splits) => splits.map(dayLabel) },
  { stroke: COLOR.axis, grid: { stroke: COLOR.grid }, ticks: { stroke: COLOR.grid }, incrs: COUNT_STEPS, values: (u, splits) => splits.map(String), size: 48 },
  ...extra,
];
const scales = (extra = {}) => ({
  // half a day of room on each side, so the first and last bars are whole
  x: { time: true, range: (u, min, max) => [min - DAY / 2, max + DAY / 2] },
  y: { range: (u, min, max) => [0, Math.max(4, Math.ceil((max ?? 0) * 1.1))] },
  ...extra,
});
/** A series drawn as bars whose legend shows `raw` (what the day counted), not the stacked height it is drawn at. */
const bars = (label, color, raw, options = {}) => ({
  label, fill: color, stroke: color, width: 0, points: { show: false },
  paths: uPlot.paths.bars({ size: [0.7, 28], ...options }),
  value: (u, v, si, i) => (i === null || i === undefined ? "–" : String(raw[i])),
});

/** The x series: a day, named as the axis names it. */
const daySeries = () => ({ label: "Day", value: (u, ts) => (ts === null || ts === undefined ? "–" : dayLabel(ts)) });

const charts = new Map();
const resizing = new ResizeObserver((entries) => {
  for (const entry of entries) charts.get(entry.target)?.setSize({ width: entry.target.clientWidth, height: HEIGHT });
});

/** Draws a chart in `container`, replacing the one there; the container is hidden from screen readers, which read the table. */
function draw(container, options, data) {
  const previous = charts.get(container);
  if (previous) previous.destroy();
  else resizing.observe(container);
  charts.set(container, new uPlot({
    width: container.clientWidth || 640, height: HEIGHT,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    ...options,
  }, data, container));
}

/** A table: a caption, column headings, rows whose first cell heads the row, and an optional total row. */
function table(id, caption, columns, rows, total = null) {
  const row = ([first, ...rest], tag = "td") => h("tr", {}, h("th", { scope: "row" }, first), rest.map((cell) => h(tag, {}, cell)));
  return h("table", { id },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, columns.map((column) => h("th", { scope: "col" }, column)))),
    h("tbody", {}, rows.map((cells) => row(cells))),
    total && h("tfoot", {}, row(total)));
}

function renderQuestions(stats) {
  const { days, totals } = stats;
  const answered = days.map((d) => d.answered);
  const unanswered = days.map((d) => d.unanswered);
  const degraded = days.map((d) => d.degraded);
  fill(document.getElementById("questions-summary"), totals.asked === 0
    ? `No question was asked by meaning from ${stats.since} to ${stats.until}.`
    : `${plural(totals.asked, "question")} asked from ${stats.since} to ${stats.until}: ${totals.answered} answered (${percent(totals.answeredShare)}), ${totals.unanswered} not answered, ${totals.degraded} degraded (answered from words alone when the model failed).`);
  // Stacked bars: each series is drawn at the height of itself and those under it, the tallest first.
  draw(document.getElementById("questions-chart"), {
    series: [
      daySeries(),
      bars("Degraded", COLOR.degraded, degraded),
      bars("Not answered", COLOR.unanswered, unanswered),
      bars("Answered", COLOR.answered, answered),
      { label: "Answered share", scale: "%", stroke: COLOR.share, width: 2, spanGaps: false, points: { show: true, size: 6, fill: COLOR.share }, value: (u, v) => (v === null || v === undefined ? "–" : `${v}%`) },
    ],
    scales: scales({ "%": { range: () => [0, 100] } }),
    axes: axes([{ scale: "%", side: 1, stroke: COLOR.axis, grid: { show: false }, ticks: { stroke: COLOR.grid }, incrs: [25, 50], values: (u, splits) => splits.map((v) => `${v}%`), size: 48 }]),
  }, [
    days.map((d) => seconds(d.day)),
    days.map((d) => d.answered + d.unanswered + d.degraded),
    days.map((d) => d.answered + d.unanswered),
    answered,
    days.map((d) => (d.answeredShare === null ? null : Math.round(d.answeredShare * 1000) / 10)),
  ]);
  fill(document.getElementById("questions-table-slot"), table("questions-table", "Questions per day (UTC)",
    ["Day", "Asked", "Answered", "Not answered", "Degraded", "Answered share"],
    days.map((d) => [d.day, d.asked, d.answered, d.unanswered, d.degraded, percent(d.answeredShare)].map(String)),
    ["Total", totals.asked, totals.answered, totals.unanswered, totals.degraded, percent(totals.answeredShare)].map(String)));
}

function renderFeedback(stats) {
  const { days, totals, faqs } = stats;
  const yes = days.map((d) => d.feedbackYes);
  const no = days.map((d) => d.feedbackNo);
  fill(document.getElementById("feedback-summary"), totals.feedbackYes + totals.feedbackNo === 0
    ? `No visitor answered "Did this answer your question?" from ${stats.since} to ${stats.until}.`
    : `Visitors answered "Did this answer your question?" ${plural(totals.feedbackYes + totals.feedbackNo, "time")}: ${totals.feedbackYes} Yes, ${totals.feedbackNo} No.`);
  draw(document.getElementById("feedback-chart"), {
    series: [daySeries(), bars("Yes", COLOR.yes, yes, { size: [0.35, 14], align: -1 }), bars("No", COLOR.no, no, { size: [0.35, 14], align: 1 })],
    scales: scales(),
    axes: axes(),
  }, [days.map((d) => seconds(d.day)), yes, no]);
  fill(document.getElementById("feedback-table-slot"), table("feedback-table", "Feedback per day (UTC)", ["Day", "Yes", "No"],
    days.map((d) => [d.day, d.feedbackYes, d.feedbackNo].map(String)),
    ["Total", totals.feedbackYes, totals.feedbackNo].map(String)));

  const shown = faqs.slice(0, MAX_FAQS);
  fill(document.getElementById("faqs-slot"), shown.length === 0
    ? h("p", {}, "No answer was opened or rated in this period.")
    : [
      table("faqs-table", `FAQs opened or rated in the period, most "No" first${faqs.length > MAX_FAQS ? ` (the first ${MAX_FAQS} of ${faqs.length})` : ""}`,
        ["FAQ", "Opened", "Yes", "No", "Share of No"],
        shown.map((faq) => [faq.question ?? `${faq.id} (no longer in the index)`, faq.opened, faq.helpful, faq.unhelpful, percent(faq.shareNo)].map(String))),
    ]);
}

/** Shows a period's figures: both charts, their tables, and the FAQs by "No". */
export function renderStats(stats) {
  renderQuestions(stats);
  renderFeedback(stats);
}

/** Removes the charts (signing out): nothing of the period stays on the page. */
export function clearStats() {
  for (const [container, chart] of charts) {
    chart.destroy();
    resizing.unobserve(container);
  }
  charts.clear();
}
