// The unanswered groups of the period (GET /admin/unanswered): how often
// each was asked against the period before, how visitors put it, the FAQ that
// came nearest; mark one done (POST /admin/groups/{key}/done), or write its
// answer as a draft (POST /admin/drafts).
import { draftForm } from "./drafts.dashboard.js";
import { announce, fill, h, plural, uid } from "./dom.dashboard.js";

/** How many of a group's questions are shown. */
const EXAMPLES = 5;
const TREND = { new: "new", rising: "rising", falling: "falling", steady: "steady" };

/**
 * Lists the groups, most asked first. `context`: {api, collection, period,
 * draftSaved()} where period is the {since, until} the groups were listed for,
 * and draftSaved shows the drafts again after one was written.
 */
export function renderGroups(list, unanswered, context) {
  let total = unanswered.total;
  const summarize = () => fill(document.getElementById("groups-summary"), total === 0
    ? "Nothing went unanswered in this period, or every group is marked done."
    : `${plural(total, "group")} of questions the FAQ did not answer${total > list.children.length ? `; the ${list.children.length} most asked are shown` : ""}.`);
  const removed = () => {
    total -= 1;
    summarize();
  };
  fill(list, unanswered.groups.map((group) => groupItem(group, { ...context, removed })));
  summarize();
}

function groupItem(group, { api, collection, period, draftSaved, removed }) {
  const titleId = uid("group");
  const heading = h("h3", { id: titleId, tabindex: -1 }, group.label);
  const write = h("button", { type: "button", class: "primary", onclick: () => openForm() }, "Write the answer", h("span", { class: "vh" }, ` to "${group.label}"`));
  const done = h("button", { type: "button", onclick: () => markDone() }, "Mark done", h("span", { class: "vh" }, `: "${group.label}"`));
  const slot = h("div", { class: "form-slot" });
  const nearest = group.nearest;
  const item = h("li", { class: "group", "data-key": group.key },
    h("article", { "aria-labelledby": titleId },
      heading,
      h("p", { class: "counts" },
        h("span", { class: `trend trend-${group.trend}` }, TREND[group.trend] ?? group.trend), " ",
        h("strong", {}, plural(group.countInPeriod, "asking")), ` in this period, ${group.countBefore} in the period before; ${group.count} in all.`),
      h("p", { class: "examples-title" }, "Asked as:"),
      h("ul", { class: "examples" }, group.queries.slice(0, EXAMPLES).map((q) => h("li", {}, h("q", {}, q.text), " ", h("span", { class: "times" }, `${q.count}×`)))),
      group.queries.length > EXAMPLES ? h("p", { class: "more" }, `and ${plural(group.queries.length - EXAMPLES, "other wording")}`) : null,
      h("p", { class: "nearest" }, nearest === null
        ? "No FAQ came near."
        : ["Nearest FAQ: ", h("q", {}, nearest.question ?? `${nearest.id} (no longer in the index)`), nearest.score === null ? "" : ` (similarity ${nearest.score.toFixed(2)})`]),
      h("p", { class: "actions" }, write, done),
      slot));

  function openForm() {
    const form = draftForm({
      title: "Write the answer", question: group.label, saveLabel: "Save as a draft",
      onSave: async ({ question, answer }) => {
        let draft;
        try {
          draft = await api.post("/admin/drafts", { collection }, { question, answer, groupKey: group.key });
        } catch (error) {
          announce(`The draft was not saved: ${error.message}`, "error");
          return;
        }
        fill(slot);
        write.disabled = false;
        announce(`Saved as draft ${draft.id}: it joins the index at the next npm run seed -- --with-drafts.`);
        await draftSaved(draft.id);
        write.focus();
      },
      onCancel: () => {
        fill(slot);
        write.disabled = false;
        write.focus();
      },
    });
    fill(slot, form);
    write.disabled = true;
    form.focusFirst();
  }

  async function markDone() {
    done.disabled = true;
    try {
      // the same period as the list: the Worker regroups its questions to find this group
      await api.post(`/admin/groups/${encodeURIComponent(group.key)}/done`, { collection, since: period.since, until: period.until });
    } catch (error) {
      done.disabled = false;
      announce(`The group was not marked done: ${error.message}`, "error");
      return;
    }
    // focus moves on to the next group, or to the list's heading when this was the last
    const next = item.nextElementSibling?.querySelector("h3") ?? document.getElementById("groups-title");
    item.remove();
    removed();
    next.focus();
    announce(`Marked done: "${group.label}". It stays hidden until it is asked again.`);
  }
  return item;
}
