"""Small, checked fixes to Material's JavaScript bundle, applied to the built copy.

Material 9.8 has two behaviours that we cannot change through configuration:

1. For every ``<link rel="alternate">`` it fetches ``sitemap.xml`` relative to the link's
   address. With page-level ``hreflang`` links (which search engines need) that is a
   request for ``<page>/sitemap.xml`` on every page: a 404 and a console error.
   Our language switch links straight to the counterpart page, so the lookup is not
   needed for ``hreflang`` links at all.
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

Each patch must match exactly once: after a Material upgrade a failed match stops the
build instead of silently shipping the stock behaviour.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .languages import PREFIX

BUNDLE = "assets/javascripts/bundle.*.min.js"
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
            "no sitemap.xml lookups for page-level hreflang links",
            'M("link[rel=alternate]")',
            'M("link[rel=alternate]:not([hreflang])")',
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
            WORKER,
            "stemmed matching of whole query words",
            ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}*`)",
            ".map(r=>/(^[+-]|[~^]\\d+$)/.test(r)?r:`${r}* ${r}`)",
        ),
    ]


class PatchError(Exception):
    """A patch did not match the bundle exactly once."""


def apply_patches(source: str, to_apply: list[Patch]) -> str:
    """Apply every patch (all for the same file), each of which must match exactly once."""
    for patch in to_apply:
        count = source.count(patch.old)
        if count != 1 and source.count(patch.new) == 1:
            continue  # already applied (dirty rebuilds under `mkdocs serve`)
        if count != 1:
            raise PatchError(
                f"Material bundle patch '{patch.reason}' matched {count} times (expected 1); "
                "check the patch after upgrading mkdocs-material"
            )
        source = source.replace(patch.old, patch.new)
    return source
