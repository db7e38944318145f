// The diary as a CSV file (RFC 4180): a backup that opens in a spreadsheet, and that import reads
// back exactly. Pure functions only. A file is written in the page's language; import reads a file
// written in any language words.js knows (its first line says which), so a reader who moves to the
// other edition of the site loses nothing.

import { WHEN, codeOf, label } from "./summary.js";
import { LANGUAGES, words } from "./words.js";

export const HEADER = words.header;
const BOM = "\uFEFF"; // tells Excel the file is UTF-8, so emoji and accents open intact

/** One field, quoted when it holds a comma, a quote, a line break, or space at either end. */
function field(value) {
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const toCSV = (rows) => rows.map((row) => row.map(field).join(",") + "\r\n").join("");

/** Records of a CSV text: {records: [{line, fields}], problem: null | {line, message}}.
 *  `line` is the line a record starts on (a quoted field may hold line breaks). */
export function parseCSV(text) {
  const records = [];
  let fields = [], value = "", line = 1, start = 1, i = 0, quoted = false, afterQuote = false;
  const endField = () => { fields.push(value); value = ""; afterQuote = false; };
  const endRecord = () => { endField(); records.push({ line: start, fields }); fields = []; };
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; afterQuote = true; i += 1; continue; }
      if (c === "\n") line += 1;
      value += c; i += 1; continue;
    }
    if (c === '"' && value === "" && !afterQuote) { quoted = true; i += 1; continue; }
    if (c === ",") { endField(); i += 1; continue; }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line += 1; start = line; continue;
    }
    if (afterQuote) return { records, problem: { line, message: words.textAfterQuote } };
    if (c === '"') return { records, problem: { line, message: words.quoteInside } };
    value += c; i += 1;
  }
  if (quoted) return { records, problem: { line: start, message: words.quoteNotClosed } };
  if (value !== "" || fields.length || afterQuote) endRecord();
  return { records, problem: null };
}

const csvWhen = (when) => when.replace("T", " ");

/** The diary as a CSV file's text, newest entry first, in the page's language. */
export function entriesToCSV(entries) {
  const rows = entries.map((e) => [
    e.id, csvWhen(e.when), label("areas", e.area), e.severity === null ? "" : e.severity,
    label("lengths", e.length), e.tried, label("helped", e.helped), e.notes,
  ]);
  return BOM + toCSV([HEADER, ...rows]);
}

/** Entries from a CSV file's text: {entries, problems}. Each problem names its line; when there
 *  is any problem, `entries` is empty, so a bad file never changes the diary. */
export function entriesFromCSV(text) {
  const { records, problem } = parseCSV(text.replace(/^\uFEFF/, ""));
  if (problem) return { entries: [], problems: [words.line(problem.line, `${problem.message}.`)] };
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!rows.length) return { entries: [], problems: [words.emptyFile] };
  const [head, ...body] = rows;
  // The file's language: the one whose first line it has. Its labels are read in that language.
  const file = Object.values(LANGUAGES).find((l) => l.header.join(",") === head.fields.join(","));
  if (!file) return { entries: [], problems: [words.line(head.line, words.notADiary(HEADER.join(", ")))] };
  const choices = (kind) => Object.values(file[kind]).join(", ");
  const entries = [], problems = [], ids = new Set();
  for (const { line, fields } of body) {
    const say = (message) => problems.push(words.line(line, message));
    if (fields.length !== HEADER.length) { say(words.values(fields.length, HEADER.length)); continue; }
    const [id, when, where, bad, long, tried, helped, notes] = fields;
    const entry = {
      id: id.trim(), when: when.trim().replace(" ", "T"), area: codeOf("areas", where, file),
      severity: bad.trim() === "" ? null : Number(bad), length: long.trim() ? codeOf("lengths", long, file) : "",
      tried, helped: helped.trim() ? codeOf("helped", helped, file) : "", notes,
    };
    const before = problems.length;
    if (!entry.id) say(words.noId);
    else if (ids.has(entry.id)) say(words.idTwice(entry.id));
    if (!WHEN.test(entry.when)) say(words.badWhen(when));
    if (!entry.area) say(words.badArea(where, choices("areas")));
    if (entry.severity !== null && !(Number.isInteger(entry.severity) && entry.severity >= 0 && entry.severity <= 10)) {
      say(words.badSeverity(bad));
    }
    if (long.trim() && !entry.length) say(words.badLength(long, choices("lengths")));
    if (helped.trim() && !entry.helped) say(words.badHelped(helped, choices("helped")));
    ids.add(entry.id);
    if (problems.length === before) entries.push(entry);
  }
  return problems.length ? { entries: [], problems } : { entries, problems };
}
