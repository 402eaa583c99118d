/*
 * A versioned record in a key-value storage: localStorage in the page, memoryStorage() in
 * tests. Each tool names its record (key, format) and its version, and gives one migration
 * per older version; data written by an older version of the tool is migrated step by step
 * when it is read, and data written by a newer version is left alone (never overwritten).
 *
 * The storage is anything with getItem, setItem and removeItem (the Web Storage interface).
 * Browsers may refuse storage (private modes, full disks, blocked cookies): every call is
 * guarded and the store reports what happened instead of throwing.
 */

import { isPlainObject, own } from "./text.js";

/** A storage that lives in memory: for tests, and where the browser offers none. */
export function memoryStorage(initial = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => {
      items.set(key, String(value));
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}

/** Check a versioned spec: {format, version, migrations: {n: data at n → data at n + 1}}. */
export function checkVersions(spec) {
  if (typeof spec.format !== "string" || !spec.format) throw new TypeError("a format name is required");
  if (!Number.isInteger(spec.version) || spec.version < 1) throw new TypeError("version must be 1 or more");
  for (let version = 1; version < spec.version; version += 1) {
    if (typeof own(spec.migrations, version) !== "function") {
      throw new TypeError(`${spec.format}: no migration from version ${version}`);
    }
  }
}

/**
 * Bring `data`, written at `version`, up to `spec.version` with the spec's migrations.
 * Returns {data} or {problem}: "format" (not a version this spec knows) or "newer".
 */
export function migrate(data, version, spec) {
  if (!Number.isInteger(version) || version < 1) return { problem: "format" };
  if (version > spec.version) return { problem: "newer" };
  let current = data;
  for (let step = version; step < spec.version; step += 1) current = spec.migrations[step](current);
  return { data: current };
}

/**
 * A store for one record: `{storage, key, format, version, migrations}`.
 *
 * load() → {data, problem}: data is the record at the current version (without its format
 *   and version), or null; problem is null, "unavailable" (the browser refuses storage),
 *   "unreadable" (not JSON or not this format: it will be replaced) or "newer" (written by a
 *   newer version of the tool: kept, and this store will not write over it).
 * save(data) → true when stored; clear() removes the record.
 * changedElsewhere() → true when the record is no longer what this store last read or wrote:
 *   another tab of the same tool has written it since (sync before changing anything).
 */
export function createStore(spec) {
  checkVersions(spec);
  const { storage, key, format, version } = spec;
  let available = Boolean(storage);
  let locked = false;
  let seen = null; // the record's text as this store last read or wrote it

  const guarded = (action) => {
    if (!available) return false;
    try {
      action();
      return true;
    } catch {
      available = false;
      return false;
    }
  };

  return {
    get available() {
      return available;
    },
    /** True after load() found a record of a newer version: save() and changes leave it alone. */
    get locked() {
      return locked;
    },
    load() {
      let text = null;
      if (!guarded(() => (text = storage.getItem(key)))) return { data: null, problem: "unavailable" };
      seen = text;
      if (text === null) return { data: null, problem: null };
      let stored;
      try {
        stored = JSON.parse(text);
      } catch {
        return { data: null, problem: "unreadable" };
      }
      if (!isPlainObject(stored) || own(stored, "format") !== format) return { data: null, problem: "unreadable" };
      const data = { ...stored };
      delete data.format;
      delete data.version;
      const result = migrate(data, stored.version, spec);
      if (result.problem === "newer") locked = true;
      if (result.problem) return { data: null, problem: result.problem === "newer" ? "newer" : "unreadable" };
      return { data: result.data, problem: null };
    },
    save(data) {
      if (locked) return false;
      const text = JSON.stringify({ format, version, ...data });
      const saved = guarded(() => storage.setItem(key, text));
      if (saved) seen = text;
      return saved;
    },
    clear() {
      locked = false;
      const cleared = guarded(() => storage.removeItem(key));
      if (cleared) seen = null;
      return cleared;
    },
    changedElsewhere() {
      let text = seen;
      return guarded(() => (text = storage.getItem(key))) && text !== seen;
    },
  };
}
