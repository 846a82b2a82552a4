// The overview's live updates: every 5 s, the same query's rows, counts and pager from
// /ui/overview (rendered by the server, already escaped), swapped in when they changed.
"use strict";
(function () {
  const EVERY_MS = 5000;
  const rows = document.getElementById("rows");
  const summary = document.getElementById("summary");
  const pager = document.getElementById("pager");
  const updated = document.getElementById("updated");
  const live = document.getElementById("live");
  if (!rows) return;
  let timer = 0;

  function swap(el, html) {
    if (el && el.innerHTML !== html) el.innerHTML = html;
  }

  async function refresh() {
    const answer = await Tickr.api("GET", "/ui/overview" + location.search);
    if (answer.ok && answer.body && typeof answer.body === "object") {
      const b = answer.body;
      swap(rows, b.rows);
      swap(summary, b.summary);
      swap(pager, b.pager);
      document.title = (b.down > 0 ? b.down + " down" : "Overview") + " · Tickr";
      if (updated) {
        updated.dateTime = b.at;
        updated.textContent = "· last " + new Date(b.at).toLocaleTimeString();
      }
      live.classList.remove("error");
    } else if (live) {
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
    if (!document.hidden) refresh();
    else clearTimeout(timer);
  });
  schedule();
})();
