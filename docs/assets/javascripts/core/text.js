/*
 * Text and plain-data helpers shared by every tool. Pure: no DOM, no storage, no clock.
 */

/** Keys that must never become properties: they reach Object.prototype. */
export const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** `object[key]` if `object` is an object that has `key` as its own property, else undefined. */
export function own(object, key) {
  return object !== null && typeof object === "object" && Object.prototype.hasOwnProperty.call(object, key)
    ? object[key]
    : undefined;
}

/** True for `{…}` (not null, not a list). */
export function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

// Control characters except tab, line feed and carriage return, and the two Unicode line
// separators (which end a line in JavaScript source and confuse some readers).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g;

/** Text without control characters (line breaks and tabs are kept). */
export function cleanText(value) {
  return String(value).replace(CONTROL, "");
}

/** Text without accents, in lower case: "Åre Kommun" → "are kommun" (for matching, not display). */
export function fold(text) {
  return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
}

/** A file-name part: "Chattbot för bygglov" → "chattbot-for-bygglov", at most `max` characters. */
export function slugify(text, max = 60) {
  const slug = String(text || "")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug.slice(0, max).replace(/-+$/g, "");
}

/** `template` with each {name} replaced by `values[name]`; unknown placeholders stay as they are. */
export function fill(template, values) {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole
  );
}

/** At most `max` characters: whole words, then " …" when something was cut. */
export function shorten(text, max) {
  const value = String(text);
  if (value.length <= max) return value;
  return `${value.slice(0, max - 2).replace(/\s+\S*$/, "")} …`;
}
