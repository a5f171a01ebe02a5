// Intake profiles in the operator board: the form that creates and changes them, the intake URL
// shown once, rotating a token and deleting. Uses app.js's $, api, flash and reloadIntake.
"use strict";

const profileDialog = $("#profile-dialog");
const profileForm = $("#profile-form");
const tokenDialog = $("#token-dialog");
// The profile the form changes; null while it makes a new one.
let editing = null;

function openProfileForm(profile) {
  const p = profile || {};
  const el = profileForm.elements;
  editing = profile ? profile.profileId : null;
  profileForm.reset();
  clearErrors();
  $("#profile-title").textContent = profile ? `Edit ${profile.name}` : "New intake profile";
  el.name.value = p.name || "";
  el.model.value = p.model || "";
  fillOdoo(p.odoo);
  fillPrinter(p.printer || {});
  el.template.value = p.template || "";
  fillRows("placeholders", p.fields);
  fillQuantity(p.quantity || {});
  el.priority.value = p.priority || "";
  el.reference.value = p.reference || "";
  el.statusUrl.value = p.statusUrl || "";
  showChoices();
  profileDialog.showModal();
  el.name.focus();
}

// The API never answers the key: its input starts empty, and left empty keeps the stored one.
function fillOdoo(odoo) {
  const el = profileForm.elements;
  el.source.value = odoo ? "odoo" : "body";
  el.odooUrl.value = odoo ? odoo.url : "";
  el.odooApi.value = odoo && odoo.api ? odoo.api : "json-rpc";
  el.odooDatabase.value = odoo ? odoo.database : "";
  el.odooUser.value = odoo ? odoo.user : "";
  el.odooApiKey.value = "";
  $("#odoo-api-key-hint").textContent = odoo
    ? "Stored encrypted and never shown. Leave empty to keep the stored key."
    : "Stored encrypted and never shown again.";
}

function fillPrinter(printer) {
  const el = profileForm.elements;
  el.printerBy.value = printer.field ? "field" : "fixed";
  el.printerId.value = printer.printerId || "";
  el.printerField.value = printer.field || "";
  fillRows("printer-map", printer.map);
}

function fillQuantity(quantity) {
  const el = profileForm.elements;
  el.quantityBy.value = quantity.fixed != null ? "fixed" : "field";
  el.quantityField.value = quantity.field || "";
  el.rounding.value = quantity.rounding || "up";
  el.quantityFixed.value = quantity.fixed != null ? quantity.fixed : "";
}

// Only the inputs of the chosen option show; the hidden ones are not sent either.
function showChoices() {
  const el = profileForm.elements;
  $(".when-odoo", profileForm).hidden = el.source.value !== "odoo";
  $(".when-printer-fixed", profileForm).hidden = el.printerBy.value !== "fixed";
  $(".when-printer-field", profileForm).hidden = el.printerBy.value !== "field";
  $(".when-quantity-field", profileForm).hidden = el.quantityBy.value !== "field";
  $(".when-quantity-fixed", profileForm).hidden = el.quantityBy.value !== "fixed";
}

function fillRows(containerId, entries) {
  const container = document.getElementById(containerId);
  container.replaceChildren();
  const pairs = Object.entries(entries || {});
  for (const [key, value] of pairs.length ? pairs : [["", ""]]) addRow(containerId, key, value);
}

function addRow(containerId, key = "", value = "") {
  const container = document.getElementById(containerId);
  const row = $("#row-template").content.firstElementChild.cloneNode(true);
  $(".row-key-label", row).textContent = container.dataset.keyLabel;
  $(".row-value-label", row).textContent = container.dataset.valueLabel;
  $("[name=key]", row).value = key;
  $("[name=value]", row).value = value;
  $(".row-remove", row).setAttribute("aria-label", `Remove this ${container.dataset.keyLabel.toLowerCase()}`);
  container.appendChild(row);
  return row;
}

