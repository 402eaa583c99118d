/*
 * The guide's checklists, ticked and kept in the browser. Pure: the page
 * (ui/checklists/main.js) reads and writes the boxes and hands in the storage.
 *
 * The record, under CHECKLIST_KEY: {pages: {"guide/juridik/": ["1f3a9c0b", …]}}, the ids of
 * the ticked items per page. A page is named by its path from the site's root, so that the
 * ticks stay when the site moves or a new edition is published; an item by a hash of its
 * text, so that they stay when items are reordered (an item whose text changes starts
 * unticked: it is a new item). A change of format gets a new key (…v2).
 *
 * This record is small and needs no migrations, so it does without storage.js: the page loads
 * this on every guide chapter, and each kilobyte counts there (scripts/audit.py).
 */

export const CHECKLIST_KEY = "offentligai.checklists.v1";

const isRecord = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

/** An item's id: eight hex digits of the FNV-1a hash of its text, spaces collapsed. */
export function itemId(text) {
  let hash = 0x811c9dc5;
  for (const char of String(text).replace(/\s+/g, " ").trim()) {
    hash ^= char.codePointAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

/** The stored record, or an empty one when there is none, it is broken, or storage is refused. */
export function readTicks(storage) {
  try {
    const data = JSON.parse(storage.getItem(CHECKLIST_KEY));
    return isRecord(data) && isRecord(data.pages) ? data : { pages: {} };
  } catch {
    return { pages: {} };
  }
}

/** Store the record; false when the browser refuses (private mode, full disk, no storage). */
export function writeTicks(storage, data) {
  try {
    storage.setItem(CHECKLIST_KEY, JSON.stringify(data));
    return true;
  } catch {
    return false;
  }
}

/** The ids ticked on `page` (anything else in the record is ignored). */
export function tickedOn(data, page) {
  const ids = Object.hasOwn(data.pages, page) ? data.pages[page] : [];
  return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === "string") : []);
}

/** The record with `ids` of `page` ticked (`on`) or not; a page with no tick left is dropped. */
export function withTicks(data, page, ids, on) {
  const ticked = tickedOn(data, page);
  for (const id of ids) {
    if (on) ticked.add(id);
    else ticked.delete(id);
  }
  const pages = { ...data.pages };
  delete pages[page];
  // defineProperty: a page named "__proto__" stays a plain entry of the record.
  if (ticked.size) Object.defineProperty(pages, page, { value: [...ticked].sort(), enumerable: true, writable: true, configurable: true });
  return { pages };
}

/** The page's path from the site's root: "/2026.1/guide/juridik/" under "/2026.1/" → "guide/juridik/". */
export function sitePath(pathname, rootPathname) {
  const root = rootPathname.endsWith("/") ? rootPathname : `${rootPathname}/`;
  return pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, "");
}
