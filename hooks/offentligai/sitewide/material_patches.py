"""Small, checked fixes to Material's JavaScript bundle, applied to the built copy.

Material 9.8 has behaviours that we cannot change through configuration:

1. For every ``<link rel="alternate">`` it fetches ``sitemap.xml`` relative to the link's
   address. With page-level ``hreflang`` links (which search engines need) that is a
   request for ``<page>/sitemap.xml`` on every page: a 404 and a console error.
   Our language switch links straight to the counterpart page, so the lookup is not
   needed for ``hreflang`` links at all, nor for the feeds' links (which have a ``type``).
2. It always loads ``search/search_index.json`` from the site root. We publish one index
   per language (see ``search_index``) and load the one of the page's language.
3. It fetches the whole search index (over 100 KB gzipped) on every page load, although
   most readers never search. We let it wait until the reader opens search, as Material
   itself does for copies opened from the file system, and fetch it for highlighting only
   on pages opened from a search result (``?h=``).
4. Its search worker turns every query word into a prefix query (``avtal*``), which lunr
   runs without the stemmer, so an inflected form never finds its stem in a stemmed index
   (``kakorna`` finds nothing although the page says ``kakor``). We add the plain word as
   a second, optional clause that does go through the language's stemmer.
5. It marks a query word as missing from a result ("Saknas: ~~personuppgifter~~") unless a
   matched index term starts with the word as typed. With the stemmer, the matched term is the
   stem ("personuppgift"), so every inflected word was called missing while it was highlighted;
   and the language's stop words, which are never indexed, were called missing everywhere. A
   word now counts as found when a matched term is its stem too, and stop words are not
   counted (nor can an unmatched duplicate clause undo a match).
6. It orders results by score alone. Results that contain every query word now come first.
7. A search that finds nothing is a dead end. Where the search dialog names the page in the
   other language (``data-oai-elsewhere`` in ``overrides/partials/search.html``), the "no
   results" line gets a link that runs the same search there (Material's ``?q=``).

Each patch must match exactly once: after a Material upgrade a failed match stops the
build instead of silently shipping the stock behaviour.

Material's file names carry a hash of their content (``bundle.<hash>.min.js``), and servers
may let browsers keep such files for a year (``deploy/nginx/`` does). A patched file therefore
gets a new name from its new content, and every reference to the old name is rewritten: a
reader who visited before a patch changed gets the new code, not the cached old one. The
patched text is always made from Material's own file in the installed package, so a rebuild
into a folder that already holds an earlier result (``mkdocs serve``) gives the same names.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..languages import PREFIX

BUNDLE = "assets/javascripts/bundle.*.min.js"
_NO_RESULTS = 'case 0:s.textContent=f.length?Me("search.result.none"):Me("search.result.placeholder");'
# After the "no results" line (`s`, the query `f`): a link to the same search in the other language.
_SEARCH_ELSEWHERE = (
    '{let d=s.closest("[data-oai-elsewhere]"),q=f.trim();'
    "if(d&&q){"
    'let k=document.createElement("a");'
    'k.className="oai-search-elsewhere";'
    "k.hreflang=d.dataset.oaiElsewhereLang;"
    'k.href=d.dataset.oaiElsewhere+"?q="+encodeURIComponent(q);'
    'k.textContent=d.dataset.oaiElsewhereLabel.split("{query}").join(q);'
    "s.append(k)}}"
)
WORKER = "assets/javascripts/workers/search.*.min.js"


@dataclass(frozen=True)
class Patch:
    target: str  # glob of the patched file, relative to the site root
    reason: str
    old: str
    new: str


def patches() -> list[Patch]:
    """The patches to apply to Material's built JavaScript."""
    prefixes = json.dumps({lang: prefix for lang, prefix in PREFIX.items() if prefix})
    lang_prefix = f'({prefixes}[document.documentElement.lang]||"")'
    return [
        Patch(
            BUNDLE,
            "no sitemap.xml lookups for page-level hreflang links and feeds",
            'M("link[rel=alternate]")',
            'M("link[rel=alternate]:not([hreflang]):not([type])")',
        ),
        Patch(
            BUNDLE,
            "load the search index of the page's language",
            'ze(new URL("search/search_index.json",Or.base))',
            f'ze(new URL({lang_prefix}+"search/search_index.json",Or.base))',
        ),
        Patch(
            BUNDLE,
            "load the search index of the page's language (file:// copies)",
            '_t(`${new URL("search/search_index.js",Or.base)}`)',
            f'_t(`${{new URL({lang_prefix}+"search/search_index.js",Or.base)}}`)',
        ),
        Patch(
            BUNDLE,
            "fetch the search index when search is first opened",
            'L($(location.protocol!=="file:"),Je("search"))',
            'L($(!1),Je("search"))',
        ),
        Patch(
            BUNDLE,
            "highlight search terms (and so fetch the index) only on pages opened from a result",
            'me("content").map(e=>V("search.highlight")?Ai(',
            'me("content").map(e=>V("search.highlight")&&we().searchParams.has("h")?Ai(',
        ),
        Patch(
            BUNDLE,
            "a search that finds nothing offers the same search in the other language",
            _NO_RESULTS,
            _NO_RESULTS + _SEARCH_ELSEWHERE,
        ),
        Patch(
            WORKER,
            "stemmed matching of whole query words",
            ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`)",
            ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}* ${r}`)",
        ),
        Patch(
            WORKER,
            "know each query word's stem and whether it is a stop word of the index's language",
            "let r=le(e).filter(s=>s.presence!==lunr.Query.presence.PROHIBITED)",
            "let r=le(e).filter(s=>s.presence!==lunr.Query.presence.PROHIBITED)"
            ".map(s=>(s.stem=this.index.pipeline.runString(s.term)[0],"
            "s.stop=!(lunr.sv||lunr).stopWordFilter(s.term),s))",
        ),
        Patch(
            WORKER,
            "a query word is found when a matched term is its stem",
            "e[s].startsWith(o.term)&&(n[o.term]=!0,r.delete(o))",
            "(e[s].startsWith(o.term)||e[s]===o.stem)&&(n[o.term]=!0,r.delete(o))",
        ),
        Patch(
            WORKER,
            "no 'missing' for stop words, and no unmatched clause undoes a match of the same word",
            "for(let s of r)(i=lunr.stopWordFilter)!=null&&i.call(lunr,s.term)&&(n[s.term]=!1)",
            "for(let s of r)s.stop||(n[s.term]=n[s.term]||!1)",
        ),
        Patch(
            WORKER,
            "results with every query word first",
            ".sort((s,o)=>o.score-s.score)",
            ".sort((s,o)=>Object.values(o.terms).every(Boolean)-Object.values(s.terms).every(Boolean)"
            "||o.score-s.score)",
        ),
    ]


