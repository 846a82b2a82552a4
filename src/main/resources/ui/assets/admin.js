// The admin pages: "Send test" on /channels, and the new-window form on /maintenance
// (POST /api/v1/maintenance, each problem shown next to the field its JSON Pointer names).
// Deleting a window uses tickr.js's data-api buttons.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);

  // --- channels: send a test notification, show what the provider said ---
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-channel-test]");
    if (!button) return;
    const out = $(button.dataset.result);
    button.disabled = true;
    out.className = "test-output";
    out.textContent = "Sending…";
    const name = button.dataset.channelTest;
    const answer = await Tickr.api("POST", "/api/v1/channels/" + encodeURIComponent(name) + "/test");
    button.disabled = false;
    if (answer.ok) {
      out.classList.add("ok-text");
      out.textContent = "✓ Sent. The provider answered: " + (answer.body.answer || "(nothing)");
    } else {
      out.classList.add("problem");
      const body = answer.body && typeof answer.body === "object" ? answer.body : {};
      out.textContent = "✗ Not sent: " + (body.detail || body.title || "HTTP " + answer.status);
    }
  });

  // --- maintenance: the new-window form ---
  const form = $("maintenance-form");
  if (!form) return;
  const summary = $("maintenance-problems");
  const FIELDS = ["name", "monitors", "tags", "start", "end", "every", "from", "to", "timezone", "duration"];

  const kind = () => (form.querySelector("input[name=kind]:checked") || {}).value || "once";
  function showKind() {
    for (const el of form.querySelectorAll("[data-kind]")) el.hidden = el.dataset.kind !== kind();
  }
  for (const radio of form.querySelectorAll("input[name=kind]")) radio.addEventListener("change", showKind);
  showKind();

  const value = (id) => ($(id).closest("[hidden]") ? "" : $(id).value.trim());
  const list = (id) => value(id).split(",").map((s) => s.trim()).filter(Boolean);

  /** A datetime-local value (the browser's time) as RFC 3339 in UTC; unparseable text as is. */
  function instant(text) {
    if (!text) return "";
    const t = new Date(text);
    return Number.isNaN(t.getTime()) ? text : t.toISOString().replace(".000Z", "Z");
  }

  function build() {
    const w = {};
    const put = (k, v) => { if (v !== "" && !(Array.isArray(v) && !v.length)) w[k] = v; };
    put("name", value("name"));
    put("monitors", list("monitors"));
    put("tags", list("tags"));
    if (kind() === "once") {
      put("start", instant(value("start")));
      put("end", instant(value("end")));
    } else {
      const days = list("every");
      put("every", days.length === 1 ? days[0] : days);
      put("from", value("from"));
      put("to", value("to"));
      put("timezone", value("timezone"));
    }
    put("duration", value("duration"));
    return w;
  }

  function fieldOf(pointer) {
    const top = (pointer || "").split("/")[1] || "";
    return FIELDS.includes(top) && !$(top).closest("[hidden]") ? top : null;
  }

  function clear() {
    summary.innerHTML = "";
    for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }

  function show(body, status) {
    clear();
    const b = body && typeof body === "object" ? body : {};
    const errors = b.errors && b.errors.length ? b.errors
      : [{ pointer: "", detail: b.detail || String(body || "request failed (" + status + ")") }];
    let items = "";
    for (const e of errors) {
      const id = fieldOf(e.pointer);
      const where = e.pointer ? "<code>" + Tickr.escape(e.pointer) + "</code>: " : "";
      if (id) {
        const slot = $(id + "-error");
        slot.textContent = (slot.textContent ? slot.textContent + " " : "") + e.detail;
        $(id).setAttribute("aria-invalid", "true");
        items += "<li><a href=\"#" + id + "\">" + where + Tickr.escape(e.detail) + "</a></li>";
      } else {
        items += "<li>" + where + Tickr.escape(e.detail) + "</li>";
      }
    }
    summary.innerHTML = "<p><strong>Not created: " + Tickr.escape(b.title || "HTTP " + status) +
      "</strong></p><ul>" + items + "</ul>";
    summary.focus();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear();
    const button = $("create-window");
    button.disabled = true;
    const answer = await Tickr.api("POST", "/api/v1/maintenance", build());
    button.disabled = false;
    if (!answer.ok) {
      show(answer.body, answer.status);
      return;
    }
    Tickr.toast("Window " + answer.body.name + " created.");
    setTimeout(() => location.reload(), 400);
  });
})();
