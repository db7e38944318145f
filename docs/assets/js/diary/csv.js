// The diary as a CSV file (RFC 4180): a backup that opens in a spreadsheet, and that import reads
// back exactly. Pure functions only.

import { AREAS, HELPED, LENGTHS, WHEN, codeOf, label } from "./summary.js";

export const HEADER = ["Entry ID", "Date and time", "Where", "How bad (0-10)", "How long", "What I tried", "Did it help", "Notes"];
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
    if (afterQuote) return { records, problem: { line, message: "there is text after a closing quote mark" } };
    if (c === '"') return { records, problem: { line, message: "a quote mark is in the middle of a value" } };
    value += c; i += 1;
  }
  if (quoted) return { records, problem: { line: start, message: "a quote mark is opened but never closed" } };
  if (value !== "" || fields.length || afterQuote) endRecord();
  return { records, problem: null };
}

const csvWhen = (when) => when.replace("T", " ");

/** The diary as a CSV file's text, newest entry first. */
export function entriesToCSV(entries) {
  const rows = entries.map((e) => [
    e.id, csvWhen(e.when), label(AREAS, e.area), e.severity === null ? "" : e.severity,
    label(LENGTHS, e.length), e.tried, label(HELPED, e.helped), e.notes,
  ]);
  return BOM + toCSV([HEADER, ...rows]);
}

/** Entries from a CSV file's text: {entries, problems}. Each problem names its line; when there
 *  is any problem, `entries` is empty, so a bad file never changes the diary. */
export function entriesFromCSV(text) {
  const { records, problem } = parseCSV(text.replace(/^\uFEFF/, ""));
  if (problem) return { entries: [], problems: [`Line ${problem.line}: ${problem.message}.`] };
  const rows = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!rows.length) return { entries: [], problems: ["The file is empty."] };
  const [head, ...body] = rows;
  if (head.fields.join(",") !== HEADER.join(",")) {
    return { entries: [], problems: [`Line ${head.line}: this is not a diary file saved by this page. ` +
      `Its first line should be: ${HEADER.join(", ")}.`] };
  }
  const entries = [], problems = [], ids = new Set();
  for (const { line, fields } of body) {
    const say = (message) => problems.push(`Line ${line}: ${message}`);
    if (fields.length !== HEADER.length) { say(`it has ${fields.length} values, not ${HEADER.length}.`); continue; }
    const [id, when, where, bad, long, tried, helped, notes] = fields;
    const entry = {
      id: id.trim(), when: when.trim().replace(" ", "T"), area: codeOf(AREAS, where),
      severity: bad.trim() === "" ? null : Number(bad), length: long.trim() ? codeOf(LENGTHS, long) : "",
      tried, helped: helped.trim() ? codeOf(HELPED, helped) : "", notes,
    };
    const before = problems.length;
    if (!entry.id) say("the entry ID is empty.");
    else if (ids.has(entry.id)) say(`the entry ID ${entry.id} is used twice.`);
    if (!WHEN.test(entry.when)) say(`the date and time "${when}" should look like 2026-11-30 21:45.`);
    if (!entry.area) say(`"${where}" is not a body area. Use one of: ${AREAS.map(([, l]) => l).join(", ")}.`);
    if (entry.severity !== null && !(Number.isInteger(entry.severity) && entry.severity >= 0 && entry.severity <= 10)) {
      say(`how bad is "${bad}"; it should be a whole number from 0 to 10.`);
    }
    if (long.trim() && !entry.length) say(`"${long}" is not a length. Use one of: ${LENGTHS.map(([, l]) => l).join(", ")}.`);
    if (helped.trim() && !entry.helped) say(`"${helped}" should be one of: ${HELPED.map(([, l]) => l).join(", ")}.`);
    ids.add(entry.id);
    if (problems.length === before) entries.push(entry);
  }
  return problems.length ? { entries: [], problems } : { entries, problems };
}