function rowsOf(containerId) {
  const entries = {};
  for (const row of document.getElementById(containerId).children) {
    const key = $("[name=key]", row).value.trim();
    const value = $("[name=value]", row).value.trim();
    if (key || value) entries[key] = value;
  }
  return entries;
}

// A placeholder typed into the template gets its row, so none is forgotten.
function addPlaceholderRows() {
  const known = new Set(Object.keys(rowsOf("placeholders")));
  const names = [...profileForm.elements.template.value.matchAll(/\{\{\s*([A-Za-z0-9_.-]+)\s*}}/g)]
    .map(match => match[1]);
  for (const row of [...$("#placeholders").children]) {
    if (!$("[name=key]", row).value.trim() && !$("[name=value]", row).value.trim()) row.remove();
  }
  for (const name of new Set(names)) {
    if (!known.has(name)) addRow("placeholders", name, name === "n" ? "@n" : name === "total" ? "@total" : "");
  }
  if (!$("#placeholders").children.length) addRow("placeholders");
}

// The body of a create or change, as docs/api.md#intake-profiles has it. An empty API key is
// null: a change then keeps the stored key.
function profileSettings() {
  const el = profileForm.elements;
  const text = input => input.value.trim();
  const fixedCount = el.quantityFixed.value;
  return {
    name: text(el.name),
    model: text(el.model) || null,
    printer: el.printerBy.value === "field"
      ? { printerId: null, field: text(el.printerField), map: rowsOf("printer-map") }
      : { printerId: text(el.printerId), field: null, map: null },
    template: el.template.value.trim(),
    fields: rowsOf("placeholders"),
    quantity: el.quantityBy.value === "field"
      ? { fixed: null, field: text(el.quantityField), rounding: el.rounding.value }
      : { fixed: fixedCount === "" ? null : Number(fixedCount), field: null, rounding: null },
    priority: el.priority.value || null,
    reference: text(el.reference) || null,
    odoo: el.source.value === "odoo"
      ? { url: text(el.odooUrl), api: el.odooApi.value, database: text(el.odooDatabase),
        user: text(el.odooUser),
        apiKey: el.odooApiKey.value || null }
      : null,
    statusUrl: text(el.statusUrl) || null,
  };
}

async function saveProfile() {
  clearErrors();
  const button = $("[type=submit]", profileForm);
  button.disabled = true;
  try {
    const path = "/v1/intake/profiles" + (editing ? `/${encodeURIComponent(editing)}` : "");
    const saved = await api(editing ? "PUT" : "POST", path, profileSettings());
    profileDialog.close();
    flash(`Profile ${saved.name} ${editing ? "saved" : "created"}`);
    if (saved.intakePath) showIntakeUrl(saved);
    reloadIntake();
  } catch (e) {
    showErrors(e.problem || { detail: e.message });
  } finally {
    button.disabled = false;
  }
}

