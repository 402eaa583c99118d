/*
 * Word forms for matching: "skolan" should find "skolplacering" and "grundskollärare".
 * Pure: no DOM.
 *
 * Swedish words are reduced with the Snowball Swedish stemmer, the algorithm that site search
 * uses (lunr-languages' lunr.sv, shipped with Material): the catalogue and site search agree
 * on what a word's stem is (tests/js/stemming.test.mjs compares the two on every word of the
 * Swedish pages). Snowball keeps two definite endings that readers type often, "-an" (skolan)
 * and "-et" (avtalet); a query word is also tried without them (`swedishForms`). English words
 * lose a plural or possessive ending only ("schools" → "school").
 *
 * A query word then matches text that contains its stem: anywhere, so that the first part of
 * a Swedish compound is found ("skol" in "grundskollärare"), or only at the start of a word
 * when the stem is shorter than MIN_INSIDE letters ("ai" should not match "detail").
 */

import { fold } from "./text.js";

const VOWELS = new Set("aeiouyäåö");
const S_ENDING = new Set("bcdfghjklmnoprtvy"); // letters after which a final "s" is an ending
// Snowball's step 1 endings, longest first (the longest ending inside R1 is removed).
const STEP1 = [
  "heterna", "hetens", "anden", "andes", "andet", "arens", "arnas", "ernas", "heten", "heter",
  "ornas", "ades", "ande", "arna", "arne", "aren", "aste", "erna", "erns", "orna", "ade", "are",
  "ast", "ens", "ern", "het", "ad", "ar", "as", "at", "en", "er", "es", "or", "a", "e",
];
const STEP2 = ["dd", "gd", "nn", "dt", "gt", "kt", "tt"]; // then the last letter goes
const STEP3 = [["fullt", "full"], ["löst", "lös"], ["lig", ""], ["els", ""], ["ig", ""]];

/** Where Snowball's region R1 begins: after the first non-vowel that follows a vowel, at least 3. */
function regionStart(word) {
  for (let i = 1; i < word.length; i += 1) {
    if (VOWELS.has(word[i - 1]) && !VOWELS.has(word[i])) return Math.max(i + 1, 3);
  }
  return word.length;
}

/** The Snowball Swedish stem of a lower-case word: "skolan" → "skol", "avtalen" → "avtal". */
export function swedishStem(word) {
  const r1 = regionStart(word);
  // An ending of `text` that lies inside R1 (R1 starts at the same letter in every step).
  const inRegion = (text) => (ending) => text.endsWith(ending) && text.length - ending.length >= r1;
  let stem = word;
  const first = STEP1.find(inRegion(stem));
  if (first) stem = stem.slice(0, -first.length);
  else if (inRegion(stem)("s") && S_ENDING.has(stem[stem.length - 2])) stem = stem.slice(0, -1);
  if (STEP2.some(inRegion(stem))) stem = stem.slice(0, -1);
  const third = STEP3.find(([ending]) => inRegion(stem)(ending));
  if (third) stem = stem.slice(0, -third[0].length) + third[1];
  return stem;
}

/** An English word without a plural or possessive ending: "schools" → "school", "agency's" → "agency". */
export function englishStem(word) {
  let stem = word.replace(/['’]s$/, "");
  if (/ies$/.test(stem) && stem.length > 4) return `${stem.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(stem)) return stem;
  if (/(ches|shes|sses|xes)$/.test(stem)) return stem.slice(0, -2);
  if (/s$/.test(stem) && stem.length > 3) stem = stem.slice(0, -1);
  return stem;
}

/**
 * The stems under which a Swedish query word is looked for: its Snowball stem, and the stem
 * without a definite ending that Snowball keeps ("skolan" → skola → "skol", "avtalet" → "avtal").
 * Removing an ending only ever widens the match (the shorter stem is a prefix of the longer).
 */
export function swedishForms(word) {
  const forms = new Set([swedishStem(word)]);
  if (word.length >= 5 && word.endsWith("an")) forms.add(swedishStem(word.slice(0, -1)));
  if (word.length >= 6 && /[^aeiouyäåö]et$/.test(word)) forms.add(swedishStem(word.slice(0, -2)));
  return [...forms];
}

/** Stems shorter than this match only at the start of a word, longer ones anywhere. */
export const MIN_INSIDE = 4;

/**
 * A test for folded text (see text.js `fold`) that tells whether it holds `word` in any form,
 * in the language `lang` ("sv" or "en").
 */
export function wordMatcher(word, lang) {
  const lower = String(word).toLocaleLowerCase();
  const stems = (lang === "sv" ? swedishForms(lower) : [englishStem(lower)]).map(fold);
  const tests = stems.map((stem) => {
    if (stem.length >= MIN_INSIDE) return (text) => text.includes(stem);
    const escaped = stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const atStart = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}`, "u");
    return (text) => atStart.test(text);
  });
  return (text) => tests.some((matches) => matches(text));
}
