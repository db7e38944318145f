// The quick diary on tools/spasm-diary: the form, the list, the charts, the appointment summary,
// export, import and delete. Loaded only on that page (overrides/diary.html). Everything stays in
// this browser: no request is made, and every storage failure is said on the page. Every word
// shown comes from words.js, in the page's language.

import { entriesFromCSV, entriesToCSV } from "./csv.js";
import { KEY, StorageProblem, emptyState, keepOldCopy, load, merge, newId, save } from "./store.js";
import {
  appointment, areaCounts, between, day, label, localWhen, needsBackup, newestFirst, parseWhen, weeklyCounts,
} from "./summary.js";
import { words } from "./words.js";

const PAGE_SIZE = 50; // entries shown at first; "Show older entries" adds as many again
const CHART_WEEKS = 8;

const $ = (id) => document.getElementById(id);
const app = $("diary");
const form = $("diary-form");
const dateText = new Intl.DateTimeFormat(words.locale, { weekday: "short", day: "numeric", month: "short", year: "numeric" });
const shortDate = new Intl.DateTimeFormat(words.locale, { day: "numeric", month: "short" });

let state = null; // the diary as last read from storage
let shown = PAGE_SIZE;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

function say(target, text, { alert = false, focus = true } = {}) {
  const box = $(target);
  box.replaceChildren(...(Array.isArray(text) ? text : [text]));
  box.hidden = false;
  box.classList.toggle("diary-message--alert", alert);
  box.setAttribute("role", alert ? "alert" : "status");
  if (focus) box.focus();
}

const whenText = (entry) => {
  const date = parseWhen(entry.when);
  return `${dateText.format(date)}, ${entry.when.slice(11)}`;
};
const severityText = (entry) => words.severity(entry.severity);

/** Read the diary again (another tab may have changed it); a problem is shown and returns null. */
function fresh() {
  const read = load();
  if (read.problem) {
    showProblem(read.problem);
    return null;
  }
  return read.state;
}

function showProblem(kind) {
  say("diary-alert", words.problems[kind], { alert: true, focus: false });
}

/** Save `next`; on failure say why (the page keeps what it showed) and return false. */
function store(next, messageTarget) {
  try {
    save(next);
  } catch (error) {
    if (!(error instanceof StorageProblem)) throw error;
    say(messageTarget, words.problems[error.kind], { alert: true });
    return false;
  }
  state = next;
  render();
  return true;
}

// --- the form --------------------------------------------------------------------------------

function resetForm() {
  form.reset();
  form.elements.when.value = localWhen(new Date());
}

function onSave(event) {
  event.preventDefault();
  const f = form.elements; // by field name ("lasted", not "length": that is the count of fields)
  const missing = [];
  if (!parseWhen(f.when.value)) missing.push("when");
  if (!f.area.value) missing.push("area");
  if (f.severity.value === "") missing.push("severity");
  if (missing.length) {
    say("diary-saved", missing.map((name) => el("p", { text: words.missing[name] })), { alert: true, focus: false });
    const first = f[missing[0]];
    (first.length ? first[0] : first).focus();
    return;
  }
  const current = fresh();
  if (!current) return;
  const entry = {
    id: newId(), when: f.when.value, area: f.area.value, severity: Number(f.severity.value),
    length: f.lasted.value, tried: f.tried.value.trim(), helped: f.helped.value, notes: f.notes.value,
  };
  const next = { ...current, entries: [...current.entries, entry] };
  if (!current.entries.length) next.startedAt = new Date().toISOString();
  if (!store(next, "diary-saved")) return;
  resetForm();
  say("diary-saved", words.saved(`${label("areas", entry.area)}, ${severityText(entry)}, ${whenText(entry)}`));
}

// --- the list --------------------------------------------------------------------------------

function entryItem(entry) {
  const details = [label("areas", entry.area), words.howBad(severityText(entry))];
  if (entry.length) details.push(label("lengths", entry.length));
  const item = el("li", { class: "diary-entry" },
    el("p", { class: "diary-entry__when" }, el("time", { datetime: entry.when.replace("T", " "), text: whenText(entry) })),
    el("p", { text: details.join(". ") + "." }));
  if (entry.tried || entry.helped) {
    const tried = entry.tried ? words.tried(entry.tried) : "";
    const helped = entry.helped ? words.didItHelp(label("helped", entry.helped)) : "";
    item.append(el("p", { text: `${tried} ${helped}`.trim() }));
  }
  if (entry.notes) item.append(el("p", { class: "diary-entry__notes", text: entry.notes }));
  const remove = el("button", {
    type: "button", class: "diary-button diary-button--small", "data-delete": entry.id,
    "aria-label": words.deleteLabel(whenText(entry)), text: words.delete,
  });
  item.append(remove);
  return item;
}

