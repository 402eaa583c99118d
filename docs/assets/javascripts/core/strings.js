/*
 * UI strings: every text a reader sees comes from data/strings/*.yml, which the build embeds
 * in the page as {key: {sv: "…", en: "…"}}. Pure: the strings are passed in.
 */

import { fill } from "./text.js";

/**
 * A lookup `t(key, values, lang)` for the strings of one page in `lang`.
 *
 * `values` fill {placeholders}; `lang` asks for another language than the page's (a report
 * in English on a Swedish page). A string missing in a language falls back to `fallback`;
 * an unknown key is shown as itself, which tests catch (tests/test_trust_model_pages.py).
 */
export function createTranslator(strings, lang, fallback = "sv") {
  return function t(key, values, inLang) {
    const texts = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : null;
    const text = texts ? texts[inLang || lang] || texts[fallback] || key : key;
    return fill(text, values);
  };
}