class PatchError(Exception):
    """A patch did not match the bundle exactly once."""


# Files whose text may name a patched file: pages, the search index, scripts and styles.
REFERENCING = ("*.html", "*.json", "*.js", "*.css", "*.xml")
_HASHED = re.compile(r"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{8})\.min\.(?P<ext>js|css)$")


def fingerprint(text: str) -> str:
    """Eight hex digits of the content's hash, as in Material's own file names."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


def renamed(name: str, text: str) -> str:
    """``bundle.<hash>.min.js`` with the hash of ``text`` in place of the old one."""
    match = _HASHED.match(name)
    if match is None:
        raise PatchError(f"{name}: not a fingerprinted file name (<name>.<8 hex digits>.min.js)")
    return f"{match['stem']}.{fingerprint(text)}.min.{match['ext']}"


def patched_files(theme_dir: Path, finish: Callable[[str], str] = str) -> dict[str, tuple[str, str]]:
    """For each patched file: its path relative to the site -> (its new relative path, new text).

    ``theme_dir`` is Material's ``templates`` folder in the installed package, whose files
    MkDocs copies into the site unchanged; ``finish`` is whatever else the build does to the
    text (such as removing the source-map comment), so that the name is that of the final text.
    """
    by_target: dict[str, list[Patch]] = {}
    for patch in patches():
        by_target.setdefault(patch.target, []).append(patch)
    result: dict[str, tuple[str, str]] = {}
    for target, to_apply in by_target.items():
        files = sorted(theme_dir.glob(target))
        if len(files) != 1:
            raise PatchError(f"expected one file matching {target} in {theme_dir}, found {len(files)}")
        text = finish(apply_patches(files[0].read_text(encoding="utf-8"), to_apply))
        relative = files[0].relative_to(theme_dir)
        result[relative.as_posix()] = ((relative.parent / renamed(relative.name, text)).as_posix(), text)
    return result


def patch_site(
    site: Path,
    theme_dir: Path,
    finish: Callable[[str], str] = str,
    patched: dict[str, tuple[str, str]] | None = None,
) -> dict[str, str]:
    """Write the patched files under their new names, remove the originals, and rewrite every
    reference in the site's text files; return {old relative path: new relative path}.

    ``patched`` is ``patched_files(theme_dir, finish)`` when the caller has it already.
    """
    renames: dict[str, str] = {}
    if patched is None:
        patched = patched_files(theme_dir, finish)
    for old, (new, text) in patched.items():
        (site / new).parent.mkdir(parents=True, exist_ok=True)
        (site / new).write_text(text, encoding="utf-8")
        (site / old).unlink(missing_ok=True)
        renames[old] = new
    names = {Path(old).name: Path(new).name for old, new in renames.items() if old != new}
    for pattern in REFERENCING:
        for path in site.rglob(pattern):
            original = path.read_text(encoding="utf-8")
            text = original
            for old_name, new_name in names.items():
                text = text.replace(old_name, new_name)
            if text != original:
                path.write_text(text, encoding="utf-8")
    return renames


def apply_patches(source: str, to_apply: list[Patch]) -> str:
    """Apply every patch (all for the same file), each of which must match exactly once."""
    for patch in to_apply:
        count = source.count(patch.old)
        if count != 1:
            raise PatchError(
                f"Material bundle patch '{patch.reason}' matched {count} times (expected 1); "
                "check the patch after upgrading mkdocs-material"
            )
        source = source.replace(patch.old, patch.new)
    return source