function clearErrors() {
  for (const slot of profileForm.querySelectorAll(".field-error, #profile-error")) slot.textContent = "";
  for (const input of profileForm.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
}

// Each of the problem's errors goes next to the input it names ("odoo.url"), or next to the
// nearest enclosing group ("printer.map.3" next to the map); what names no input goes on top.
function showErrors(problem) {
  const errors = problem.errors || [{ field: "", message: problem.detail || problem.title }];
  $("#profile-error").textContent = problem.errors
    ? "Not saved: fix the values marked below." : "Not saved.";
  for (const { field, message } of errors) {
    const slot = errorSlot(field || "");
    slot.element.textContent += (slot.element.textContent ? "; " : "") + slot.prefix + message;
    for (const input of slot.inputs) input.setAttribute("aria-invalid", "true");
  }
  const first = $("[aria-invalid=true]", profileForm);
  if (first) first.focus();
}

const ROW_ERRORS = { "fields.": "placeholders", "printer.map.": "printer-map" };

function errorSlot(field) {
  for (const [prefix, containerId] of Object.entries(ROW_ERRORS)) {
    if (!field.startsWith(prefix)) continue;
    const key = field.slice(prefix.length);
    const row = [...document.getElementById(containerId).children]
      .find(r => $("[name=key]", r).value.trim() === key);
    if (row) return { element: $(".field-error", row), prefix: "", inputs: [$("[name=value]", row)] };
  }
  const parts = field.split(".");
  for (let n = parts.length; n > 0 && field; n--) {
    const id = `e-${parts.slice(0, n).join(".")}`;
    const element = document.getElementById(id);
    if (element) {
      const rest = parts.slice(n).join(".");
      const inputs = profileForm.querySelectorAll(`[aria-describedby~="${id}"]`);
      return { element, prefix: rest ? `${rest}: ` : "", inputs: [...inputs] };
    }
  }
  return { element: $("#profile-error"), prefix: field ? `${field}: ` : "", inputs: [] };
}

function showIntakeUrl(profile) {
  $("#token-profile").textContent = profile.name;
  $("#intake-url").value = new URL(profile.intakePath, location.origin).href;
  $("#copy-status").textContent = "";
  tokenDialog.showModal();
  $("#intake-url").select();
}

async function copyIntakeUrl() {
  const input = $("#intake-url");
  try {
    await navigator.clipboard.writeText(input.value);
    $("#copy-status").textContent = "Copied.";
  } catch (e) {
    input.select();
    $("#copy-status").textContent = "Could not copy here: the URL is selected, copy it by hand.";
  }
}

async function profileAction(button) {
  const card = button.closest("[data-id]");
  const path = `/v1/intake/profiles/${encodeURIComponent(card.dataset.id)}`;
  const name = $(".intake-name", card).textContent;
  const action = button.dataset.profileAction;
  if (action === "rotate" && !confirm(`Give ${name} a new intake URL? The current one stops ` +
      "working at once: paste the new one into the Odoo rule.")) return;
  if (action === "delete" && !confirm(`Delete profile ${name}? Its intake URL stops working ` +
      "at once.")) return;
  button.disabled = true;
  try {
    if (action === "edit") {
      openProfileForm(await api("GET", path));
    } else if (action === "rotate") {
      showIntakeUrl(await api("POST", `${path}/rotate-token`));
      flash(`Profile ${name} has a new intake URL`);
    } else {
      await api("DELETE", path);
      flash(`Profile ${name} deleted`);
      reloadIntake();
    }
  } catch (e) {
    flash(`${button.textContent} ${name} failed: ${e.message}`);
  } finally {
    button.disabled = false;
  }
}

$("#new-profile").addEventListener("click", () => openProfileForm(null));
$("#profile-cancel").addEventListener("click", () => profileDialog.close());
profileForm.addEventListener("submit", event => {
  event.preventDefault();
  saveProfile();
});
profileForm.addEventListener("change", event => {
  if (["source", "printerBy", "quantityBy"].includes(event.target.name)) showChoices();
  if (event.target.name === "template") addPlaceholderRows();
});
profileForm.addEventListener("click", event => {
  const remove = event.target.closest(".row-remove");
  if (remove) {
    const row = remove.closest(".row");
    const rows = row.parentElement;
    // Focus stays in the list, on the row that took the removed one's place.
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    $("[name=key]", next || addRow(rows.id)).focus();
  }
  const add = event.target.closest(".row-add");
  if (add) $("[name=key]", addRow(add.dataset.rows)).focus();
});
$("#copy-intake-url").addEventListener("click", copyIntakeUrl);
$("#token-done").addEventListener("click", () => tokenDialog.close());
// Shown once: the URL leaves the page with the dialog.
tokenDialog.addEventListener("close", () => { $("#intake-url").value = ""; });
document.addEventListener("click", event => {
  const button = event.target.closest("button[data-profile-action]");
  if (button) profileAction(button);
});
