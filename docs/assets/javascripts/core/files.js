/*
 * Files that readers save and load again: a JSON object that names its format and the
 * version of that format, so that any tool can tell its own files, read its older files
 * (through the same migrations as core/storage.js) and refuse files from a newer version.
 *
 * A loaded file is hostile until checked: this module checks its size, its syntax and its
 * envelope; the tool then checks every value it takes (see core/trust-model/assessments.js).
 */

import { migrate, checkVersions } from "./storage.js";
import { isPlainObject, own, slugify } from "./text.js";

/** Why a file cannot be used; `code` is one of FILE_PROBLEMS. */
export class FileProblem extends Error {
  constructor(code) {
    super(code);
    this.name = "FileProblem";
    this.code = code;
  }
}

export const FILE_PROBLEMS = ["too-large", "not-json", "format", "newer"];

/** Refuse a file of `bytes` bytes when it is larger than `spec.maxBytes`. */
export function checkSize(bytes, spec) {
  if (bytes > spec.maxBytes) throw new FileProblem("too-large");
}

/**
 * The content of a saved file: `{format, format_version, saved, …payload}` as indented
 * JSON with a final line break. `spec`: {format, version}.
 */
export function fileText(spec, payload, now = new Date()) {
  const data = { format: spec.format, format_version: spec.version, saved: now.toISOString(), ...payload };
  return `${JSON.stringify(data, null, 2)}\n`;
}

/**
 * Read the text of a saved file of `spec` ({format, version, migrations, maxBytes}).
 * Returns {version, data}: the version the file was written with, and its content (without
 * format and format_version) migrated to the current version. Throws FileProblem.
 */
export function readFile(text, spec) {
  checkVersions(spec);
  if (typeof text !== "string") throw new FileProblem("not-json");
  if (spec.maxBytes && text.length > spec.maxBytes) throw new FileProblem("too-large");
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new FileProblem("not-json");
  }
  if (!isPlainObject(parsed) || own(parsed, "format") !== spec.format) throw new FileProblem("format");
  const version = own(parsed, "format_version");
  const data = { ...parsed };
  delete data.format;
  delete data.format_version;
  const result = migrate(data, version, spec);
  if (result.problem) throw new FileProblem(result.problem);
  return { version, data: result.data };
}

/** "fortroendemodellen-chattbot-eva-2026-12-03.json": prefix, a slug of `name` (or `fallback`), day. */
export function fileName(prefix, name, day, extension, fallback) {
  return `${prefix}-${slugify(name) || fallback}-${day}.${extension}`;
}
