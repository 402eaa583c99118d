import assert from "node:assert/strict";
import { test } from "node:test";

import { checkVersions, createStore, memoryStorage, migrate } from "../../docs/assets/javascripts/core/storage.js";

// A tool whose record went through two changes: v1 {n}, v2 {count}, v3 {count, unit}.
const SPEC = {
  key: "tool.v1",
  format: "example-store",
  version: 3,
  migrations: {
    1: (data) => ({ count: data.n }),
    2: (data) => ({ ...data, unit: "pieces" }),
  },
};

test("a record is stored with its format and version and read back", () => {
  const storage = memoryStorage();
  const store = createStore({ ...SPEC, storage });
  assert.deepEqual(store.load(), { data: null, problem: null });
  assert.equal(store.save({ count: 2, unit: "kg" }), true);
  assert.deepEqual(JSON.parse(storage.getItem("tool.v1")), { format: "example-store", version: 3, count: 2, unit: "kg" });
  assert.deepEqual(store.load(), { data: { count: 2, unit: "kg" }, problem: null });
  assert.equal(store.clear(), true);
  assert.equal(storage.getItem("tool.v1"), null);
});

test("older records are migrated step by step", () => {
  const storage = memoryStorage({ "tool.v1": JSON.stringify({ format: "example-store", version: 1, n: 5 }) });
  assert.deepEqual(createStore({ ...SPEC, storage }).load(), { data: { count: 5, unit: "pieces" }, problem: null });
  assert.deepEqual(migrate({ count: 1 }, 2, SPEC), { data: { count: 1, unit: "pieces" } });
});

test("a record from a newer version is kept and never overwritten", () => {
  const text = JSON.stringify({ format: "example-store", version: 4, count: 9 });
  const storage = memoryStorage({ "tool.v1": text });
  const store = createStore({ ...SPEC, storage });
  assert.deepEqual(store.load(), { data: null, problem: "newer" });
  assert.equal(store.save({ count: 1 }), false);
  assert.equal(storage.getItem("tool.v1"), text);
  store.clear(); // the reader chose to clear everything: then the store may write again
  assert.equal(store.save({ count: 1 }), true);
});

test("broken records are reported as unreadable", () => {
  for (const text of ["not json", "[1]", '{"format": "other", "version": 1}', '{"format": "example-store"}',
    '{"format": "example-store", "version": 0}', '{"format": "example-store", "version": "2"}']) {
    const store = createStore({ ...SPEC, storage: memoryStorage({ "tool.v1": text }) });
    assert.deepEqual(store.load(), { data: null, problem: "unreadable" }, text);
  }
});

test("a browser that refuses storage is reported, not thrown", () => {
  const refusing = {
    getItem() {
      throw new Error("SecurityError");
    },
    setItem() {
      throw new Error("QuotaExceededError");
    },
    removeItem() {
      throw new Error("SecurityError");
    },
  };
  const store = createStore({ ...SPEC, storage: refusing });
  assert.equal(store.available, true);
  assert.deepEqual(store.load(), { data: null, problem: "unavailable" });
  assert.equal(store.available, false);
  assert.equal(store.save({ count: 1 }), false);
  assert.equal(store.clear(), false);
  const none = createStore({ ...SPEC, storage: null });
  assert.equal(none.available, false);
  assert.deepEqual(none.load(), { data: null, problem: "unavailable" });

  let writes = 0;
  const full = memoryStorage();
  full.setItem = () => {
    writes += 1;
    throw new Error("QuotaExceededError");
  };
  const store2 = createStore({ ...SPEC, storage: full });
  assert.equal(store2.save({ count: 1 }), false);
  assert.equal(store2.available, false);
  assert.equal(store2.save({ count: 1 }), false);
  assert.equal(writes, 1); // no further attempts once the browser has refused
});

test("a spec needs a format, a version and a migration from every older version", () => {
  assert.throws(() => checkVersions({ format: "", version: 1 }), /format/);
  assert.throws(() => checkVersions({ format: "x", version: 0 }), /version/);
  assert.throws(() => checkVersions({ format: "x", version: 2, migrations: {} }), /no migration from version 1/);
  assert.doesNotThrow(() => checkVersions({ format: "x", version: 1 }));
});

test("a store notices when another tab has written its record since", () => {
  const storage = memoryStorage();
  const mine = createStore({ ...SPEC, storage });
  const theirs = createStore({ ...SPEC, storage });
  assert.deepEqual(mine.load(), { data: null, problem: null });
  assert.equal(mine.changedElsewhere(), false);
  assert.equal(theirs.save({ count: 1, unit: "kg" }), true);
  assert.equal(mine.changedElsewhere(), true);
  assert.equal(theirs.changedElsewhere(), false); // its own write
  mine.load();
  assert.equal(mine.changedElsewhere(), false);
  mine.save({ count: 2, unit: "kg" });
  assert.equal(mine.changedElsewhere(), false);
  assert.equal(theirs.changedElsewhere(), true);
  theirs.clear();
  assert.equal(mine.changedElsewhere(), true);
  assert.equal(createStore({ ...SPEC, storage: null }).changedElsewhere(), false);
});

test("a store locked by a newer record says so", () => {
  const storage = memoryStorage({ "tool.v1": JSON.stringify({ format: "example-store", version: 9 }) });
  const store = createStore({ ...SPEC, storage });
  assert.equal(store.locked, false);
  store.load();
  assert.equal(store.locked, true);
  store.clear();
  assert.equal(store.locked, false);
});
