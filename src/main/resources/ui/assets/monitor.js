// A monitor's page: the response-time chart by phase (uPlot) with its range switcher, the state
// and latest results refreshed every 5 s from /ui/monitors/<name>/live, "Check now" with its
// result, notes on incidents, and leaving the page once the monitor is deleted.
"use strict";
(function () {
  const root = document.getElementById("monitor");
  if (!root) return;
  const path = root.dataset.path; // the name, already URL-encoded
  const name = root.dataset.monitor;
  const EVERY_MS = 5000;
  const CHART_EVERY_MS = 60000;
  const esc = Tickr.escape;

  // --- the chart ---
  const chartEl = document.getElementById("chart");
  const summaryEl = document.getElementById("chart-summary");
  const css = getComputedStyle(document.documentElement);
  const cssColor = (name, otherwise) => css.getPropertyValue(name).trim() || otherwise;
  const PHASES = [
    { key: "total", label: "Total", stroke: cssColor("--accent", "#1f6feb"), width: 2.5 },
    { key: "dns", label: "DNS", stroke: "#8250df", dash: [2, 3] },
    { key: "connect", label: "Connect", stroke: "#bf8700", dash: [6, 3] },
    { key: "tls", label: "TLS", stroke: "#2da44e", dash: [1, 3] },
    { key: "ttfb", label: "First byte", stroke: "#0598bc", dash: [8, 3, 2, 3] },
  ];
  let range = "24h";
  let plot = null;
  let chartTimer = 0;

  /** An axis value in ms, with as many decimals as the ticks' spacing needs. */
  function axisMs(v, incr) {
    const decimals = (step) => (Number.isInteger(step) ? 0 : Number.isInteger(step * 10) ? 1 : 2);
    if (v >= 1000) return (v / 1000).toFixed(decimals(incr / 1000)) + " s";
    return v.toFixed(decimals(incr)) + " ms";
  }

  /** A time tick in UTC: HH:MM, the date (MM-DD) at midnight or when ticks are days apart. */
  function axisTime(ts, incr) {
    const iso = new Date(ts * 1000).toISOString();
    const hhmm = iso.slice(11, 16);
    return incr >= 86400 || hhmm === "00:00" ? iso.slice(5, 10) : hhmm;
  }

  /** The indexes of values with no value on either side: a line cannot show them, a dot can. */
  function isolated(u, seriesIdx) {
    const d = u.data[seriesIdx];
    const out = [];
    for (let i = 0; i < d.length; i++) {
      if (d[i] != null && d[i - 1] == null && d[i + 1] == null) out.push(i);
    }
    return out;
  }

  function options(width) {
    const axis = cssColor("--muted", "#57606a");
    const grid = { stroke: cssColor("--line", "#d0d7de"), width: 1 };
    const down = cssColor("--down", "#a40e26");
    return {
      width,
      height: 300,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"),
      scales: {
        x: { time: true },
        ms: { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] },
        n: { range: (u, min, max) => [0, Math.max(1, max || 0) * 3] },
      },
      axes: [
        { stroke: axis, grid, values: (u, ticks, ax, space, incr) => ticks.map((t) => axisTime(t, incr)) },
        { scale: "ms", stroke: axis, grid, size: 70, values: (u, ticks, ax, space, incr) => ticks.map((v) => axisMs(v, incr)) },
        {
          scale: "n",
          side: 1,
          stroke: down,
          grid: { show: false },
          label: "Failed checks",
          values: (u, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : "")),
        },
      ],
      series: [
        { label: "Time (UTC)", value: (u, v) => (v == null ? "-" : Tickr.utc(new Date(v * 1000).toISOString())) },
        ...PHASES.map((p) => ({
          label: p.label,
          scale: "ms",
          stroke: p.stroke,
          width: p.width || 1.5,
          dash: p.dash,
          spanGaps: false,
          points: { show: true, size: 5, fill: p.stroke, filter: isolated },
          value: (u, v) => Tickr.ms(v),
        })),
        {
          label: "Failed checks",
          scale: "n",
          stroke: down,
          fill: down,
          width: 1,
          paths: uPlot.paths.bars({ size: [0.9, 12] }),
          points: { show: false },
          value: (u, v) => (v == null ? "0" : String(v)),
        },
      ],
    };
  }

  function label(text) {
    const wrap = plot && plot.root.querySelector(".u-wrap");
    if (!wrap) return;
    wrap.setAttribute("role", "img");
    wrap.setAttribute("aria-label", "Chart of the response time of " + name + " by phase. " + text);
  }

  async function loadChart() {
    clearTimeout(chartTimer);
    const asked = range;
    const answer = await Tickr.api("GET", "/ui/monitors/" + path + "/series?range=" + asked);
    if (asked !== range) return; // another range was chosen meanwhile
    if (!answer.ok || !answer.body || typeof answer.body !== "object") {
      summaryEl.textContent = "The figures could not be loaded (" + answer.status + "); retrying.";
    } else {
      const b = answer.body;
      summaryEl.textContent = b.summary.text;
      if (window.uPlot && chartEl) {
        const data = [b.t, ...PHASES.map((p) => b[p.key]), b.failed.map((n) => (n > 0 ? n : null))];
        if (plot) plot.setData(data);
        else plot = new uPlot(options(Math.max(280, chartEl.clientWidth)), data, chartEl);
        label(b.summary.text);
      }
    }
    if (!document.hidden) chartTimer = setTimeout(loadChart, CHART_EVERY_MS);
  }

  for (const button of document.querySelectorAll("button[data-range]")) {
    button.addEventListener("click", () => {
      range = button.dataset.range;
      for (const b of document.querySelectorAll("button[data-range]")) {
        b.setAttribute("aria-pressed", String(b === button));
      }
      loadChart();
    });
  }
  window.addEventListener("resize", () => {
    if (plot && chartEl) plot.setSize({ width: Math.max(280, chartEl.clientWidth), height: 300 });
  });

  // --- live state and latest results ---
  const status = document.getElementById("status");
  const latest = document.getElementById("latest");
  const updated = document.getElementById("updated");
  const live = document.getElementById("live");
  let timer = 0;

  function swap(el, html) {
    if (el && el.innerHTML !== html) el.innerHTML = html;
  }

  async function refresh() {
    const answer = await Tickr.api("GET", "/ui/monitors/" + path + "/live");
    if (answer.ok && answer.body && typeof answer.body === "object") {
      const b = answer.body;
      swap(status, b.status);
      swap(latest, b.latest);
      document.title = b.title + " · Tickr";
      if (updated) {
        updated.dateTime = b.at;
        updated.textContent = "· last " + new Date(b.at).toLocaleTimeString();
      }
      live.classList.remove("error");
    } else if (answer.status === 404) {
      live.classList.add("error");
      live.textContent = "This monitor no longer exists.";
      return;
    } else {
      live.classList.add("error");
      if (updated) updated.textContent = "· update failed (" + answer.status + "), retrying";
    }
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    if (!document.hidden) timer = setTimeout(refresh, EVERY_MS);
  }

  document.addEventListener("visibilitychange", () => {
    if (!document.hidden) {
      refresh();
      loadChart();
    } else {
      clearTimeout(timer);
      clearTimeout(chartTimer);
    }
  });

  // --- check now, delete ---
  function checkResult(r) {
    const el = document.getElementById("check-result");
    if (!el || !r || typeof r !== "object") return;
    const ok = r.success === true;
    let html = '<div class="card"><h2>Check now: <span class="state state-' + (ok ? "UP" : "DOWN") +
      '">' + (ok ? "PASSED" : "FAILED") + "</span></h2><p>HTTP status " +
      esc(r.status == null ? "none" : r.status);
    if (r.reason) html += " · reason <code>" + esc(r.reason) + "</code>";
    if (r.error) html += " · " + esc(r.error);
    html += "</p>";
    const t = r.timings_ms || {};
    html += '<table><caption class="sr-only">Timings of this check by phase</caption><thead><tr>' +
      ["DNS", "Connect", "TLS", "First byte", "Total"].map((h) => '<th scope="col" class="num">' + h + "</th>").join("") +
      "</tr></thead><tbody><tr>" +
      ["dns", "connect", "tls", "ttfb", "total"].map((k) => '<td class="num">' + esc(Tickr.ms(t[k])) + "</td>").join("") +
      "</tr></tbody></table>";
    if (r.certificate) {
      html += "<p>Certificate expires " + esc(Tickr.utc(r.certificate.expires_at)) + " (" +
        esc(r.certificate.days_left) + " days left)</p>";
    }
    if (r.conditions && r.conditions.length) {
      html += '<ul class="conditions">' + r.conditions.map((c) =>
        "<li>" + (c.success
          ? '<span class="ok-text" aria-hidden="true">✓</span><span class="sr-only">passed:</span>'
          : '<span class="error" aria-hidden="true">✗</span><span class="sr-only">failed:</span>') +
        " <code>" + esc(c.condition) + "</code> — actual: <code>" + esc(c.actual == null ? "none" : c.actual) +
        "</code></li>").join("") + "</ul>";
    }
    el.innerHTML = html + "</div>";
    refresh();
  }

  document.addEventListener("tickr:done", (event) => {
    const button = event.target;
    if (button.id === "check-now") checkResult(event.detail.body);
    if (button.dataset.gone !== undefined) location.assign("/");
  });

  // --- notes on incidents ---
  document.addEventListener("submit", async (event) => {
    const form = event.target.closest("form.add-note");
    if (!form) return;
    event.preventDefault();
    const text = form.elements.text.value.trim();
    if (!text) {
      Tickr.toast("Write the note first.");
      form.elements.text.focus();
      return;
    }
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    const answer = await Tickr.api("POST", "/api/v1/incidents/" + form.dataset.incident + "/notes",
      { text, public: form.elements.public.checked });
    button.disabled = false;
    if (!answer.ok) {
      Tickr.toast(Tickr.problemText(answer.body));
      return;
    }
    Tickr.toast("Note added.");
    setTimeout(() => location.reload(), 400);
  });

  loadChart();
  schedule();
})();