// An entry never changes once saved, so its list item is made once and reused on every redraw.
const items = new Map();
const itemOf = (entry) => items.get(entry.id) || items.set(entry.id, entryItem(entry)).get(entry.id);

function renderList(entries) {
  const list = $("diary-list");
  const sorted = newestFirst(entries);
  list.replaceChildren(...sorted.slice(0, shown).map(itemOf));
  $("diary-count").textContent = sorted.length === 0 ? words.noEntries : words.count(sorted.length, shown);
  $("diary-more").hidden = sorted.length <= shown;
}

function onListClick(event) {
  const button = event.target.closest("[data-delete]");
  if (!button) return;
  const current = fresh();
  if (!current) return;
  const entry = current.entries.find((e) => e.id === button.dataset.delete);
  if (!entry) return render();
  if (!window.confirm(words.deleteAsk(whenText(entry)))) return;
  const next = { ...current, entries: current.entries.filter((e) => e.id !== entry.id) };
  if (store(next, "diary-status")) say("diary-status", words.deleted(whenText(entry)));
}

// --- the charts --------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Horizontal bars, one row per item, the number written at the end of each bar. */
function barChart(rows) {
  const rowHeight = 32, labelWidth = 124, barSpace = 150, max = Math.max(1, ...rows.map((r) => r.count));
  const chart = svg("svg", {
    viewBox: `0 0 320 ${rows.length * rowHeight}`, class: "diary-chart", "aria-hidden": "true", focusable: "false",
  });
  rows.forEach((row, i) => {
    const y = i * rowHeight;
    const width = Math.round((row.count / max) * barSpace);
    chart.append(
      svg("text", { x: 0, y: y + 21, class: "diary-chart__label" }, row.label),
      svg("rect", { x: labelWidth, y: y + 6, width: Math.max(width, 1), height: rowHeight - 12, rx: 2 }),
      svg("text", { x: labelWidth + width + 6, y: y + 21, class: "diary-chart__count" }, String(row.count)),
    );
  });
  return chart;
}

// class="diary-table": Material restyles and wraps only tables without a class, and only once as
// the page opens, so a redrawn table would look different from the first one.
function table(caption, headings, rows) {
  return el("table", { class: "diary-table" },
    el("caption", { text: caption }),
    el("thead", {}, el("tr", {}, ...headings.map((h) => el("th", { scope: "col", text: h })))),
    el("tbody", {}, ...rows.map((cells) => el("tr", {},
      el("th", { scope: "row", text: String(cells[0]) }), ...cells.slice(1).map((c) => el("td", { text: String(c) }))))));
}

function weekName(start) {
  return shortDate.format(parseWhen(`${start}T00:00`));
}

function renderCharts(entries, today) {
  const weeks = weeklyCounts(entries, today, CHART_WEEKS);
  const areas = areaCounts(between(entries, weeks[0].start, day(today)));
  // The numbers again as tables, for screen readers (the bars are hidden from them); a table
  // ignores the clip of .visually-hidden, so a box around it carries the class.
  const hidden = (node) => el("div", { class: "visually-hidden" }, node);
  $("diary-weeks").replaceChildren(
    barChart(weeks.map((w) => ({ label: weekName(w.start), count: w.count }))),
    hidden(table(words.weeksCaption, [words.weekStarting, words.spasmsHead],
      weeks.map((w) => [weekName(w.start), w.count]))));
  $("diary-areas").replaceChildren(
    barChart(areas),
    hidden(table(words.areasCaption, [words.whereHead, words.spasmsHead],
      areas.map((a) => [a.label, a.count]))));
}

// --- for my appointment ------------------------------------------------------------------------

function tallyList(tallied, none) {
  if (!tallied.length) return el("p", { text: none });
  return el("ul", {}, ...tallied.slice(0, 6).map((t) => el("li", { text: `${t.tried} (${words.times(t.count)})` })));
}

