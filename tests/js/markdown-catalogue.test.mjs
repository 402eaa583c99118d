import assert from "node:assert/strict";
import { test } from "node:test";

import {
  activeFilters,
  filterEntries,
  indexEntry,
  queryString,
  selection,
  statusText,
} from "../../docs/assets/javascripts/core/catalogue.js";
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

test("the free-text search finds other forms of a word in the page's language", () => {
  const entries = [
    indexEntry("", "Skolplacering i Göteborg"),
    indexEntry("", "Grundskollärare i Kalmar prövar generativ AI"),
    indexEntry("", "Vården i Umeå"),
  ];
  for (const word of ["skola", "skolan", "SKOLOR"]) {
    assert.deepEqual(filterEntries(entries, selection([["q", word]], "q", "sv"), 50).visible, [true, true, false], word);
  }
  const english = [indexEntry("", "School placement in Gothenburg"), indexEntry("", "Health care")];
  assert.deepEqual(filterEntries(english, selection([["q", "schools"]], "q", "en"), 50).visible, [true, false]);
});

test("active filters become chips with the labels of the form, in both languages", () => {
  const labels = new Map([
    ["type=municipality", { filter: "Typ av organisation", value: "Kommun" }],
    ["year=2024", { filter: "Startår", value: "2024" }],
  ]);
  const strings = { text: "Sökord", remove: "Ta bort filtret {filter}: {value}" };
  const pairs = [["q", " skolan "], ["type", "municipality"], ["type", "unknown"], ["year", ""], ["year", "2024"]];
  assert.deepEqual(activeFilters(pairs, "q", labels, strings), [
    { name: "q", value: " skolan ", text: "skolan", remove: "Ta bort filtret Sökord: skolan" },
    { name: "type", value: "municipality", text: "Kommun", remove: "Ta bort filtret Typ av organisation: Kommun" },
    { name: "year", value: "2024", text: "2024", remove: "Ta bort filtret Startår: 2024" },
  ]);
  const english = { text: "Search words", remove: "Remove the filter {filter}: {value}" };
  assert.equal(activeFilters([["q", "ai"]], "q", labels, english)[0].remove, "Remove the filter Search words: ai");
  assert.deepEqual(activeFilters([["q", ""]], "q", labels, strings), []);
});
