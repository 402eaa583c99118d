import assert from "node:assert/strict";
import { test } from "node:test";

import { FORBIDDEN_KEYS, cleanText, fill, fold, isPlainObject, own, shorten, slugify } from "../../docs/assets/javascripts/core/text.js";

test("own reads only own properties of objects", () => {
  const object = JSON.parse('{"__proto__": {"x": 1}, "a": 2}');
  assert.equal(own(object, "a"), 2);
  assert.deepEqual(own(object, "__proto__"), { x: 1 }); // JSON.parse makes it an own key, not a prototype
  assert.equal(own(object, "toString"), undefined);
  assert.equal(own(null, "a"), undefined);
  assert.equal(own("text", "length"), undefined);
  assert.ok(FORBIDDEN_KEYS.has("__proto__") && FORBIDDEN_KEYS.has("constructor") && FORBIDDEN_KEYS.has("prototype"));
});

test("isPlainObject is true for objects only", () => {
  assert.equal(isPlainObject({}), true);
  assert.equal(isPlainObject(Object.create(null)), true);
  for (const value of [null, [], "x", 1, undefined]) assert.equal(isPlainObject(value), false);
});

test("cleanText drops control characters but keeps line breaks and tabs", () => {
  assert.equal(cleanText("a\u0000b\u0007c\td\ne\r\u2028f\u007f"), "abc\td\ne\rf");
  assert.equal(cleanText(12), "12");
});

test("fold and slugify remove accents", () => {
  assert.equal(fold("Åre KOMMUN é"), "are kommun e");
  assert.equal(slugify("Handläggningsstöd ÅÄÖ"), "handlaggningsstod-aao");
  assert.equal(slugify("  --Chattbot för  bygglov!--  "), "chattbot-for-bygglov");
  assert.equal(slugify(""), "");
  assert.equal(slugify(null), "");
  assert.equal(slugify("abc def ghi", 5), "abc-d");
  assert.equal(slugify("abcd efgh", 5), "abcd"); // no hyphen at the end
});

test("fill replaces known placeholders and keeps unknown ones", () => {
  assert.equal(fill("{a} and {b}", { a: 1 }), "1 and {b}");
  assert.equal(fill("{toString}", {}), "{toString}");
  assert.equal(fill("no values", null), "no values");
});

test("shorten cuts at a word and marks the cut", () => {
  assert.equal(shorten("short", 10), "short");
  const long = "ord ".repeat(100).trim();
  const cut = shorten(long, 300);
  assert.ok(cut.length <= 300 && cut.endsWith(" …"), cut);
  assert.equal(shorten("alpha beta gamma", 12), "alpha …");
});
