// Tickr's dashboard: what every page shares. No framework; calls the REST API with the
// session's CSRF token. Pages add their own script (overview.js, monitor.js, form.js, admin.js).
"use strict";
(function () {
  const csrf = () => {
    const meta = document.querySelector('meta[name="tickr-csrf"]');
    return meta ? meta.content : "";
  };

  /** Calls the API: resolves to {ok, status, body} (body parsed when JSON); never rejects on HTTP errors. */
  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (method !== "GET") headers["X-CSRF-Token"] = csrf();
    const init = { method, headers, credentials: "same-origin" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = typeof body === "string" ? body : JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      return { ok: false, status: 0, body: { title: "Tickr cannot be reached", detail: String(e) } };
    }
    if (res.status === 401 && !path.startsWith("/api/v1/monitors/test")) {
      location.assign("/login?next=" + encodeURIComponent(location.pathname + location.search));
    }
    const type = res.headers.get("Content-Type") || "";
    const parsed = type.includes("json") ? await res.json().catch(() => null) : await res.text();
    return { ok: res.ok, status: res.status, body: parsed };
  }

  /** A problem answer (RFC 9457) as text: title, detail, and each field's error. */
  function problemText(body) {
    if (!body || typeof body !== "object") return String(body || "request failed");
    let text = body.title || "Error";
    if (body.detail && body.detail !== body.title) text += ": " + body.detail;
    for (const e of body.errors || []) text += "\n" + (e.pointer || "") + " " + e.detail;
    return text;
  }

  let toastTimer = 0;
  function toast(text) {
    const el = document.getElementById("toast");
    if (!el) return;
    el.textContent = text;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { el.textContent = ""; }, 6000);
  }

  function escape(text) {
    return String(text).replace(/[&<>"']/g, (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function ms(value) {
    if (value === null || value === undefined || Number.isNaN(value)) return "-";
    return value >= 1000 ? (value / 1000).toFixed(2) + " s" : Math.round(value) + " ms";
  }

  function utc(iso) {
    if (!iso) return "-";
    return iso.replace("T", " ").replace(/\.\d+/, "").replace("Z", " UTC");
  }

  // Buttons that call the API: data-api="POST /api/v1/…", optional data-confirm, data-done
  // (the toast's text) and data-reload (reload the page after success).
  document.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-api]");
    if (!button) return;
    event.preventDefault();
    if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
    const [method, path] = button.dataset.api.split(" ");
    button.disabled = true;
    const answer = await api(method, path, button.dataset.body ? JSON.parse(button.dataset.body) : undefined);
    button.disabled = false;
    if (!answer.ok) {
      toast(problemText(answer.body));
      return;
    }
    toast(button.dataset.done || "Done.");
    if (button.dataset.reload !== undefined) setTimeout(() => location.reload(), 400);
    button.dispatchEvent(new CustomEvent("tickr:done", { bubbles: true, detail: answer }));
  });

  window.Tickr = { api, problemText, toast, escape, ms, utc, csrf };
})();
