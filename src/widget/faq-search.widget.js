// <faq-search>: a dependency-free search box over a faq-edge endpoint.
// Attributes: endpoint (base URL of the service; empty for this origin), label,
// placeholder, limit (1-50, default 5), debounce (ms, default 200), min-chars
// (default 2), hybrid-delay (ms, default 600), fallback-href and fallback-text
// (a way out when there is no good answer or the service fails), feedback
// ("off" hides "Did this answer your question?" under an opened answer, and sends nothing about answers),
// collection and collection-fallback (the FAQ collection to ask; "{lang}" is
// the page's language: docs/widget.md).
// Theme with --faq-* custom properties.
//
// What typing costs: while the visitor types, results come from words alone
// (mode=lexical, no embedding call); once typing pauses for hybrid-delay, or
// on Enter, the question is asked once by meaning and words (mode=hybrid).
// 600 ms is about twice the gap between keys of an average typist (300 ms at
// 40 words a minute), so a pause inside a word rarely costs an embedding.
(() => {
  if (customElements.get("faq-search")) return;
  const css = `:host{display:block;font:var(--faq-font,16px/1.4 system-ui,sans-serif);color:var(--faq-text,#1f2328)}
.box{position:relative}input{box-sizing:border-box;width:100%;padding:.6em .8em;font:inherit;color:inherit;background:var(--faq-bg,#fff);border:1px solid var(--faq-border,#8c959f);border-radius:var(--faq-radius,8px)}
input:focus{outline:2px solid var(--faq-accent,#0969da);outline-offset:1px}
ul{list-style:none;margin:.3em 0 0;padding:0;background:var(--faq-bg,#fff);border:1px solid var(--faq-border,#8c959f);border-radius:var(--faq-radius,8px);overflow:hidden}
li{padding:.6em .8em;cursor:pointer;border-top:1px solid var(--faq-border,#d0d7de)}li:first-child{border-top:0}
li[aria-selected=true]{background:var(--faq-active,#ddf4ff)}.q{font-weight:600}
.bar{height:4px;margin-top:.35em;background:var(--faq-track,#eaeef2);border-radius:2px}.bar>i{display:block;height:100%;background:var(--faq-accent,#0969da);border-radius:2px}
.a{margin-top:.3em;color:var(--faq-muted,#57606a);display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;white-space:pre-line}
li[aria-expanded=true] .a{display:block;-webkit-line-clamp:none;overflow:visible}.a a,.fb[hidden]{display:none}li[aria-expanded=true] .a a{display:inline}
mark{background:var(--faq-mark,#fff8c5);color:inherit;border-radius:2px}
.fb{margin:.4em 0 0;color:var(--faq-muted,#57606a)}.fb button{margin-left:.4em;font:inherit;padding:.1em .7em;border:1px solid var(--faq-border,#8c959f);border-radius:var(--faq-radius,8px);background:var(--faq-bg,#fff);color:inherit;cursor:pointer}
.fb button:focus-visible{outline:2px solid var(--faq-accent,#0969da)}.fb button[aria-pressed=true]{background:var(--faq-active,#ddf4ff)}.msg{margin:.4em 0 0;color:var(--faq-muted,#57606a)}.msg:empty{display:none}a{color:var(--faq-accent,#0969da)}`;
  let count = 0;
  // Collections the Worker said it does not have (404 unknown_collection): not asked again on this page.
  const unknown = new Set();
  const usable = (name) => (name && (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(name) || unknown.has(name)) ? null : name);
  // Words of the question worth highlighting: not the little words every question has.
  const LITTLE = new Set("the and for are can how what when where who why does did you your our not with from this that have has was will into about".split(" "));
  const wordsOf = (q) => [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((w) => w.length > 2 && !LITTLE.has(w)))];
  // `text` as text nodes, with each word that starts like a query word in a <mark>: DOM nodes, never HTML.
  const highlight = (text, words) => {
    const parts = document.createDocumentFragment();
    let last = 0;
    if (words.length) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "giu");
      for (const match of text.matchAll(pattern)) {
        parts.append(text.slice(last, match.index));
        const mark = document.createElement("mark");
        mark.textContent = match[0];
        parts.append(mark);
        last = match.index + match[0].length;
      }
    }
    parts.append(text.slice(last));
    return parts;
  };
  // Links from answers (and the fallback) open only web pages, never javascript: or data: URLs.
  const webUrl = (url) => {
    try {
      const parsed = new URL(url, location.href);
      return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
    } catch {
      return null;
    }
  };

  class FaqSearch extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const id = `faq-search-${++count}`;
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `<style>${css}</style><div class="box"><input part="input" type="search" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="${id}-list" autocomplete="off" spellcheck="false"><ul part="list" role="listbox" id="${id}-list" hidden></ul><p class="msg" part="message" role="status" aria-live="polite"></p><div class="fb" part="feedback" role="group" aria-labelledby="${id}-fb" hidden><span id="${id}-fb">Did this answer your question?</span><button type="button" data-helpful="true">Yes</button><button type="button" data-helpful="false">No</button> <span class="fbs" role="status" aria-live="polite"></span></div></div>`;
      this.id_ = id;
      this.input = root.querySelector("input");
      this.list = root.querySelector("ul");
      this.msg = root.querySelector(".msg");
      this.fb = root.querySelector(".fb");
      this.fb.addEventListener("click", (e) => {
        const button = e.target.closest("button");
        if (button) this.feedback(button);
      });
      this.input.setAttribute("aria-label", this.getAttribute("label") || "Search the FAQ");
      this.input.placeholder = this.getAttribute("placeholder") || "Ask a question";
      this.results = [];
      this.active = -1;
      this.input.addEventListener("input", () => this.schedule());
      this.input.addEventListener("keydown", (e) => this.key(e));
      this.list.addEventListener("click", (e) => {
        const li = e.target.closest("li");
        if (li) this.choose(Number(li.dataset.index));
      });
      // A list re-rendered between press and release loses the click (it lands on the list,
      // not an item): while a press is on the list, no answer replaces it.
      this.list.addEventListener("pointerdown", () => (this.pressing = true));
      for (const type of ["pointerup", "pointercancel", "pointerleave"]) this.list.addEventListener(type, () => (this.pressing = false));
    }

    schedule() {
      // typing leaves the list: the highlighted result is let go, and answers may replace the list again
      this.move(-1);
      clearTimeout(this.timer);
      clearTimeout(this.pause);
      this.timer = setTimeout(() => this.search("lexical"), Number(this.getAttribute("debounce") ?? 200));
      this.pause = setTimeout(() => this.search("hybrid"), Number(this.getAttribute("hybrid-delay") ?? 600));
    }

    async search(mode) {
      const q = this.input.value.trim();
      let name = this.collection();
      // a question asked by meaning once is not asked again (Enter after a pause), unless of another collection
      if (mode === "hybrid" && `${name}\n${q}` === this.asked) return;
      this.controller?.abort();
      if (q.length < Number(this.getAttribute("min-chars") ?? 2)) return this.show([], "");
      const controller = (this.controller = new AbortController());
      const k = Math.min(50, Math.max(1, Number(this.getAttribute("limit")) || 5));
      try {
        let response;
        for (;;) {
          if (name === null) throw new Error("no collection");
          response = await fetch(`${this.base()}/faq?k=${k}&mode=${mode}&q=${encodeURIComponent(q)}${name && `&collection=${name}`}`, { signal: controller.signal });
          if (!(name && response.status === 404 && (await response.json()).error?.code === "unknown_collection")) break;
          // once more, with the fallback if there is one
          unknown.add(name);
          name = this.collection();
        }
        if (!response.ok) throw new Error(String(response.status));
        const body = await response.json();
        if (mode === "hybrid") this.asked = `${name}\n${q}`;
        // Words alone miss half-typed words: keep what is shown rather than flash "no answers".
        if (mode === "lexical" && !body.results.length) return;
        // The visitor is reading, opening or moving through the results shown since the last
        // keystroke: no later answer (words for the whole question, or by meaning) replaces them.
        if (this.active >= 0 || this.pressing) return;
        const message = !body.results.length ? "No matching answers." : body.answered || mode === "lexical" ? "" : "These may not answer your question.";
        this.shown = q;
        this.from = name;
        this.show(body.results, message);
        this.dispatchEvent(new CustomEvent("faq-results", { detail: body, bubbles: true, composed: true }));
      } catch (error) {
        if (error.name !== "AbortError") this.show([], "Search is unavailable right now.");
      }
    }

    base() {
      return (this.getAttribute("endpoint") || "").replace(/\/+$/, "");
    }

    // Read at each question: "" for no parameter (the default collection), null for none usable.
    collection() {
      const lang = document.documentElement.lang.trim().split(/[-_]/)[0].toLowerCase();
      // without a page language "{lang}" stays, and braces make no name: the fallback
      const name = (this.getAttribute("collection") || "").replaceAll("{lang}", lang || "{lang}");
      return usable(name) ?? usable(this.getAttribute("collection-fallback") || null);
    }

    // "Did this answer your question?" for the answer just opened, once per question and answer.
    offerFeedback(result) {
      if (this.getAttribute("feedback") === "off") return;
      // the visitor's question as typed: the list may still be the answer to a few letters less
      // filed under the collection that answered, whatever the attribute says since
      this.rated = { query: this.input.value.trim(), id: result.id, ...(this.from && { collection: this.from }) };
      const given = this.given?.get(JSON.stringify(this.rated));
      for (const button of this.fb.querySelectorAll("button")) {
        button.disabled = given !== undefined;
        button.setAttribute("aria-pressed", String(given === button.dataset.helpful));
      }
      this.fb.querySelector(".fbs").textContent = given === undefined ? "" : "Thank you for telling us.";
      this.fb.hidden = false;
      // the owner's dashboard counts how often each answer is opened: once per question and answer, nothing waits for it
      const key = JSON.stringify(this.rated);
      if ((this.opened ??= new Set()).has(key)) return;
      this.opened.add(key);
      fetch(`${this.base()}/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...this.rated, opened: true }), keepalive: true }).catch(() => {});
    }

    async feedback(button) {
      const rated = this.rated;
      if (!rated || button.disabled) return;
      for (const other of this.fb.querySelectorAll("button")) other.disabled = true;
      button.setAttribute("aria-pressed", "true");
      (this.given ??= new Map()).set(JSON.stringify(rated), button.dataset.helpful);
      const status = this.fb.querySelector(".fbs");
      try {
        const response = await fetch(`${this.base()}/feedback`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...rated, helpful: button.dataset.helpful === "true" }),
        });
        status.textContent = response.ok ? "Thank you for telling us." : "Your answer could not be sent.";
      } catch {
        status.textContent = "Your answer could not be sent.";
      }
    }

    show(results, message) {
      this.results = results;
      this.fb.hidden = true;
      const words = wordsOf(this.shown || "");
      this.active = -1;
      this.list.replaceChildren(...results.map((r, i) => {
        const li = document.createElement("li");
        li.id = `${this.id_}-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.index = i;
        li.dataset.id = r.id;
        const q = document.createElement("div");
        q.className = "q";
        q.append(highlight(r.question, words));
        const bar = document.createElement("div");
        bar.className = "bar";
        bar.title = `score ${r.score.toFixed(2)}`;
        bar.append(document.createElement("i"));
        bar.firstChild.style.width = `${Math.round(Math.max(0, Math.min(1, r.score)) * 100)}%`;
        // the first two lines of the answer; all of it, and its link, once the item is opened
        const a = document.createElement("div");
        a.className = "a";
        a.append(highlight(r.answer || "", words));
        const url = r.url && webUrl(r.url);
        if (url) {
          const link = document.createElement("a");
          link.href = url;
          link.textContent = r.answer ? "Read more" : "Open the answer";
          a.append(" ", link);
        }
        li.append(q, bar, a);
        return li;
      }));
      this.msg.replaceChildren(message);
      const fallback = this.getAttribute("fallback-href");
      const href = fallback && webUrl(fallback);
      if (message && href) {
        const link = document.createElement("a");
        link.href = href;
        link.textContent = this.getAttribute("fallback-text") || "Contact us";
        this.msg.append(" ", link);
      }
      this.open(results.length > 0);
    }

    open(expanded) {
      this.list.hidden = !expanded;
      this.input.setAttribute("aria-expanded", String(expanded));
      if (!expanded) this.move(-1);
    }

    move(index) {
      const options = this.list.children;
      if (options[this.active]) options[this.active].setAttribute("aria-selected", "false");
      this.active = index;
      if (options[index]) {
        options[index].setAttribute("aria-selected", "true");
        options[index].scrollIntoView({ block: "nearest" });
        this.input.setAttribute("aria-activedescendant", options[index].id);
      } else this.input.removeAttribute("aria-activedescendant");
    }

    choose(index) {
      const li = this.list.children[index];
      if (!li) return;
      this.move(index);
      const opened = li.getAttribute("aria-expanded") !== "true";
      li.setAttribute("aria-expanded", String(opened));
      if (opened) this.offerFeedback(this.results[index]);
      this.dispatchEvent(new CustomEvent("faq-select", { detail: this.results[index], bubbles: true, composed: true }));
    }

    key(e) {
      const n = this.results.length;
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        if (!n) return;
        e.preventDefault();
        if (this.list.hidden) this.open(true);
        this.move(e.key === "ArrowDown" ? (this.active + 1) % n : (this.active - 1 + n) % n);
      } else if (e.key === "Enter" && this.active >= 0 && !this.list.hidden) {
        e.preventDefault();
        this.choose(this.active);
      } else if (e.key === "Enter") {
        clearTimeout(this.timer);
        clearTimeout(this.pause);
        this.search("hybrid");
      } else if (e.key === "Escape") {
        if (!this.list.hidden) this.open(false);
        else this.input.value = "";
      }
    }
  }
  customElements.define("faq-search", FaqSearch);
})();
