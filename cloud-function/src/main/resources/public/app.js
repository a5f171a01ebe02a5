// Printrelay operator board: plain DOM, no build step. Polls the /v1 API with the session
// cookie; state-changing calls carry the CSRF token from the printrelay_csrf cookie.
"use strict";

const POLL_MS = 1500;
// Webhook events change far less often than jobs; one look every 10 s is plenty.
const INTAKE_POLL_MS = 10000;
const INTAKE_EVENTS = 5;
let intakeLoadedAt = 0;
const REFRESH_FAILED = "Could not refresh:";
const $ = (selector, root = document) => root.querySelector(selector);
let me = null;
let timer = null;

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)printrelay_csrf=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    headers["X-CSRF-Token"] = csrfToken();
  }
  const response = await fetch(path, {
    method, headers, credentials: "same-origin",
    body: method === "GET" ? undefined : JSON.stringify(body || {}),
  });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (response.status === 401) { showSignIn(); }
  if (!response.ok) {
    const detail = data && (data.detail || data.title) || response.statusText;
    // The problem goes along: a form shows its errors next to the fields they name.
    throw Object.assign(new Error(detail), { problem: data });
  }
  return data;
}

function show(id, visible) { $(id).hidden = !visible; }

function showSignIn() {
  const wasHidden = $("#sign-in").hidden;
  me = null;
  clearTimeout(timer);
  show("#board", false);
  show("#who", false);
  show("#sign-in", true);
  // A form left open would sit over the sign-in, and an intake URL must not outlive the session.
  for (const dialog of document.querySelectorAll("dialog[open]")) dialog.close();
  if (wasHidden) $("#password").focus();
}

async function start() {
  try {
    me = await api("GET", "/v1/me");
  } catch (e) {
    return showSignIn();
  }
  $("#who-name").textContent = `${me.username} (${me.roles.join(", ")})`;
  show("#sign-in", false);
  show("#who", true);
  show("#board", true);
  document.body.classList.toggle("read-only", !canAct());
  intakeLoadedAt = 0;
  refresh();
}

/** Reads the profiles again now, not at the next 10 s look. */
function reloadIntake() {
  intakeLoadedAt = 0;
  return refresh();
}

function canAct() {
  return me && me.roles.includes("operator");
}

// One refresh at a time: an action's refresh waits for a timed one still loading, so an older
// answer can never be drawn over a newer one.
let loading = null;

function refresh() {
  clearTimeout(timer);
  loading = (loading || Promise.resolve()).then(load);
  return loading;
}

async function load() {
  try {
    const [printers, jobs] = await Promise.all([
      api("GET", "/v1/printers"), api("GET", "/v1/jobs?limit=50")]);
    renderPrinters(printers.printers, jobs.jobs);
    renderJobs(jobs.jobs);
    await loadIntake();
    $("#updated").textContent = `updated ${new Date().toLocaleTimeString()}`;
    if ($("#flash").textContent.startsWith(REFRESH_FAILED)) flash("");
  } catch (e) {
    if (me) flash(`${REFRESH_FAILED} ${e.message}`);
  }
  clearTimeout(timer);
  if (me) timer = setTimeout(refresh, POLL_MS);
}

// Operators see what became of Odoo's webhooks: the reason of a failed one is how a rule or
// profile gets fixed.
async function loadIntake() {
  if (!canAct() || Date.now() - intakeLoadedAt < INTAKE_POLL_MS) return;
  intakeLoadedAt = Date.now();
  const { profiles } = await api("GET", "/v1/intake/profiles");
  const events = await Promise.all(profiles.map(p =>
    api("GET", `/v1/intake/profiles/${encodeURIComponent(p.profileId)}/events?limit=${INTAKE_EVENTS}`)));
  const container = $("#intake");
  profiles.forEach((profile, i) => {
    let card = container.querySelector(`[data-id="${CSS.escape(profile.profileId)}"]`);
    if (!card) {
      card = $("#intake-template").content.firstElementChild.cloneNode(true);
      card.dataset.id = profile.profileId;
      card.id = `intake-${profile.profileId}`;
      container.appendChild(card);
    }
    $(".intake-name", card).textContent = profile.name;
    $(".intake-printer", card).textContent =
      profile.printer.printerId || `by ${profile.printer.field}`;
    const list = $(".intake-events", card);
    list.replaceChildren(...events[i].events.map(event => {
      const item = document.createElement("li");
      const badge = document.createElement("span");
      setBadge(badge, event.status);
      const text = `${event.model} ${event.recordId}, ${new Date(event.receivedAt).toLocaleString()}`
        + (event.reason ? `: ${event.reason}` : "");
      item.append(badge, " ", text);
      return item;
    }));
    if (!events[i].events.length) list.textContent = "no webhook yet";
    for (const button of card.querySelectorAll("button[data-profile-action]")) {
      button.setAttribute("aria-label", `${button.textContent} profile ${profile.name}`);
    }
  });
  prune(container, new Set(profiles.map(p => p.profileId)));
  show("#intake-none", profiles.length === 0);
  show("#intake-section", true);
}