function renderSummary(entries, today) {
  const s = appointment(entries, today);
  const from = dateText.format(parseWhen(`${s.from}T00:00`));
  const worst = s.worst
    ? words.worstWas(s.worst.severity, whenText(s.worst), label("areas", s.worst.area))
    : words.notNoted;
  $("diary-summary-body").replaceChildren(
    el("p", { text: words.fromTo(from, dateText.format(today)) }),
    el("p", {}, el("strong", { text: words.spasms }), words.inFourWeeks(s.total)),
    el("p", {}, el("strong", { text: words.worst }), worst),
    el("p", {}, el("strong", { text: words.over10 }), `${words.times(s.over10)}.`),
    table(words.eachWeek, [words.weekStarting, words.spasmsHead, words.worstHead],
      s.weeks.map((w) => [weekName(w.start), w.count, w.worst === null ? "-" : w.worst])),
    el("p", {}, el("strong", { text: words.where }),
      s.areas.length ? s.areas.map((a) => `${a.label} ${a.count}`).join(", ") + "." : words.noSpasms),
    el("h4", { text: words.whatHelped }), tallyList(s.helped, words.nothingNoted),
    el("h4", { text: words.whatDidNotHelp }), tallyList(s.notHelped, words.nothingNoted),
  );
}

function printSummary() {
  printing = true;
  document.documentElement.classList.add("diary-print-summary");
  window.print();
}

let printing = false;
window.addEventListener("beforeprint", () => {
  // Printed any other way (the browser's menu), the page prints as the paper diary.
  if (!printing) document.documentElement.classList.remove("diary-print-summary");
});
window.addEventListener("afterprint", () => {
  printing = false;
  document.documentElement.classList.remove("diary-print-summary");
});

// --- export, import, delete all ------------------------------------------------------------------

function onExport() {
  const current = fresh();
  if (!current) return;
  const name = `${words.fileName}-${day(new Date())}.csv`;
  const url = URL.createObjectURL(new Blob([entriesToCSV(newestFirst(current.entries))], { type: "text/csv;charset=utf-8" }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  if (store({ ...current, backedUpAt: new Date().toISOString() }, "diary-status")) {
    say("diary-status", words.exported(name));
  }
}

async function onImport(event) {
  const file = event.target.files[0];
  event.target.value = "";
  if (!file) return;
  const { entries, problems } = entriesFromCSV(await file.text());
  if (problems.length) {
    const shownProblems = problems.slice(0, 8).map((p) => el("li", { text: p }));
    if (problems.length > 8) shownProblems.push(el("li", { text: words.moreProblems(problems.length - 8) }));
    say("diary-status", [el("p", { text: words.notRead(file.name) }), el("ul", {}, ...shownProblems)],
      { alert: true });
    return;
  }
  const current = fresh();
  if (!current) return;
  const result = merge(current, entries);
  if (!current.entries.length && result.added) result.state.startedAt = new Date().toISOString();
  if (store(result.state, "diary-status")) {
    say("diary-status", words.added(result.added, file.name, result.skipped));
  }
}

function onDeleteAll() {
  const current = fresh();
  if (!current) return;
  if (!current.entries.length) return say("diary-status", words.alreadyEmpty);
  if (!window.confirm(words.deleteAllAsk(current.entries.length))) return;
  if (store({ ...emptyState(new Date()), backedUpAt: current.backedUpAt }, "diary-status")) {
    say("diary-status", words.allDeleted);
  }
}

// --- the whole page --------------------------------------------------------------------------

function render() {
  const began = performance.now();
  const today = new Date();
  renderList(state.entries);
  renderCharts(state.entries, today);
  renderSummary(state.entries, today);
  $("diary-reminder").hidden = !needsBackup(state, today);
  performance.measure("diary-render", { start: began }); // read by scripts/bench_diary.py
}

function start() {
  document.querySelector(".diary-needs-js").hidden = true;
  app.hidden = false;
  resetForm();
  const read = load();
  if (read.problem) {
    showProblem(read.problem);
    state = emptyState(new Date());
    render();
    return;
  }
  state = read.state;
  if (read.upgraded) {
    keepOldCopy(read.text);
    try {
      save(state);
    } catch (error) {
      showProblem(error.kind || "blocked"); // still shown from the upgraded copy in memory
    }
  }
  render();
}

form.addEventListener("submit", onSave);
$("diary-list").addEventListener("click", onListClick);
$("diary-more").addEventListener("click", () => {
  shown += PAGE_SIZE;
  render();
});
$("diary-print").addEventListener("click", printSummary);
for (const button of document.querySelectorAll("[data-diary-export]")) button.addEventListener("click", onExport);
$("diary-import").addEventListener("change", onImport);
$("diary-delete-all").addEventListener("click", onDeleteAll);
window.addEventListener("storage", (event) => {
  // Another tab changed the diary: show what is stored now.
  if (event.key !== KEY && event.key !== null) return;
  const read = load();
  if (!read.problem) {
    state = read.state;
    render();
  }
});
start();
