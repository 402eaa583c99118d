#!/usr/bin/env node
/*
 * The AI Act decision aid on the command line: the same rules as the page, one system at a time.
 *
 *   node scripts/ai-act.mjs ANSWERS.json [--date YYYY-MM-DD]
 *
 * ANSWERS.json holds the answers by question id, as the page's saved files do:
 * {"A1": "yes", "A2": "system", "A3": ["none"], "R1": ["develop-use"], …}. The command
 * prints the result as JSON: the outcome ids, the roles, and each duty as
 * {"id", "roles", "articles", "applies_from", "applies_now"} on the date given (default:
 * today). A bad answers file gives one line on stderr and exit code 2; the questions, answer
 * ids and rules are in data/ai-act.yml.
 */

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { isoDay, validIsoDate } from "../docs/assets/javascripts/core/dates.js";
import { AnswerProblem, checkAnswers, evaluate } from "../docs/assets/javascripts/core/ai-act/engine.js";
import { compactRef } from "../docs/assets/javascripts/core/ai-act/refs.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA_FILE = "data/ai-act.yml";
const USAGE = "usage: node scripts/ai-act.mjs ANSWERS.json [--date YYYY-MM-DD]";
const BAD_INPUT = 2;

class Refusal extends Error {}

function parseArguments(argv) {
  const args = [...argv];
  let date = isoDay();
  const files = [];
  while (args.length) {
    const arg = args.shift();
    if (arg === "--date") {
      const value = args.shift();
      if (value === undefined || !validIsoDate(value)) {
        throw new Refusal(`--date: ${value ?? "(missing)"}: allowed: a day written YYYY-MM-DD`);
      }
      date = value;
    } else if (arg === "-h" || arg === "--help") {
      throw new Refusal(USAGE);
    } else if (arg.startsWith("-")) {
      throw new Refusal(`${arg}: unknown option; ${USAGE}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) throw new Refusal(USAGE);
  return { file: files[0], date };
}

const shown = (value) => JSON.stringify(value);

function describe(problem, file) {
  const where = problem.question ? `${file}: ${problem.question}` : file;
  const allowed = Array.isArray(problem.allowed) ? problem.allowed.join(", ") : problem.allowed;
  switch (problem.code) {
    case "not-an-object":
      return `${file}: must be a JSON object of answers by question id, such as {"A1": "yes"}`;
    case "unknown-question":
      return `${where}: unknown question; allowed: ${allowed}`;
    case "wrong-type":
      return `${where}: ${shown(problem.value)}: allowed: ${allowed}`;
    case "unknown-answer":
      return `${where}: ${shown(problem.value)}: unknown answer; allowed: ${allowed}`;
    case "repeated":
      return `${where}: ${shown(problem.value)}: an answer is repeated; give each once`;
    case "exclusive":
      return `${where}: ${shown(problem.value)}: "${allowed}" cannot be combined with other answers`;
    case "missing-answer":
      return `${where}: missing answer (the question is on the path of the other answers); allowed: ${allowed}`;
    default:
      return `${where}: ${problem.code}`;
  }
}

function readAnswers(file) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Refusal(`${file}: cannot read the file (${error.code || error.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refusal(`${file}: not valid JSON (${error.message.split("\n")[0]})`);
  }
}

/** The printed result: ids, roles and duties with their articles and dates. */
export function report(aid, result, date) {
  const uncertain = new Set(aid.notes.filter((note) => note.uncertain).map((note) => note.id));
  const dateOf = (id) => aid.dates.find((item) => item.id === id).date;
  const eli = (id) => aid.acts.find((act) => act.id === id).eli.replace(/^[a-z]+\//, "");
  return {
    aid_version: aid.law_baseline.version,
    law: {
      act: eli(aid.law_baseline.act),
      amended_by: aid.law_baseline.amended_by.map(eli),
      checked: dateOf(aid.law_baseline.checked),
    },
    date,
    outcomes: result.outcomes,
    risk_class: result.riskClass,
    roles: result.roles,
    duties: result.duties.map((duty) => ({
      id: duty.id,
      roles: duty.roles,
      articles: duty.refs.map((ref) => compactRef(ref, aid.acts)),
      applies_from: duty.appliesFrom,
      applies_now: duty.appliesNow,
    })),
    annex_iii: result.annexIii,
    notes: result.notes,
    uncertain: result.notes.filter((id) => uncertain.has(id)),
    path: result.path,
  };
}

function main(argv) {
  const { file, date } = parseArguments(argv);
  const aid = parse(readFileSync(join(ROOT, DATA_FILE), "utf8"));
  const answers = readAnswers(file);
  let checked;
  try {
    checked = checkAnswers(aid, answers);
  } catch (error) {
    if (error instanceof AnswerProblem) throw new Refusal(describe(error, file));
    throw error;
  }
  const output = report(aid, evaluate(aid, answers, date), date);
  if (checked.unused.length) output.unused_answers = checked.unused;
  process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  process.stderr.write(`ai-act: ${error.message}\n`);
  process.exitCode = BAD_INPUT;
}