function flash(message) {
  $("#flash").textContent = message;
}

function keyedCard(container, templateId, id) {
  let card = container.querySelector(`[data-id="${CSS.escape(id)}"]`);
  if (!card) {
    card = $(templateId).content.firstElementChild.cloneNode(true);
    card.dataset.id = id;
    card.id = `${templateId === "#job-template" ? "job" : "printer"}-${id}`;
    container.appendChild(card);
  }
  return card;
}

function prune(container, ids) {
  for (const card of [...container.children]) {
    if (!ids.has(card.dataset.id)) card.remove();
  }
}

function renderPrinters(printers, jobs) {
  const container = $("#printers");
  for (const p of printers) {
    const card = keyedCard(container, "#printer-template", p.printerId);
    $(".printer-id", card).textContent = p.printerId;
    setBadge($(".printer-status", card), p.status);
    $(".printer-detail", card).textContent = unreachable(p, jobs) || p.detail || "";
    const q = p.queued || {};
    $(".printer-queue", card).textContent =
      `Waiting: ${q.high || 0} urgent, ${q.normal || 0} normal, ${q.low || 0} low`;
    $(".printer-current", card).textContent = p.currentJobId ? `Printing job ${p.currentJobId}` : "";
    toggle(card, "[data-printer-action=pause]", canAct() && p.status !== "paused");
    toggle(card, "[data-printer-action=resume]", canAct() && p.status === "paused");
    toggle(card, "[data-printer-action=clear]", canAct());
  }
  prune(container, new Set(printers.map((p) => p.printerId)));
  $("#printer-ids").replaceChildren(...printers.map((p) => new Option(p.printerId)));
}

// An agent out of touch may still be printing from its journal: say what the table last heard,
// not that the printer stopped (docs/printing.md#cloud-outages).
function unreachable(p, jobs) {
  if (p.status !== "offline" || !p.lastSeen) return null;
  const since = new Date(p.lastSeen).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const job = jobs.find((j) => j.jobId === p.currentJobId && j.status === "printing");
  const synced = job ? `, last synced label ${job.printed + job.failed} of ${job.total}` : "";
  return `agent unreachable since ${since}${synced}`;
}

function renderJobs(jobs) {
  const container = $("#jobs");
  jobs.forEach((job, position) => {
    const card = keyedCard(container, "#job-template", job.jobId);
    if (container.children[position] !== card) container.insertBefore(card, container.children[position]);
    $(".job-reference", card).textContent = job.reference || "Job";
    $(".job-id", card).textContent = job.jobId;
    setBadge($(".job-status", card), job.status);
    const where = job.queuePosition ? ` · position ${job.queuePosition} in queue` : "";
    const parent = job.parentJobId ? ` · from ${job.parentJobId}` : "";
    const resumed = job.resumedAs ? ` · resumed as ${job.resumedAs}` : "";
    $(".job-meta", card).textContent = `${job.printerId} · ${job.priority}${where}${parent}${resumed}`;
    const progress = $(".job-progress", card);
    progress.max = job.total;
    progress.value = job.printed;
    progress.setAttribute("aria-label", `${job.printed} of ${job.total} labels printed`);
    $(".job-count", card).textContent = `${job.printed} of ${job.total}`;
    $(".job-problems", card).textContent = problems(job);
    const waiting = job.status === "queued" || job.status === "printing";
    toggle(card, "[data-job-action=pause]", canAct() && waiting);
    // A failed or cancelled job is resumed once, as a new job: then there is nothing to resume.
    toggle(card, "[data-job-action=resume]", canAct() && (job.status === "paused" ||
      (["failed", "cancelled"].includes(job.status) && !job.resumedAs)));
    toggle(card, "[data-job-action=cancel]", canAct() && (waiting || job.status === "paused"));
    toggle(card, "[data-job-action=priority]", canAct() &&
      (job.status === "queued" || job.status === "paused") && job.priority !== "high");
    toggle(card, ".reprint", canAct());
    toggle(card, "[data-job-action=redrive]", canAct() && job.deadLettered);
    const name = job.reference || job.jobId;
    for (const button of card.querySelectorAll("button[data-job-action]")) {
      button.setAttribute("aria-label", `${button.textContent} job ${name}`);
    }
  });
  prune(container, new Set(jobs.map((j) => j.jobId)));
}

