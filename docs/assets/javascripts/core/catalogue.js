/*
 * Filtering the example catalogue: which examples match the chosen filters and words, and
 * how many would match if a value were chosen. Pure: the page (ui/catalogue/main.js) reads
 * the form and the list and shows the result.
 *
 * Each example carries its filter values as "param=value" tokens, the same pairs the form
 * submits. Within one filter the chosen values are alternatives (OR); different filters
 * and the words of the free-text search must all match (AND). A word matches its other
 * forms in the page's language ("skolan" finds "grundskollärare"; see stemming.js).
 */

import { wordMatcher } from "./stemming.js";
import { fill, fold } from "./text.js";

/** An example of the list: its tokens ("param=value param=value …") grouped by filter, and its folded text. */
export function indexEntry(tokens, text) {
  const byParam = new Map();
  for (const token of tokens.split(" ").filter(Boolean)) {
    const param = token.slice(0, token.indexOf("="));
    if (!byParam.has(param)) byParam.set(param, []);
    byParam.get(param).push(token);
  }
  return { byParam, text: fold(text) };
}

/**
 * The form's [name, value] pairs as {selected: Map param → Set of tokens, words}, where each
 * word of the free-text search is a test of an entry's folded text, for words in `lang`.
 */
export function selection(pairs, textParam, lang = "sv") {
  const selected = new Map();
  let words = [];
  for (const [name, value] of pairs) {
    if (name === textParam) {
      words = String(value)
        .split(/\s+/)
        .filter(Boolean)
        .map((word) => wordMatcher(word, lang));
    } else if (value) {
      if (!selected.has(name)) selected.set(name, new Set());
      selected.get(name).add(`${name}=${value}`);
    }
  }
  return { selected, words };
}

/**
 * Which entries match and which of them are shown (the first `limit`), and for every token
 * how many entries would match if it were chosen, the other filters staying as they are.
 * Returns {visible: boolean per entry, matches, counts: Map token → number}.
 */
export function filterEntries(entries, { selected, words }, limit) {
  const counts = new Map();
  const add = (tokens) => {
    for (const token of tokens) counts.set(token, (counts.get(token) || 0) + 1);
  };
  let matches = 0;
  const visible = entries.map((entry) => {
    // null: matches everything; a param: fails only that filter; undefined: fails more
    let failed = words.every((matches) => matches(entry.text)) ? null : undefined;
    if (failed === null) {
      for (const [param, wanted] of selected) {
        const tokens = entry.byParam.get(param) || [];
        if (tokens.some((token) => wanted.has(token))) continue;
        if (failed !== null) {
          failed = undefined; // fails two filters: counts for none
          break;
        }
        failed = param;
      }
    }
    if (failed === null) {
      matches += 1;
      for (const tokens of entry.byParam.values()) add(tokens);
      return matches <= limit;
    }
    if (failed) add(entry.byParam.get(failed) || []);
    return false;
  });
  return { visible, matches, counts };
}

/** What the status line says: strings {all, some, none} with {matches} and {total}. */
export function statusText(strings, matches, total) {
  if (matches === 0) return strings.none;
  if (matches === total) return fill(strings.all, { total });
  return fill(strings.some, { matches, total });
}

/** The query string of the form's pairs ("?a=1&b=2", or "" when nothing is chosen). */
export function queryString(pairs) {
  const params = new URLSearchParams();
  for (const [name, value] of pairs) {
    if (value.trim()) params.append(name, value.trim());
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * The active filters, one chip each, in the order of the form: [{name, value, text, remove}],
 * where `text` is what the chip shows and `remove` its accessible name. `labels` maps
 * "param=value" to {filter, value} (the filter's and the value's labels); the free-text search
 * is one chip labelled `strings.text`. Strings: {text, remove} ("{filter}: {value}").
 */
export function activeFilters(pairs, textParam, labels, strings) {
  const chips = [];
  for (const [name, raw] of pairs) {
    const value = String(raw).trim();
    if (!value) continue;
    const label = name === textParam ? { filter: strings.text, value } : labels.get(`${name}=${value}`);
    if (!label) continue; // a value the form does not offer
    chips.push({
      name,
      value: raw,
      text: label.value,
      remove: fill(strings.remove, { filter: label.filter, value: label.value }),
    });
  }
  return chips;
}
