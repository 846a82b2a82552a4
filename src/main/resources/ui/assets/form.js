// The monitor form (/monitors/new, /monitors/{name}/edit): shows the fields of the chosen type
// or platform preset,
// builds the API's monitor object from them, tries it ("Test now", POST /api/v1/monitors/test)
// and saves it (POST /api/v1/monitors or PUT /api/v1/monitors/{name}). What the API says is
// wrong goes next to the field its JSON Pointer names, and into the summary at the top.
"use strict";
(function () {
  const form = document.getElementById("monitor-form");
  if (!form) return;
  const $ = (id) => document.getElementById(id);
  const original = JSON.parse(form.dataset.original || "{}");
  const editing = form.dataset.editing || "";
  const summary = $("form-problems");
  const result = $("test-result");

  // Fields the form shows; whatever else the monitor had (escalate, flapping, paused, a
  // heartbeat's token, ...) is sent back as it was.
  const SHOWN = ["name", "type", "url", "method", "headers", "body", "auth", "host", "port",
    "query-type", "nameserver", "period", "grace", "follow-redirects", "follow-refresh", "insecure", "ca-cert",
    "max-body", "proxy", "client-cert", "client-key", "interval", "timeout", "conditions",
    "failure-threshold", "success-threshold", "tags", "alerts", "secrets"];
  const READ_ONLY = ["state", "source", "ping_url", "since", "last_check", "incident", "uptime",
    "created_at", "created_by", "updated_at", "updated_by", "paused_by", "problems",
    "quota_stretch", "held_until"];
  const PROBED_ONLY = ["degraded"];
  const HEARTBEAT_ONLY = ["token"];

  // A platform preset ("Platform"): its fieldset shows, the fields it supplies (type, the HTTP
  // request: data-no-preset) hide, and the monitor is an http one whose request the preset writes.
  const chosenPreset = () => ($("preset") ? $("preset").value : "");
  const presetKeys = (name) => {
    const set = $("preset-" + name);
    return set && set.dataset.keys ? set.dataset.keys.split(" ").filter(Boolean) : [];
  };
  const currentType = () => (chosenPreset() ? "http" : $("type").value);

  function showType() {
    const type = currentType();
    const preset = chosenPreset();
    for (const el of form.querySelectorAll("[data-types]")) {
      el.hidden = !el.dataset.types.split(" ").includes(type);
    }
    for (const el of form.querySelectorAll("[data-preset]")) el.hidden = el.dataset.preset !== preset;
    for (const el of form.querySelectorAll("[data-no-preset]")) el.hidden = preset !== "";
    for (const el of form.querySelectorAll("[data-with-preset]")) el.hidden = preset === "";
    const scheme = $("auth").value;
    for (const el of form.querySelectorAll("[data-auth]")) el.hidden = el.dataset.auth !== scheme;
    $("test-now").disabled = type === "heartbeat";
    $("test-now").title = type === "heartbeat" ? "A heartbeat is not probed: its job pings Tickr" : "";
  }

  const shown = (id) => { const el = $(id); return el !== null && !el.closest("[hidden]"); };
  const value = (id) => (shown(id) ? $(id).value.trim() : "");
  const list = (id) => value(id).split(",").map((s) => s.trim()).filter(Boolean);
  const lines = (id) => ($(id) && shown(id) ? $(id).value.split("\n") : [])
    .map((s) => s.trim()).filter(Boolean);
  const number = (text) => (/^-?\d+$/.test(text) ? Number(text) : text);

  function put(m, key, v) {
    if (v !== "" && v !== undefined && !(Array.isArray(v) && v.length === 0)) m[key] = v;
  }

  /** The API's monitor object from the fields, and the problems found before sending it. */
  function build() {
    const m = {};
    const errors = [];
    const type = currentType();
    const preset = chosenPreset();
    const originalPresetKeys = original.preset ? presetKeys(original.preset) : [];
    for (const [k, v] of Object.entries(original)) {
      if (SHOWN.includes(k) || READ_ONLY.includes(k)) continue;
      if (k === "preset" || k === "endpoint" || originalPresetKeys.includes(k)) continue;
      if (type === "heartbeat" ? PROBED_ONLY.includes(k) : HEARTBEAT_ONLY.includes(k)) continue;
      m[k] = v;
    }
    put(m, "name", $("name").value.trim());
    if (preset) {
      m.preset = preset;
      const endpoint = $("preset-" + preset + "-endpoint");
      if (endpoint) m.endpoint = endpoint.value;
      for (const key of presetKeys(preset)) {
        const field = $("preset-" + preset + "-" + key);
        put(m, key, field.type === "password" ? field.value : field.value.trim());
      }
    } else {
      m.type = type;
    }
    if (preset) {
      // The preset writes the request.
    } else if (type === "http") {
      put(m, "url", value("url"));
      if (value("method") !== "GET") put(m, "method", value("method"));
      const headers = {};
      lines("headers").forEach((line, i) => {
        const colon = line.indexOf(":");
        if (colon <= 0) {
          errors.push({ pointer: "/headers", detail: "line " + (i + 1) + ": expected Name: value, got \"" + line + "\"" });
        } else {
          headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
        }
      });
      if (Object.keys(headers).length) m.headers = headers;
      if (shown("body") && $("body").value !== "") m.body = $("body").value;
      const scheme = value("auth");
      if (scheme === "basic") {
        m.auth = { basic: { username: $("auth-username").value, password: $("auth-password").value } };
      } else if (scheme === "bearer") {
        m.auth = { bearer: $("auth-token").value };
      } else if (scheme === "header") {
        m.auth = { header: { name: $("auth-header-name").value.trim(), value: $("auth-header-value").value } };
      } else if (scheme === "oauth2") {
        const o = {
          "token-url": $("auth-oauth2-token-url").value.trim(),
          "client-id": $("auth-oauth2-client-id").value.trim(),
          "client-secret": $("auth-oauth2-client-secret").value,
        };
        if ($("auth-oauth2-scope").value.trim() !== "") o.scope = $("auth-oauth2-scope").value.trim();
        if ($("auth-oauth2-audience").value.trim() !== "") o.audience = $("auth-oauth2-audience").value.trim();
        if ($("auth-oauth2-client-auth").value !== "basic") o["client-auth"] = $("auth-oauth2-client-auth").value;
        const params = {};
        lines("auth-oauth2-params").forEach((line, i) => {
          const eq = line.indexOf("=");
          if (eq <= 0) {
            errors.push({ pointer: "/auth/oauth2/params", detail: "line " + (i + 1) + ": expected name=value, got \"" + line + "\"" });
          } else {
            params[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
          }
        });
        if (Object.keys(params).length) o.params = params;
        m.auth = { oauth2: o };
      } else if (scheme === "signature") {
        try {
          m.auth = { signature: JSON.parse($("auth-signature").value) };
        } catch (e) {
          errors.push({ pointer: "/auth/signature", detail: "not JSON: " + e.message });
        }
      }
      if (value("follow-redirects") === "false") m["follow-redirects"] = false;
      if (value("follow-refresh") === "true") m["follow-refresh"] = true;
      if (value("insecure") === "true") m.insecure = true;
      for (const key of ["max-body", "proxy", "ca-cert", "client-cert", "client-key"]) put(m, key, value(key));
    } else if (type === "heartbeat") {
      put(m, "period", value("period"));
      put(m, "grace", value("grace"));
    } else {
      put(m, "host", value("host"));
      put(m, "port", number(value("port")));
      if (type === "dns") {
        put(m, "query-type", value("query-type"));
        put(m, "nameserver", value("nameserver"));
      }
    }
    if (type !== "heartbeat") {
      put(m, "interval", value("interval"));
      put(m, "timeout", value("timeout"));
      put(m, "conditions", lines("conditions"));
    }
    put(m, "failure-threshold", number(value("failure-threshold")));
    put(m, "success-threshold", number(value("success-threshold")));
    put(m, "tags", list("tags"));
    put(m, "alerts", [...form.querySelectorAll("#alerts input[type=checkbox]:checked")].map((c) => c.value));
    const secrets = {};
    for (const row of $("secret-rows").querySelectorAll(".secret")) {
      const name = row.querySelector(".secret-name").value.trim();
      const secret = row.querySelector(".secret-value").value;
      if (name === "" && secret === "") continue;
      if (name === "") {
        errors.push({ pointer: "/secrets", detail: "a secret needs a name" });
      } else {
        secrets[name] = secret;
      }
    }
    if (Object.keys(secrets).length) m.secrets = secrets;
    return { monitor: m, errors };
  }

  /** The id of the field a JSON Pointer names, or null for the monitor as a whole. */
  function fieldOf(pointer) {
    const parts = (pointer || "").split("/").slice(1)
      .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
    const top = parts[0] || "";
    const preset = chosenPreset();
    if (preset && (top === "endpoint" || presetKeys(preset).includes(top))) {
      if ($("preset-" + preset + "-" + top)) return "preset-" + preset + "-" + top;
    }
    if (top === "auth") {
      const [, scheme, key] = parts;
      if (scheme === "basic") return key === "password" ? "auth-password" : "auth-username";
      if (scheme === "bearer") return "auth-token";
      if (scheme === "header") return key === "value" ? "auth-header-value" : "auth-header-name";
      if (scheme === "signature") return "auth-signature";
      if (scheme === "oauth2" && key && $("auth-oauth2-" + key)) return "auth-oauth2-" + key;
      return "auth";
    }
    if (top === "" || !$(top) || !$(top + "-error")) return null;
    return top;
  }

  function clearProblems() {
    summary.innerHTML = "";
    for (const el of form.querySelectorAll(".field-error")) el.textContent = "";
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
  }

  /** Puts each error next to its field and all of them in the summary. */
  function showProblems(title, errors) {
    clearProblems();
    let items = "";
    for (const e of errors) {
      const id = fieldOf(e.pointer);
      const where = e.pointer ? "<code>" + Tickr.escape(e.pointer) + "</code>: " : "";
      if (id) {
        const slot = $(id + "-error");
        slot.textContent = (slot.textContent ? slot.textContent + " " : "") + e.detail;
        const control = $(id);
        if (control.matches("input, select, textarea")) control.setAttribute("aria-invalid", "true");
        items += "<li><a href=\"#" + id + "\">" + where + Tickr.escape(e.detail) + "</a></li>";
      } else {
        items += "<li>" + where + Tickr.escape(e.detail) + "</li>";
      }
    }
    summary.innerHTML = "<p><strong>" + Tickr.escape(title) + "</strong></p>" +
      (items ? "<ul>" + items + "</ul>" : "");
    summary.focus();
  }

  function showAnswerProblem(answer, what) {
    const body = answer.body && typeof answer.body === "object" ? answer.body : {};
    const errors = body.errors && body.errors.length ? body.errors
      : [{ pointer: "", detail: body.detail || String(answer.body || "request failed (" + answer.status + ")") }];
    showProblems(what + ": " + (body.title || "HTTP " + answer.status), errors);
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const built = build();
    if (built.errors.length) {
      showProblems("Not saved: fix these first", built.errors);
      return;
    }
    const save = $("save");
    save.disabled = true;
    const answer = editing
      ? await Tickr.api("PUT", "/api/v1/monitors/" + encodeURIComponent(editing), built.monitor)
      : await Tickr.api("POST", "/api/v1/monitors", built.monitor);
    save.disabled = false;
    if (answer.ok) {
      const name = (answer.body && answer.body.name) || built.monitor.name;
      location.assign("/monitors/" + encodeURIComponent(name));
      return;
    }
    showAnswerProblem(answer, "Not saved");
  });

  $("test-now").addEventListener("click", async () => {
    const built = build();
    if (built.errors.length) {
      showProblems("Not tested: fix these first", built.errors);
      return;
    }
    clearProblems();
    const button = $("test-now");
    button.disabled = true;
    result.hidden = false;
    result.setAttribute("aria-busy", "true");
    result.innerHTML = "<h2 id=\"test-result-title\">Test result</h2><p>Probing the target once…</p>";
    const path = "/api/v1/monitors/test" + (editing ? "?name=" + encodeURIComponent(editing) : "");
    const answer = await Tickr.api("POST", path, built.monitor);
    button.disabled = false;
    result.removeAttribute("aria-busy");
    if (!answer.ok) {
      result.hidden = true;
      result.innerHTML = "";
      showAnswerProblem(answer, "Not tested");
      return;
    }
    result.innerHTML = report(answer.body);
  });

  const VERDICT = { OK: ["UP", "Passed"], DEGRADED: ["DEGRADED", "Degraded"], FAILED: ["DOWN", "Failed"] };

  /** The test's answer as HTML (every value escaped). */
  function report(r) {
    const e = Tickr.escape;
    const [state, label] = VERDICT[r.verdict] || ["PENDING", r.verdict];
    let h = "<h2 id=\"test-result-title\">Test result</h2>";
    h += "<p id=\"test-verdict\"><span class=\"state state-" + state + "\">" + e(label) + "</span>";
    if (r.error) h += " — <span id=\"test-error\">" + e(r.error) + "</span>";
    if (r.reason) h += " <small>(" + e(r.reason) + ")</small>";
    h += "</p><dl class=\"settings\"><dt>Target</dt><dd><code>" + e(r.url) + "</code></dd>";
    if (r.type === "http") {
      h += "<dt>HTTP status</dt><dd id=\"test-status\">" + (r.status === null ? "no answer" : e(r.status)) + "</dd>";
    }
    h += "</dl>";
    const t = r.timings_ms || {};
    h += "<table id=\"test-timings\"><caption>Timings</caption><thead><tr>";
    const phases = [["dns", "DNS"], ["connect", "Connect"], ["tls", "TLS"], ["ttfb", "First byte"], ["total", "Total"]];
    for (const [, name] of phases) h += "<th scope=\"col\" class=\"num\">" + name + "</th>";
    h += "</tr></thead><tbody><tr>";
    for (const [key] of phases) h += "<td class=\"num\">" + Tickr.ms(t[key]) + "</td>";
    h += "</tr></tbody></table>";
    const c = r.certificate;
    if (c) {
      h += "<h3>Certificate</h3><dl id=\"test-certificate\" class=\"settings\">" +
        "<dt>Subject</dt><dd>" + e(c.subject) + "</dd>" +
        "<dt>Issuer</dt><dd>" + e(c.issuer) + "</dd>" +
        "<dt>Not after</dt><dd><time datetime=\"" + e(c.expires_at) + "\">" + e(Tickr.utc(c.expires_at)) + "</time></dd>" +
        "<dt>Days left</dt><dd>" + e(c.days_left) + "</dd></dl>";
    }
    h += "<h3>Conditions</h3><ul id=\"test-conditions\" class=\"conditions\">";
    for (const k of r.conditions || []) {
      h += "<li class=\"" + (k.success ? "ok-text" : "problem") + "\"><span aria-hidden=\"true\">" +
        (k.success ? "✓" : "✗") + "</span> <span class=\"sr-only\">" + (k.success ? "holds:" : "fails:") +
        "</span> <code>" + e(k.condition) + "</code> — actual <code>" + e(k.actual) + "</code></li>";
    }
    if (!(r.conditions || []).length) h += "<li class=\"muted\">none</li>";
    h += "</ul>";
    if (r.steps) h += steps(r.steps, r.durations_s || {});
    const ev = r.evidence;
    if (ev && (ev.status !== null || ev.headers.length || ev.body)) {
      h += "<details id=\"test-evidence\"><summary>What the target answered</summary>";
      if (ev.status !== null) h += "<p>Status " + e(ev.status) + "</p>";
      if (ev.headers.length) {
        h += "<pre>" + ev.headers.map((x) => e(x.name) + ": " + e(x.value)).join("\n") + "</pre>";
      }
      if (ev.body) h += "<p>Start of the body:</p><pre>" + e(ev.body) + "</pre>";
      h += "</details>";
    }
    return h;
  }

  /** A flow's steps (and named durations) as a table, every value escaped. */
  function steps(list, durations) {
    const e = Tickr.escape;
    let h = "<h3>Steps</h3><table id=\"test-steps\" class=\"results steps\"><thead><tr>" +
      "<th scope=\"col\">Step</th><th scope=\"col\">Status</th><th scope=\"col\" class=\"num\">Tries</th>" +
      "<th scope=\"col\" class=\"num\">Time</th><th scope=\"col\">Reason / message</th>" +
      "<th scope=\"col\">Conditions</th></tr></thead><tbody>";
    for (const s of list) {
      h += "<tr class=\"step-" + e(s.status.toLowerCase()) + "\"><th scope=\"row\">" + e(s.name) + "</th><td>" +
        e(s.status) + "</td><td class=\"num\">" + e(s.attempts) + "</td><td class=\"num\">" +
        (s.status === "SKIPPED" ? "-" : Tickr.ms(s.took_ms)) + "</td><td>" +
        (s.reason ? "<code>" + e(s.reason) + "</code> " : "") + (s.message ? e(s.message) : "") + "</td><td>";
      if (s.conditions.length) {
        h += "<ul class=\"conditions\">" + s.conditions.map((k) => "<li>" + (k.success ? "✓" : "✗") +
          " <code>" + e(k.condition) + "</code> (actual " + e(k.actual) + ")</li>").join("") + "</ul>";
      }
      h += "</td></tr>";
    }
    h += "</tbody></table>";
    const names = Object.keys(durations);
    if (names.length) {
      h += "<h3>Durations</h3><dl id=\"test-durations\" class=\"durations\">" +
        names.map((n) => "<dt>" + e(n) + "</dt><dd>" + Tickr.ms(durations[n] * 1000) + "</dd>").join("") + "</dl>";
    }
    return h;
  }

  let next = $("secret-rows").querySelectorAll(".secret").length;
  $("add-secret").addEventListener("click", () => {
    const row = $("secret-template").content.firstElementChild.cloneNode(true);
    const n = String(next++);
    for (const el of row.querySelectorAll("[id], [for], [aria-describedby]")) {
      for (const attr of ["id", "for", "aria-describedby"]) {
        if (el.hasAttribute(attr)) el.setAttribute(attr, el.getAttribute(attr).replace(/-N\b/g, "-" + n));
      }
    }
    $("secret-rows").appendChild(row);
    row.querySelector(".secret-name").focus();
  });
  $("secret-rows").addEventListener("click", (event) => {
    const remove = event.target.closest(".remove-secret");
    if (remove) remove.closest(".secret").remove();
  });

  $("type").addEventListener("change", showType);
  if ($("preset")) $("preset").addEventListener("change", showType);
  $("auth").addEventListener("change", showType);
  showType();
})();
