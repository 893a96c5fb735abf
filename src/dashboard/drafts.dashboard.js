// Drafted answers (GET, PUT, DELETE /admin/drafts): the list, and the form
// that writes one, used here to edit and by a group to write a new one.
import { announce, fill, h, uid } from "./dom.dashboard.js";

/**
 * A form for a question and its answer. `onSave({question, answer})` runs on
 * submit (the browser checks that neither is empty first); while it runs the
 * form cannot be sent again. Focus goes to the question when it is shown.
 */
export function draftForm({ title, question = "", answer = "", saveLabel, onSave, onCancel }) {
  const titleId = uid("draft-form");
  const questionId = uid("draft-question");
  const answerId = uid("draft-answer");
  const questionInput = h("input", { id: questionId, type: "text", required: true, autocomplete: "off", maxlength: 2000 });
  const answerInput = h("textarea", { id: answerId, rows: 5, required: true, maxlength: 60000 });
  questionInput.value = question;
  answerInput.value = answer;
  const save = h("button", { type: "submit", class: "primary" }, saveLabel);
  const form = h("form", { class: "draft-form", "aria-labelledby": titleId },
    h("h4", { id: titleId }, title),
    h("p", {}, h("label", { for: questionId }, "Question, as the FAQ will show it"), questionInput),
    h("p", {}, h("label", { for: answerId }, "Answer"), answerInput),
    h("p", { class: "actions" }, save, h("button", { type: "button", onclick: onCancel }, "Cancel")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      await onSave({ question: questionInput.value, answer: answerInput.value });
    } finally {
      save.disabled = false;
    }
  });
  form.focusFirst = () => questionInput.focus();
  return form;
}

const when = (iso) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * Lists the collection's drafts, oldest first, each with Edit and Delete.
 * `context`: {api, collection, reload()} where reload fetches and shows the list again.
 */
export function renderDrafts(list, drafts, context) {
  if (drafts.length === 0) {
    fill(list, h("li", { class: "empty" }, 'No drafted answer yet. Write one from an unanswered group with "Write the answer".'));
    return;
  }
  fill(list, drafts.map((draft) => draftItem(draft, context)));
}

function draftItem(draft, { api, collection, reload }) {
  const titleId = uid("draft");
  const heading = h("h3", { id: titleId, tabindex: -1 }, draft.question);
  const view = h("article", { "aria-labelledby": titleId },
    heading,
    h("p", { class: "answer" }, draft.answer),
    h("p", { class: "meta" }, `Draft ${draft.id}, last written ${when(draft.updatedAt)}`, draft.groupKey === null ? "" : `, for the group of "${draft.groupKey}"`),
    h("p", { class: "actions" },
      h("button", { type: "button", onclick: () => edit() }, "Edit", h("span", { class: "vh" }, ` the draft "${draft.question}"`)),
      h("button", { type: "button", class: "danger", onclick: () => remove() }, "Delete", h("span", { class: "vh" }, ` the draft "${draft.question}"`))));
  const item = h("li", { class: "draft", "data-id": draft.id }, view);

  function edit() {
    const form = draftForm({
      title: `Edit draft ${draft.id}`, question: draft.question, answer: draft.answer, saveLabel: "Save changes",
      onSave: async (body) => {
        try {
          await api.put(`/admin/drafts/${draft.id}`, { collection }, body);
        } catch (error) {
          announce(`The draft was not saved: ${error.message}`, "error");
          return;
        }
        announce("The draft was saved.");
        await reload(draft.id);
      },
      onCancel: () => {
        fill(item, view);
        view.querySelector("button").focus();
      },
    });
    fill(item, form);
    form.focusFirst();
  }

  async function remove() {
    if (!confirm(`Delete the draft "${draft.question}"?`)) return;
    try {
      await api.delete(`/admin/drafts/${draft.id}`, { collection });
    } catch (error) {
      announce(`The draft was not deleted: ${error.message}`, "error");
      return;
    }
    announce(`The draft "${draft.question}" was deleted.`);
    await reload(null);
  }
  return item;
}
