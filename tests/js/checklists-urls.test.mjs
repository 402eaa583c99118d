import assert from "node:assert/strict";
import { test } from "node:test";

import {
  CHECKLIST_KEY,
  itemId,
  readTicks,
  sitePath,
  tickedOn,
  withTicks,
  writeTicks,
} from "../../docs/assets/javascripts/core/checklists.js";
import { memoryStorage } from "../../docs/assets/javascripts/core/storage.js";
import { withQuery } from "../../docs/assets/javascripts/core/urls.js";

test("an item's id is a hash of its text, whatever its spacing", () => {
  assert.match(itemId("Jurist: Rättslig grund är dokumenterad."), /^[0-9a-f]{8}$/);
  assert.equal(itemId("  Jurist:\n Rättslig  grund "), itemId("Jurist: Rättslig grund"));
  assert.notEqual(itemId("Jurist: a"), itemId("Jurist: b"));
  assert.equal(itemId(""), "811c9dc5");
});

test("ticks are kept per page and a page without ticks is dropped", () => {
  const storage = memoryStorage();
  let data = readTicks(storage);
  assert.deepEqual(data, { pages: {} });
  data = withTicks(data, "guide/juridik/", ["b", "a"], true);
  data = withTicks(data, "guide/data/", ["c"], true);
  assert.ok(writeTicks(storage, data));
  const stored = readTicks(storage);
  assert.deepEqual(stored, { pages: { "guide/juridik/": ["a", "b"], "guide/data/": ["c"] } });
  assert.deepEqual([...tickedOn(stored, "guide/juridik/")], ["a", "b"]);
  assert.deepEqual([...tickedOn(stored, "guide/sakerhet/")], []);
  const cleared = withTicks(stored, "guide/juridik/", ["a", "b"], false);
  assert.deepEqual(cleared, { pages: { "guide/data/": ["c"] } });
});

test("a broken, foreign or hostile record is read as empty and changes nothing else", () => {
  for (const text of ["{not json", "[]", '{"pages": []}', "null", '"text"']) {
    assert.deepEqual(readTicks(memoryStorage({ [CHECKLIST_KEY]: text })), { pages: {} }, text);
  }
  const odd = readTicks(memoryStorage({ [CHECKLIST_KEY]: '{"pages": {"p/": ["a", 3, null], "q/": "x"}}' }));
  assert.deepEqual([...tickedOn(odd, "p/")], ["a"]);
  assert.deepEqual([...tickedOn(odd, "q/")], []);
  const hostile = readTicks(memoryStorage({ [CHECKLIST_KEY]: '{"pages": {"__proto__": ["x"]}}' }));
  const next = withTicks(hostile, "__proto__", ["y"], true);
  assert.deepEqual(Object.keys(next.pages), ["__proto__"]);
  assert.deepEqual(Object.getPrototypeOf(next.pages), Object.prototype);
  assert.equal({}.x, undefined);
  assert.deepEqual([...tickedOn(next, "toString")], []);
});

test("a browser that refuses storage loses the ticks, not the page", () => {
  const refusing = {
    getItem() {
      throw new Error("SecurityError");
    },
    setItem() {
      throw new Error("QuotaExceededError");
    },
  };
  assert.deepEqual(readTicks(refusing), { pages: {} });
  assert.equal(writeTicks(refusing, { pages: {} }), false);
});

test("a page is named by its path from the site's root", () => {
  assert.equal(sitePath("/2026.1/guide/juridik/", "/2026.1/"), "guide/juridik/");
  assert.equal(sitePath("/en/guide/juridik/", "/"), "en/guide/juridik/");
  assert.equal(sitePath("/site/guide/data.html", "/site"), "guide/data.html");
  assert.equal(sitePath("/elsewhere/x/", "/site/"), "elsewhere/x/");
});

test("the language switch's address gets the current filters", () => {
  assert.equal(withQuery("../../exempel/", "?type=municipality"), "../../exempel/?type=municipality");
  assert.equal(withQuery("../exempel/?old=1#top", "?a=1&b=2"), "../exempel/?a=1&b=2#top");
  assert.equal(withQuery("/en/exempel/?type=region", ""), "/en/exempel/");
});
