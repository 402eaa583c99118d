import assert from "node:assert/strict";
import { test } from "node:test";

import { filterEntries, indexEntry, queryString, selection, statusText } from "../../docs/assets/javascripts/core/catalogue.js";
import { markdownEscape, markdownQuote, yamlString } from "../../docs/assets/javascripts/core/markdown.js";

test("Markdown escaping leaves no HTML, formatting or structure", () => {
  assert.equal(markdownEscape("<b>fet</b> & *x* _y_ [l](u) #h `c` |t| !~"), "&lt;b&gt;fet&lt;/b&gt; &amp; \\*x\\* \\_y\\_ \\[l\\](u) \\#h \\`c\\` \\|t\\| \\!\\~");
  assert.equal(markdownEscape("- item\n+ item\n1. one\n2) two"), "\\- item\n\\+ item\n1\\. one\n2\\) two");
  assert.equal(markdownEscape("1.1 question"), "1.1 question");
  assert.equal(markdownQuote("a\n\n- b"), "> a\n>\n> \\- b");
  assert.equal(yamlString('Say "hi"\n  next\u0000'), '"Say \\"hi\\" next"');
});

const ENTRIES = [
  indexEntry("type=municipality area=health area=education year=2024", "Skolan i Åre kommun"),
  indexEntry("type=municipality area=health year=2023", "Vården i Umeå"),
  indexEntry("type=region area=health year=2024", "Regionens bildanalys"),
  indexEntry("type=state-agency area=education year=2022", "Skolverket"),
];

const pick = (pairs, limit = 50) => filterEntries(ENTRIES, selection(pairs, "q"), limit);

test("an entry's tokens are grouped by filter and its text folded", () => {
  const entry = ENTRIES[0];
  assert.deepEqual(entry.byParam.get("area"), ["area=health", "area=education"]);
  assert.equal(entry.text, "skolan i are kommun");
});

test("no filter shows everything and counts every value", () => {
  const { visible, matches, counts } = pick([["q", ""]]);
  assert.deepEqual(visible, [true, true, true, true]);
  assert.equal(matches, 4);
  assert.equal(counts.get("area=health"), 3);
  assert.equal(counts.get("type=municipality"), 2);
});

test("values of one filter are alternatives; filters and words must all match", () => {
  let result = pick([["type", "municipality"], ["type", "region"]]);
  assert.deepEqual(result.visible, [true, true, true, false]);
  result = pick([["type", "municipality"], ["area", "education"]]);
  assert.deepEqual(result.visible, [true, false, false, false]);
  result = pick([["q", "ÅRE skolan"]]);
  assert.deepEqual(result.visible, [true, false, false, false]);
  result = pick([["q", "nothing"]]);
  assert.equal(result.matches, 0);
});

test("a value's count is what would match if it were chosen too", () => {
  const { counts } = pick([["type", "municipality"], ["area", "education"]]);
  // Another type with area=education: Skolverket (state-agency) would match.
  assert.equal(counts.get("type=state-agency"), 1);
  // Another area for municipalities: health (both municipality entries).
  assert.equal(counts.get("area=health"), 2);
  // The region's entry fails two filters: it counts for nothing.
  assert.equal(counts.get("type=region"), undefined);
  // An entry failing one filter counts only for that filter's values.
  assert.equal(counts.get("year=2022"), undefined);
  assert.equal(counts.get("year=2024"), 1);
});

test("only the first `limit` matches are shown", () => {
  const { visible, matches } = pick([], 2);
  assert.deepEqual(visible, [true, true, false, false]);
  assert.equal(matches, 4);
});

test("status text and query string", () => {
  const strings = { all: "Alla {total}", some: "{matches} av {total}", none: "Inga" };
  assert.equal(statusText(strings, 0, 4), "Inga");
  assert.equal(statusText(strings, 4, 4), "Alla 4");
  assert.equal(statusText(strings, 2, 4), "2 av 4");
  assert.equal(queryString([["q", " skola "], ["type", "region"], ["year", ""]]), "?q=skola&type=region");
  assert.equal(queryString([["q", "  "]]), "");
});
