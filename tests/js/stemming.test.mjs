import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { test } from "node:test";
import vm from "node:vm";

import { englishStem, MIN_INSIDE, swedishForms, swedishStem, wordMatcher } from "../../docs/assets/javascripts/core/stemming.js";
import { fold } from "../../docs/assets/javascripts/core/text.js";
import { ROOT } from "./site-data.mjs";

// Site search's Swedish stemmer: lunr-languages' lunr.sv, as Material ships it.
const PYTHON = process.env.PYTHON || `${ROOT}.venv/bin/python`;
const LUNR = execFileSync(
  PYTHON,
  ["-c", "import material, pathlib; print(pathlib.Path(material.__file__).parent / 'templates/assets/javascripts/lunr/min')"],
  { encoding: "utf8" }
).trim();

function lunrSwedish() {
  const lunr = {
    Pipeline: { registerFunction() {} },
    generateStopWordFilter: () => () => undefined,
  };
  const context = vm.createContext({ lunr });
  for (const name of ["lunr.stemmer.support.min.js", "lunr.sv.min.js"]) {
    vm.runInContext(readFileSync(`${LUNR}/${name}`, "utf8"), context);
  }
  return lunr.sv.stemmer;
}

/** Every word of the site's Swedish pages, as lunr splits them (on spaces and hyphens). */
function swedishWords() {
  const words = new Set();
  const pages = readdirSync(`${ROOT}docs`, { recursive: true }).filter(
    (name) => name.endsWith(".md") && !name.endsWith(".en.md")
  );
  for (const page of pages) {
    const text = readFileSync(`${ROOT}docs/${page}`, "utf8").toLocaleLowerCase();
    for (const word of text.split(/[^a-zåäöéü]+/u)) if (word) words.add(word);
  }
  return [...words];
}

test("the Swedish stemmer gives the stem that site search (lunr.sv) gives, for every word of the site", () => {
  const stem = lunrSwedish();
  const words = swedishWords();
  assert.ok(words.length > 5000, `only ${words.length} words`);
  const different = words.filter((word) => swedishStem(word) !== stem(word));
  assert.deepEqual(different.slice(0, 20).map((word) => [word, swedishStem(word), stem(word)]), []);
});

test("Swedish stems of the forms a reader types", () => {
  assert.equal(swedishStem("skola"), "skol");
  assert.equal(swedishStem("skolan"), "skolan"); // Snowball keeps "-an" …
  assert.equal(swedishStem("skolor"), "skol");
  assert.equal(swedishStem("avtalen"), "avtal");
  assert.equal(swedishStem("kakorna"), "kak");
  assert.equal(swedishStem("friskt"), "frisk"); // step 2: a double ending loses its last letter
  assert.equal(swedishStem("tydligt"), "tyd"); // steps 2 and 3
  assert.equal(swedishStem("sorgfullt"), "sorgfull"); // step 3 replaces "fullt"
  assert.equal(swedishStem("kommuns"), "kommun"); // "s" after a valid s-ending
  assert.equal(swedishStem("ai"), "ai");
});

test("a query word is also tried without the definite endings that Snowball keeps", () => {
  assert.deepEqual(swedishForms("skolan"), ["skolan", "skol"]);
  assert.deepEqual(swedishForms("gatan"), ["gatan", "gat"]);
  assert.deepEqual(swedishForms("avtalet"), ["avtalet", "avtal"]);
  assert.deepEqual(swedishForms("plan"), ["plan"]); // too short to be a definite form
  assert.deepEqual(swedishForms("paket"), ["paket"]);
  assert.deepEqual(swedishForms("skola"), ["skol"]);
});

test("English words lose plural and possessive endings only", () => {
  assert.equal(englishStem("schools"), "school");
  assert.equal(englishStem("agency's"), "agency");
  assert.equal(englishStem("agencies"), "agency");
  assert.equal(englishStem("searches"), "search");
  assert.equal(englishStem("process"), "process");
  assert.equal(englishStem("status"), "status");
  assert.equal(englishStem("analysis"), "analysis");
  assert.equal(englishStem("gas"), "gas");
});

test("a Swedish word finds its forms, also inside compounds", () => {
  const texts = ["skolplacering i göteborg", "grundskollarare i kalmar", "vard och omsorg"].map(fold);
  for (const word of ["skola", "skolan", "Skolor"]) {
    const matches = wordMatcher(word, "sv");
    assert.deepEqual(texts.map(matches), [true, true, false], word);
  }
  assert.ok(wordMatcher("Göteborgs", "sv")(texts[0]));
});

test(`a stem shorter than ${MIN_INSIDE} letters matches only at the start of a word`, () => {
  const ai = wordMatcher("AI", "en");
  assert.ok(ai(fold("Generative AI in schools")));
  assert.ok(ai(fold("AI-driven")));
  assert.ok(!ai(fold("more detail")));
  assert.ok(wordMatcher("schools", "en")(fold("Schoolteachers")));
  assert.ok(wordMatcher("(a+b", "en")(fold("see (a+b)")));
});
