// The owner's dashboard (GET /admin): sign in with a token once, choose a
// collection and a period, and read what /admin/* says of them. The page
// shows nothing of a collection before the Worker has accepted the token.
import { createApi, forgetToken, saveToken, savedToken } from "./api.dashboard.js";
import { clearStats, renderStats } from "./charts.dashboard.js";
import { announce, fill, h } from "./dom.dashboard.js";
import { renderDrafts } from "./drafts.dashboard.js";
import { renderGroups } from "./groups.dashboard.js";

const $ = (id) => document.getElementById(id);
const DAY_MS = 86_400_000;
const dayOf = (ms) => new Date(ms).toISOString().slice(0, 10);
/** What the signed-in page fills in, emptied again on signing out. */
const FILLED = ["questions-summary", "questions-table-slot", "feedback-summary", "feedback-table-slot", "faqs-slot", "groups-summary", "groups", "drafts", "collection", "collection-name", "period-range"];

let api = null;
/** The collection shown, as the Worker named it in its last answer. */
let collection = null;
/** Each load's number: an answer to an older load (the owner changed the period meanwhile) is dropped. */
let loads = 0;

function showSignIn(error = "") {
  api = null;
  collection = null;
  loads += 1;
  forgetToken();
  clearStats();
  for (const id of FILLED) fill($(id));
  $("dashboard").hidden = true;
  $("controls").hidden = true;
  $("sign-in").hidden = false;
  $("sign-in-error").textContent = error;
  $("token").value = "";
  if (error) $("token").setAttribute("aria-invalid", "true");
  else $("token").removeAttribute("aria-invalid");
  $("token").focus();
}

/** Any failure of a call: a token no longer accepted signs out; anything else is said in the live region. */
function failed(error, what) {
  if (error.status === 401) showSignIn("The token is no longer accepted. Sign in again.");
  else announce(`${what}: ${error.message}`, "error");
}

async function signIn(token) {
  const candidate = createApi(token);
  announce("Signing in…");
  let collections;
  try {
    ({ collections } = await candidate.get("/admin/collections"));
  } catch (error) {
    announce("");
    showSignIn(error.status === 401 ? "That token was not accepted. Check it and try again." : `Could not sign in: ${error.message}`);
    return;
  }
  api = candidate;
  saveToken(token);
  $("token").value = "";
  $("token").removeAttribute("aria-invalid");
  $("sign-in-error").textContent = "";
  // ADMIN_TOKEN lists every collection, a collection token its own; none yet: the Worker's default
  fill($("collection"), collections.map((c) => h("option", { value: c.name }, c.name)));
  $("collection-field").hidden = collections.length === 0;
  $("sign-in").hidden = true;
  $("controls").hidden = false;
  $("dashboard").hidden = false;
  await load();
  if (api) $("questions-title").focus();
}

async function load() {
  const load = ++loads;
  const days = Number($("period").value);
  const until = dayOf(Date.now());
  const since = dayOf(Date.now() - (days - 1) * DAY_MS);
  const asked = $("collection-field").hidden ? undefined : $("collection").value;
  announce(`Loading the last ${days} days…`);
  $("dashboard").setAttribute("aria-busy", "true");
  try {
    const [stats, unanswered, drafts] = await Promise.all([
      api.get("/admin/stats", { since, until, collection: asked }),
      api.get("/admin/unanswered", { since, until, collection: asked }),
      api.get("/admin/drafts", { collection: asked }),
    ]);
    if (load !== loads) return;
    collection = stats.collection;
    $("collection-name").textContent = collection;
    $("period-range").textContent = `${since} to ${until} (UTC)`;
    renderStats(stats);
    // the period goes with the groups: marking one done regroups exactly the questions they were made from
    renderGroups($("groups"), unanswered, { api, collection, period: { since, until }, draftSaved: () => reloadDrafts(undefined) });
    renderDrafts($("drafts"), drafts.drafts, { api, collection, reload: reloadDrafts });
    announce(`Showing ${collection}, the last ${days} days.`);
  } catch (error) {
    if (load === loads) failed(error, "The dashboard could not be loaded");
  } finally {
    $("dashboard").removeAttribute("aria-busy");
  }
}

/** Shows the drafts again; then focus goes to draft `focusId`, to the list's heading (null), or stays (undefined). */
async function reloadDrafts(focusId) {
  try {
    const { drafts } = await api.get("/admin/drafts", { collection });
    renderDrafts($("drafts"), drafts, { api, collection, reload: reloadDrafts });
  } catch (error) {
    failed(error, "The drafts could not be loaded");
    return;
  }
  if (focusId === undefined) return;
  const heading = focusId === null ? null : $("drafts").querySelector(`li[data-id="${focusId}"] h3`);
  (heading ?? $("drafts-title")).focus();
}

$("sign-in-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const token = $("token").value.trim();
  if (token) signIn(token);
  else showSignIn("Paste the ADMIN_TOKEN or a collection token first.");
});
$("sign-out").addEventListener("click", () => {
  showSignIn();
  announce("Signed out. The token was removed from this tab.");
});
$("period").addEventListener("change", () => load());
$("collection").addEventListener("change", () => load());

const token = savedToken();
if (token) signIn(token);
else showSignIn();
