"""One classic script per browser tool, made from the tool's ES modules.

The browser code is written as ES modules under ``docs/assets/javascripts/``: ``core/``
(pure, unit-tested with ``node --test``) and ``ui/`` (the page). Chromium refuses module
scripts on pages opened from ``file://`` (the offline zip, a copy on a shared drive): a
module is fetched with CORS, and a file has no origin. So the build turns each tool's
modules into one classic script, and the pages load that; the modules themselves are not
published.

A tool is a folder ``ui/<tool>/`` with an entry module ``main.js``; its script is
``assets/javascripts/<tool>.js``. The transformation is small and exact because the modules
keep to a few forms, and anything else is refused with the file and line:

- ``import { a, b as c } from "./x.js";`` and ``import * as x from "./x.js";`` (relative paths);
- ``export function``/``export async function``/``export class``/``export const`` and
  ``export { a, b as c };`` (no default export, no re-export, no ``export let``).

Each module becomes a function scope that returns its exports; modules come in the order of
their imports (each after everything it imports), so a module runs once, as in the browser.
Comments on lines of their own, blank lines and indentation are left out of the script
(readers download it; the modules keep them), except in a module with a template string or
a string continued over several lines, where such a line may be part of the string.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import ContentError, Problem

SOURCE_DIR = "assets/javascripts"  # under docs/
MODULE_DIRS = ("core", "ui")  # the modules: sources of the scripts, not published themselves
ENTRY = "main.js"  # ui/<tool>/main.js is the entry module of assets/javascripts/<tool>.js

_NAME = r"[A-Za-z_$][\w$]*"
_IMPORT = re.compile(
    r"^import\s+(?:\{(?P<names>[^}]*)\}|\*\s+as\s+(?P<namespace>" + _NAME + r"))\s*"
    r"from\s+[\"'](?P<path>[^\"']+)[\"'];?[ \t]*$",
    re.M,
)
_EXPORT_DECLARATION = re.compile(
    r"^export\s+(?P<keyword>(?:async\s+)?function\*?|class|const)\s+(?P<name>" + _NAME + r")", re.M
)
_EXPORT_LIST = re.compile(r"^export\s*\{(?P<names>[^}]*)\};?[ \t]*$", re.M)
_LEFT_OVER = re.compile(r"^(?:import|export)\b.*$", re.M)
_DYNAMIC_IMPORT = re.compile(r"\bimport\s*\(")


@dataclass(frozen=True)
class Module:
    """One module: its path under the source folder, what it imports and exports, its code."""

    path: str  # such as "core/text.js"
    imports: tuple[
        tuple[str, str | None, tuple[tuple[str, str], ...]], ...
    ]  # (path, namespace, ((name, alias)…))
    exports: tuple[tuple[str, str], ...]  # (local name, exported name)
    body: str  # the code without import lines and export keywords


def _names(text: str, where: str, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    """``a, b as c`` → (("a", "a"), ("b", "c"))."""
    pairs = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        match = re.fullmatch(rf"({_NAME})(?:\s+as\s+({_NAME}))?", item)
        if not match:
            problems.append(Problem(where, "import/export", item, "a name, or 'name as other'"))
            continue
        pairs.append((match.group(1), match.group(2) or match.group(1)))
    return tuple(pairs)


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def parse_module(path: str, text: str) -> Module:
    """Split a module into its imports, its exports and the rest; refuse other forms."""
    problems: list[Problem] = []
    imports = []
    for match in _IMPORT.finditer(text):
        where = f"{path}, line {_line(text, match.start())}"
        target = match.group("path")
        if not target.startswith(("./", "../")) or not target.endswith(".js"):
            problems.append(
                Problem(where, "import", target, 'a relative path to a module, such as "./text.js"')
            )
            continue
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        names = _names(match.group("names") or "", where, problems)
        imports.append((resolved, match.group("namespace"), names))
    body = _IMPORT.sub("", text)
    exports: list[tuple[str, str]] = []
    for match in _EXPORT_LIST.finditer(body):
        exports.extend(_names(match.group("names"), f"{path}, line {_line(body, match.start())}", problems))
    body = _EXPORT_LIST.sub("", body)
    exports.extend((match.group("name"), match.group("name")) for match in _EXPORT_DECLARATION.finditer(body))
    body = _EXPORT_DECLARATION.sub(lambda m: f"{m.group('keyword')} {m.group('name')}", body)
    for match in _LEFT_OVER.finditer(body):
        problems.append(
            Problem(
                f"{path}, line {_line(body, match.start())}",
                "import/export",
                match.group(0).strip(),
                "import { … } or * as … from a relative path; export function, class, const or { … }",
            )
        )
    for match in _DYNAMIC_IMPORT.finditer(body):
        problems.append(
            Problem(f"{path}, line {_line(body, match.start())}", "import()", "", "not supported")
        )
    if problems:
        raise ContentError(problems)
    return Module(path, tuple(imports), tuple(exports), body.strip("\n"))


def module_order(entry: str, sources: Mapping[str, str]) -> list[Module]:
    """The modules ``entry`` needs, each after the modules it imports; cycles are refused."""
    order: list[Module] = []
    done: set[str] = set()
    visiting: list[str] = []

    def visit(path: str, importer: str) -> None:
        if path in done:
            return
        if path in visiting:
            cycle = " → ".join([*visiting[visiting.index(path) :], path])
            raise ContentError(
                [Problem(path, "import", cycle, "modules must not import each other in a circle")]
            )
        if path not in sources:
            raise ContentError([Problem(importer, "import", path, "no such module")])
        visiting.append(path)
        module = parse_module(path, sources[path])
        for target, _, _ in module.imports:
            visit(target, path)
        visiting.pop()
        done.add(path)
        order.append(module)

    visit(entry, entry)
    return order


def without_comments(body: str) -> str:
    """``body`` without indentation, blank lines and comments that fill their lines.

    Only a template string (backticks) or a line ending in a backslash can continue a string on
    the next line, so a module with either is returned as it is: a line that looks like a
    comment or indentation may be part of a string.
    """
    lines = body.split("\n")
    if any(line.replace("\\`", "").count("`") % 2 or line.endswith("\\") for line in lines):
        return body
    kept = []
    in_comment = False
    for line in lines:
        text = line.strip()
        if in_comment or text.startswith("/*"):
            end = text.find("*/", 0 if in_comment else 2)
            in_comment = end == -1
            if not in_comment and end + 2 != len(text):
                return body  # code after the end of a comment: the module stays as it is
        elif text and not text.startswith("//"):
            kept.append(text)
    return "\n".join(kept)


def _variable(position: int, path: str) -> str:
    return f"__m{position}_" + re.sub(r"\W", "_", path.removesuffix(".js"))


def bundle(entry: str, sources: Mapping[str, str]) -> str:
    """The classic script of ``entry``: every module it needs, in one function scope each."""
    modules = module_order(entry, sources)
    variables = {module.path: _variable(position, module.path) for position, module in enumerate(modules)}
    exported = {module.path: {name for _, name in module.exports} for module in modules}
    chunks = []
    for module in modules:
        lines = []
        for target, namespace, names in module.imports:
            if namespace:
                lines.append(f"const {namespace} = {variables[target]};")
                continue
            missing = [name for name, _ in names if name not in exported[target]]
            if missing:
                raise ContentError(
                    [Problem(module.path, "import", ", ".join(missing), f"{target} exports no such name")]
                )
            bindings = ", ".join(name if name == alias else f"{name}: {alias}" for name, alias in names)
            lines.append(f"const {{ {bindings} }} = {variables[target]};")
        returned = ", ".join(name if name == local else f"{name}: {local}" for local, name in module.exports)
        chunks.append(
            f"// ---- {module.path}\n"
            f"const {variables[module.path]} = (() => {{\n"
            + "".join(line + "\n" for line in lines)
            + f"{without_comments(module.body)}\n"
            f"return {{ {returned} }};\n"
            "})();\n"
        )
    header = (
        f"/* Generated by the build from the ES modules under docs/{SOURCE_DIR}/ (entry: {entry}).\n"
        " * Do not edit: edit the modules (joined by hooks/offentligai/sitewide/jsbundle.py). */\n"
    )
    return header + '(() => {\n"use strict";\n' + "\n".join(chunks) + "})();\n"


def module_files(docs_dir: Path) -> list[Path]:
    """Every module file under the module folders, in a stable order."""
    source_dir = docs_dir / SOURCE_DIR
    return [path for folder in MODULE_DIRS for path in sorted((source_dir / folder).rglob("*.js"))]


def read_sources(source_dir: Path) -> dict[str, str]:
    """Every module under the module folders of ``source_dir``, by its path relative to it."""
    return {
        path.relative_to(source_dir).as_posix(): path.read_text(encoding="utf-8")
        for folder in MODULE_DIRS
        for path in sorted((source_dir / folder).rglob("*.js"))
    }


def entries(sources: Mapping[str, str]) -> dict[str, str]:
    """The published script of each tool: ``assets/javascripts/<tool>.js`` → ``ui/<tool>/main.js``."""
    found = {}
    for path in sorted(sources):
        parts = path.split("/")
        if len(parts) == 3 and parts[0] == "ui" and parts[2] == ENTRY:
            found[f"{SOURCE_DIR}/{parts[1]}.js"] = path
    return found


def scripts(docs_dir: Path) -> dict[str, str]:
    """Every tool's script, by its address in the site; {} when the site has no modules."""
    source_dir = docs_dir / SOURCE_DIR
    sources = read_sources(source_dir)
    return {target: bundle(entry, sources) for target, entry in entries(sources).items()}


def is_module(src_uri: str) -> bool:
    """True for a module file (a source of the scripts, not published itself)."""
    return any(src_uri.startswith(f"{SOURCE_DIR}/{folder}/") for folder in MODULE_DIRS)
