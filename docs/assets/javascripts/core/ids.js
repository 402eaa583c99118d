/*
 * Identifiers: of stored records (random, short, safe in a file) and of elements on a page
 * (unique per page, from a counter that each page creates for itself).
 */

/** Ids of stored records: what newId makes, and what a stored or loaded record may carry. */
export const RECORD_ID = /^[a-z0-9]{1,40}$/;

/** A new record id such as "amfz3k2x9q1c4": time in base 36 and six random characters. */
export function newId(now = Date.now(), random = Math.random) {
  const tail = random().toString(36).slice(2, 8).padEnd(6, "0");
  return `a${Math.floor(now).toString(36)}${tail}`;
}

/** A source of element ids "<prefix>-<name>-<n>", unique within one page. */
export function idMaker(prefix) {
  let counter = 0;
  return (name) => {
    counter += 1;
    return `${prefix}-${name}-${counter}`;
  };
}
