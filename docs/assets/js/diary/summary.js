// The diary's codes and sums: what an entry may hold, and what the list, the chart and the
// appointment summary show. Pure functions only (no storage; the words come from words.js), so
// they can be tested alone.

import { words } from "./words.js";

// An entry holds codes (area "lower-back", length "over-10", helped "a-little"), stored the same
// whatever the page's language; words.js names them, in each language, in menu order.
export const AREAS = ["neck", "shoulders", "upper-back", "lower-back", "arms-hands", "legs", "feet", "other"];

/** What a code is called: `kind` is "areas", "lengths" or "helped"; "" for no code. */
export const label = (kind, code, language = words) => language[kind][code] || "";

const plain = (text) => String(text).trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");

/** The code a label names, in any case and with or without accents ("si" is "Sí"); "" if none. */
export const codeOf = (kind, text, language = words) =>
  Object.keys(language[kind]).find((code) => plain(language[kind][code]) === plain(text)) || "";

const pad = (n) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a Date, in local time. */
export const day = (date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The value a datetime-local input shows for a Date: "YYYY-MM-DDTHH:MM", local time. */
export const localWhen = (date) => `${day(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

export const WHEN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** A stored "when" as a local Date (entries keep the reader's wall-clock time, as written). */
export function parseWhen(when) {
  const m = WHEN.exec(when);
  return m ? new Date(+m[1], m[2] - 1, +m[3], +m[4], +m[5]) : null;
}

/** Midnight on the Monday of the week holding `date` (UK weeks start on Monday). */
export function mondayOf(date) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}

/** Entries newest first; "when" strings sort as times because they are fixed-width. */
export const newestFirst = (entries) => [...entries].sort((a, b) => (a.when < b.when ? 1 : a.when > b.when ? -1 : 0));

/** The last `weeks` weeks up to `today`, oldest first: [{start: "YYYY-MM-DD", count, worst}]. */
export function weeklyCounts(entries, today, weeks) {
  const first = mondayOf(today);
  first.setDate(first.getDate() - 7 * (weeks - 1));
  const rows = [];
  for (let i = 0; i < weeks; i++) {
    const start = new Date(first);
    start.setDate(first.getDate() + 7 * i);
    rows.push({ start: day(start), count: 0, worst: null });
  }
  const from = day(first);
  for (const entry of entries) {
    const date = entry.when.slice(0, 10);
    if (date < from || date > day(today)) continue;
    const row = rows[Math.floor(daysBetween(from, date) / 7)];
    row.count += 1;
    if (entry.severity !== null && (row.worst === null || entry.severity > row.worst)) row.worst = entry.severity;
  }
  return rows;
}

function daysBetween(from, to) {
  const a = new Date(+from.slice(0, 4), from.slice(5, 7) - 1, +from.slice(8, 10));
  const b = new Date(+to.slice(0, 4), to.slice(5, 7) - 1, +to.slice(8, 10));
  return Math.round((b - a) / 86400000); // rounding absorbs the hour a clock change adds or takes
}

/** Entries on or after `from` ("YYYY-MM-DD") and on or before `to`. */
export const between = (entries, from, to) => entries.filter((e) => e.when.slice(0, 10) >= from && e.when.slice(0, 10) <= to);

/** How many entries in each body area, every area listed in menu order: [{area, label, count}]. */
export function areaCounts(entries) {
  const counts = Object.fromEntries(AREAS.map((code) => [code, 0]));
  for (const entry of entries) counts[entry.area in counts ? entry.area : "other"] += 1;
  return AREAS.map((area) => ({ area, label: label("areas", area), count: counts[area] }));
}

/** What was tried, grouped by its words (case and spacing ignored), most often first. */
function tally(entries) {
  const groups = new Map();
  for (const entry of entries) {
    const key = entry.tried.trim().replace(/\s+/g, " ").toLowerCase();
    if (!key) continue;
    const group = groups.get(key) || { tried: entry.tried.trim().replace(/\s+/g, " "), count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.tried.localeCompare(b.tried));
}

/** The last four weeks (this week and the three before), for an appointment. */
export function appointment(entries, today) {
  const weeks = weeklyCounts(entries, today, 4);
  const recent = between(entries, weeks[0].start, day(today));
  const rated = recent.filter((e) => e.severity !== null);
  const worst = rated.length ? newestFirst(rated).reduce((w, e) => (e.severity > w.severity ? e : w)) : null;
  return {
    from: weeks[0].start,
    to: day(today),
    total: recent.length,
    weeks,
    worst,
    over10: recent.filter((e) => e.length === "over-10").length,
    areas: areaCounts(recent).filter((a) => a.count > 0),
    helped: tally(recent.filter((e) => e.helped === "yes" || e.helped === "a-little")),
    notHelped: tally(recent.filter((e) => e.helped === "no")),
  };
}

export const BACKUP_DAYS = 21;

/** True when the diary has entries and no copy was exported for three weeks (or ever, three
 *  weeks after the first entry was saved). */
export function needsBackup(state, now) {
  if (!state.entries.length) return false;
  const since = Date.parse(state.backedUpAt || state.startedAt || "");
  return !Number.isFinite(since) || now - since >= BACKUP_DAYS * 86400000;
}
