/*
 * Dates as the tools write them: YYYY-MM-DD in the reader's own time zone, and long dates
 * in Swedish or English. Pure apart from reading the clock when no date is given.
 */

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of `date` (default: now) as YYYY-MM-DD, in local time. */
export function isoDay(date = new Date()) {
  const pad = (n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** True for a real calendar day written YYYY-MM-DD ("2025-02-30" is not one). */
export function validIsoDate(text) {
  const match = typeof text === "string" ? ISO_DATE.exec(text) : null;
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** "3 december 2026" / "3 December 2026" for "2026-12-03"; anything else is returned as it is. */
export function longDate(iso, lang) {
  if (!validIsoDate(iso)) return iso;
  const [year, month, day] = iso.split("-").map(Number);
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(year, month - 1, day))
  );
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `text` when it is an ISO 8601 date and time with a zone ("2026-12-03T14:05:00.000Z"), else "". */
export function timestamp(text) {
  return typeof text === "string" && TIMESTAMP.test(text) && !Number.isNaN(Date.parse(text)) ? text : "";
}

/** "3 dec. 2026 14:05" / "3 Dec 2026, 14:05" for a timestamp, in the reader's time zone; "" for none. */
export function shortDateTime(text, lang, timeZone) {
  if (!timestamp(text)) return "";
  const locale = lang === "sv" ? "sv-SE" : "en-GB";
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(text));
}
