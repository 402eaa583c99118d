/*
 * Addresses. Pure: no DOM.
 */

/** The address `href` with its query string replaced by `search` ("?a=1" or ""), its fragment kept. */
export function withQuery(href, search) {
  const hashAt = href.indexOf("#");
  const hash = hashAt >= 0 ? href.slice(hashAt) : "";
  const base = (hashAt >= 0 ? href.slice(0, hashAt) : href).split("?")[0];
  return `${base}${search}${hash}`;
}
