// Where the diary lives: one key in the browser's local storage, on this device only.
//
// The stored value carries a format version, so a later page can read what an earlier one wrote.
//   version 1 (the first quick diary) copied the paper sheet's columns, all as typed text:
//     {"version": 1, "rows": [{"date": "2026-11-02", "time": "21:30", "muscle": "left calf",
//       "minutes": "5", "pain": "7", "tried": "stretching", "helped": "yes", "medicines": ""}]}
//   version 2 (now) has an ID per entry (so an import can merge without duplicates), a body area
//     from a fixed list, and the dates a backup reminder needs:
//     {"version": 2, "startedAt": ISO time, "backedUpAt": ISO time or null,
//      "entries": [{"id", "when": "YYYY-MM-DDTHH:MM", "area", "severity": 0-10 or null,
//                   "length", "tried", "helped", "notes"}]}
// upgrade() turns version 1 into version 2 and keeps every word: what has no field of its own
// goes into the notes.

export const KEY = "spasm-relief-guide:diary";
export const VERSION = 2;

export const emptyState = (now) => ({ version: VERSION, startedAt: now.toISOString(), backedUpAt: null, entries: [] });

/** A new entry ID: random, so two phones never make the same one. */
export function newId() {
  const bytes = crypto.getRandomValues(new Uint8Array(9));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// Words in a version 1 "muscle" that name one of today's body areas (most specific first).
const AREA_WORDS = [
  ["upper-back", /upper back|shoulder blade/], ["lower-back", /lower back|low back|\bbuttock/],
  ["neck", /\bneck/], ["shoulders", /shoulder/], ["arms-hands", /\b(arm|hand|wrist|finger|elbow|thumb)/],
  ["feet", /\b(foot|feet|toe|arch|sole)/], ["legs", /\b(leg|calf|calves|thigh|hamstring|knee|shin)/],
];

function areaFromWords(text) {
  const words = text.toLowerCase();
  return (AREA_WORDS.find(([, pattern]) => pattern.test(words)) || ["other"])[0];
}

function lengthFromMinutes(text) {
  const minutes = Number(String(text).trim());
  if (!String(text).trim() || !Number.isFinite(minutes) || minutes < 0) return "";
  return minutes < 1 ? "under-1" : minutes <= 5 ? "1-5" : minutes <= 10 ? "6-10" : "over-10";
}

function helpedFromWords(text) {
  const words = text.trim().toLowerCase();
  if (/^(yes|y)\b/.test(words)) return "yes";
  if (/^(no|n)\b/.test(words)) return "no";
  if (/^(a little|a bit|slightly)\b/.test(words)) return "a-little";
  return "";
}

/** A version 1 diary as version 2. `makeId` and `now` are passed in so a test can fix them. */
export function upgrade(old, now, makeId = newId) {
  const entries = (old.rows || []).map((row) => {
    const text = (name) => String(row[name] ?? "").trim();
    const notes = [];
    const date = /^\d{4}-\d{2}-\d{2}$/.test(text("date")) ? text("date") : now.toISOString().slice(0, 10);
    if (date !== text("date")) notes.push(`Date written as: ${text("date") || "(empty)"}`);
    const time = /^\d{2}:\d{2}$/.test(text("time")) ? text("time") : "00:00";
    if (time !== text("time")) notes.push(`Time written as: ${text("time") || "(empty)"}`);
    if (text("muscle")) notes.push(`Muscle: ${text("muscle")}`);
    const pain = Number(text("pain"));
    const severity = text("pain") !== "" && Number.isInteger(pain) && pain >= 0 && pain <= 10 ? pain : null;
    if (severity === null && text("pain")) notes.push(`How bad: ${text("pain")}`);
    const length = lengthFromMinutes(text("minutes"));
    if (text("minutes")) notes.push(`How long: ${text("minutes")}${length ? " minutes" : ""}`);
    const helped = helpedFromWords(text("helped"));
    if (text("helped") && !["yes", "no"].includes(text("helped").toLowerCase())) notes.push(`What helped: ${text("helped")}`);
    if (text("medicines")) notes.push(`New medicines: ${text("medicines")}`);
    return {
      id: makeId(), when: `${date}T${time}`, area: areaFromWords(text("muscle")), severity,
      length, tried: text("tried"), helped, notes: notes.join("\n"),
    };
  });
  return { version: VERSION, startedAt: now.toISOString(), backedUpAt: null, entries };
}

/** What a stored text holds: {state} to use, or {problem} when it must not be touched. */
export function fromStored(text, now, makeId = newId) {
  if (text === null) return { state: emptyState(now), upgraded: false };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: "unreadable" };
  }
  if (data && data.version === VERSION && Array.isArray(data.entries)) return { state: data, upgraded: false };
  if (data && data.version === 1 && Array.isArray(data.rows)) return { state: upgrade(data, now, makeId), upgraded: true };
  if (data && Number(data.version) > VERSION) return { problem: "newer" };
  return { problem: "unreadable" };
}

/** Add imported entries whose IDs the diary does not have yet. */
export function merge(state, incoming) {
  const known = new Set(state.entries.map((e) => e.id));
  const added = incoming.filter((e) => !known.has(e.id));
  return { state: { ...state, entries: [...state.entries, ...added] }, added: added.length, skipped: incoming.length - added.length };
}

export class StorageProblem extends Error {
  constructor(kind, cause) {
    super(kind);
    this.kind = kind; // "blocked": the browser refuses storage; "full": no room left
    this.cause = cause;
  }
}

const isFull = (error) => error && (error.name === "QuotaExceededError" || error.code === 22 || error.code === 1014);

/** The browser's storage, or a StorageProblem thrown when it is switched off. */
function storage() {
  try {
    return window.localStorage;
  } catch (error) {
    throw new StorageProblem("blocked", error);
  }
}

/** Read the diary: {state, upgraded} or {problem: "blocked" | "unreadable" | "newer"}. */
export function load(now = new Date()) {
  let text;
  try {
    text = storage().getItem(KEY);
  } catch (error) {
    return { problem: "blocked" };
  }
  return { ...fromStored(text, now), text };
}

/** Write the diary; throws StorageProblem("full" or "blocked") so the caller can say so. */
export function save(state) {
  try {
    storage().setItem(KEY, JSON.stringify(state));
  } catch (error) {
    if (error instanceof StorageProblem) throw error;
    throw new StorageProblem(isFull(error) ? "full" : "blocked", error);
  }
}

/** Keep a copy of the version 1 text before the upgrade overwrites it (best effort). */
export function keepOldCopy(text) {
  try {
    storage().setItem(`${KEY}:version-1-copy`, text);
  } catch {
    // no room for a copy: the upgraded diary holds every word anyway
  }
}
