import assert from "node:assert/strict";
import { test } from "node:test";

import { isoDay, longDate, shortDateTime, timestamp, validIsoDate } from "../../docs/assets/javascripts/core/dates.js";
import { RECORD_ID, idMaker, newId } from "../../docs/assets/javascripts/core/ids.js";
import { createTranslator } from "../../docs/assets/javascripts/core/strings.js";

const STRINGS = {
  hello: { sv: "Hej {name}", en: "Hello {name}" },
  only_sv: { sv: "Bara svenska", en: "" },
};

test("t looks up a string in the page's language or another", () => {
  const t = createTranslator(STRINGS, "en");
  assert.equal(t("hello", { name: "Eva" }), "Hello Eva");
  assert.equal(t("hello", { name: "Eva" }, "sv"), "Hej Eva");
  assert.equal(t("only_sv"), "Bara svenska"); // falls back to Swedish
  assert.equal(t("missing_key"), "missing_key");
  assert.equal(t("toString"), "toString"); // no inherited properties
});

test("dates: today, validity and long dates in both languages", () => {
  assert.equal(isoDay(new Date(2026, 11, 3, 23, 59)), "2026-12-03");
  assert.match(isoDay(), /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(validIsoDate("2024-02-29"), true);
  for (const text of ["2025-02-29", "2025-13-01", "2025-1-01", "20250101", "", null, 20250101]) {
    assert.equal(validIsoDate(text), false, String(text));
  }
  assert.equal(longDate("2026-12-03", "sv"), "3 december 2026");
  assert.equal(longDate("2026-12-03", "en"), "3 December 2026");
  assert.equal(longDate("2025-13-45", "sv"), "2025-13-45");
});

test("timestamps: only ISO 8601 with a zone, shown short in both languages", () => {
  for (const text of ["2026-12-03T14:05:00.000Z", "2026-12-03T14:05Z", "2026-12-03T14:05:00+01:00"]) {
    assert.equal(timestamp(text), text);
  }
  for (const text of ["2026-12-03", "2026-12-03T14:05:00", "2026-13-03T14:05:00Z", "now", null, 5]) {
    assert.equal(timestamp(text), "", String(text));
  }
  assert.equal(shortDateTime("2026-12-03T14:05:00.000Z", "sv", "UTC"), "3 dec. 2026 14:05");
  assert.equal(shortDateTime("2026-12-03T14:05:00.000Z", "en", "UTC"), "3 Dec 2026, 14:05");
  assert.equal(shortDateTime("", "sv"), "");
});

test("ids: records get safe random ids, elements get numbered ones", () => {
  const id = newId(1_700_000_000_000, () => 0.123456789);
  assert.match(id, RECORD_ID);
  assert.equal(id, `a${(1_700_000_000_000).toString(36)}4fzzzx`);
  assert.match(newId(), RECORD_ID);
  assert.equal(newId(0, () => 0), "a0000000");
  const first = idMaker("oai-tm");
  const second = idMaker("oai-x");
  assert.equal(first("file"), "oai-tm-file-1");
  assert.equal(first("file"), "oai-tm-file-2");
  assert.equal(second("file"), "oai-x-file-1");
});