function problems(job) {
  const parts = [];
  if (job.failedLabels.length) parts.push(`Failed labels: ${job.failedLabels.join(", ")}`);
  if (job.uncertainLabels.length) parts.push(`Uncertain (may be duplicated): ${job.uncertainLabels.join(", ")}`);
  if (job.error) parts.push(job.error);
  if (job.deadLettered) parts.push("Its queue message was dead-lettered: it prints once sent again (Redrive)");
  return parts.join(" · ");
}

const STATUSES = ["ready", "printing", "paused", "offline", "error", "queued", "completed",
  "failed", "cancelled"];

// Swaps only the status class: the badge keeps the class the next render finds it by.
function setBadge(element, status) {
  element.textContent = status;
  element.classList.remove(...STATUSES);
  element.classList.add(status);
}

function toggle(card, selector, visible) {
  $(selector, card).hidden = !visible;
}

const MAX_REPRINT = 500;

// "5-7, 12" -> [5, 6, 7, 12]; the API checks each number against the job's labels.
function labelRange(text) {
  const labels = [];
  for (const part of text.split(",")) {
    const match = part.trim().match(/^(\d+)(?:\s*-\s*(\d+))?$/);
    if (!match) throw new Error(`"${text}" is not a list of labels like 5-7, 12`);
    const from = parseInt(match[1], 10);
    const to = match[2] === undefined ? from : parseInt(match[2], 10);
    if (to < from || labels.length + (to - from + 1) > MAX_REPRINT) {
      throw new Error(`Reprint 1 to ${MAX_REPRINT} labels, lowest number first`);
    }
    for (let i = from; i <= to; i++) labels.push(i);
  }
  return labels;
}

// Resume of a failed or cancelled job and reprint answer a new job: name it.
/** Runs one action; true when it succeeded. */
async function act(description, method, path, body, control) {
  if (control) control.disabled = true;
  let ok = false;
  try {
    const result = await api(method, path, body);
    const newJob = result && result.jobId && result.parentJobId &&
      !path.includes(encodeURIComponent(result.jobId));
    flash(description + (newJob ? `: new job ${result.jobId}` : ""));
    ok = true;
  } catch (e) {
    flash(`${description} failed: ${e.message}`);
  } finally {
    if (control) control.disabled = false;
  }
  refresh();
  return ok;
}

const DONE = {
  pause: "Job paused", resume: "Job resumed", cancel: "Job cancelled", priority: "Job made urgent",
  redrive: "Job sent again",
};
const PRINTER_DONE = { pause: "Printer paused", resume: "Printer resumed", clear: "Printer queue cleared" };

document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-job-action], button[data-printer-action]");
  if (!button) return;
  const card = button.closest("[data-id]");
  const id = encodeURIComponent(card.dataset.id);
  if (button.dataset.jobAction) {
    const action = button.dataset.jobAction;
    if (action === "cancel" && !confirm("Cancel this job? Labels not printed will not print.")) return;
    const body = action === "priority" ? { priority: "high" } : {};
    act(DONE[action], "POST", `/v1/jobs/${id}/${action}`, body, button);
  } else {
    const action = button.dataset.printerAction;
    if (action === "clear" && !confirm("Cancel every waiting job of this printer?")) return;
    act(PRINTER_DONE[action], "POST", `/v1/printers/${id}/${action}`, undefined, button);
  }
});

document.addEventListener("submit", async (event) => {
  event.preventDefault();
  const form = event.target;
  if (form.id === "sign-in-form") return signIn(form);
  if (form.classList.contains("reprint")) {
    const id = encodeURIComponent(form.closest("[data-id]").dataset.id);
    try {
      const labels = labelRange(form.elements.labels.value);
      const ok = await act(`Reprint of ${labels.length} label(s)`, "POST", `/v1/jobs/${id}/reprint`,
        { labels }, form.querySelector("button"));
      if (ok) form.reset();
    } catch (e) {
      flash(e.message);
    }
  }
});

async function signIn(form) {
  $("#sign-in-error").textContent = "";
  let response;
  try {
    response = await fetch("/login", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ username: form.elements.username.value, password: form.elements.password.value }),
    });
  } catch (e) {
    $("#sign-in-error").textContent = "Cannot reach Printrelay. Check the network and try again.";
    return;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    $("#sign-in-error").textContent = response.status === 401 || !problem
      ? "Wrong user or password." : problem.detail;
    return;
  }
  form.elements.password.value = "";
  start();
}

async function signOut(path) {
  await fetch(path, { method: "POST", credentials: "same-origin", headers: { "X-CSRF-Token": csrfToken() } });
  showSignIn();
}

$("#sign-out").addEventListener("click", () => signOut("/logout"));
// Ends this account's sessions on every device, e.g. after a tablet went missing.
$("#sign-out-everywhere").addEventListener("click", () => signOut("/logout-everywhere"));

start();
