"""Checks of the built site as a whole: links, anchors, origins, search indexes, metadata."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from tests.helpers.sitecheck import css_urls, html_pages, is_other_origin, page_url, parse, resolve

# URLs that appear as strings inside Material's JavaScript but are never loaded by this
# site. The browser tests prove at run time that no page requests another origin.
ALLOWED_JS_URLS = {
    "http://www.w3.org/2000/svg": "SVG namespace, not a request",
    "http://www.w3.org/1999/xlink": "SVG namespace, not a request",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "only for Mermaid diagrams (the site has none)",
    "https://unpkg.com/resize-observer-polyfill": "only for browsers without ResizeObserver (none supported)",
    "https://api.github.com/users/": "repository facts; disabled by overrides/partials/source.html",
    "https://api.github.com/repos/": "repository facts; disabled by overrides/partials/source.html",
    "https://fontawesome.com": "licence comment",
    "https://fontawesome.com/license/free": "licence comment",
    "https://clipboardjs.com/": "licence comment",
    "https://bit.ly/2s3ChXG": "licence comment",
    "http://tartarus.org/": "licence comment (stemmer)",
    "http://snowball.tartarus.org/": "licence comment (Swedish stemmer)",
    "http://code.google.com/p/urim/": "licence comment (Swedish stemmer)",
    "http://www.mozilla.org/MPL/": "licence comment (Swedish stemmer)",
    "https://github.com/MihaiValentin/lunr-languages": "licence comment (Swedish stemmer)",
    "http://lunrjs.com": "licence comment",
    "https://": "string prefix, not a request",
}
_URL_IN_CODE = re.compile(r"https?://[A-Za-z0-9./_@%-]*")
_STRINGS_ONLY = ("http://www.w3.org/",)


def is_404(site, path) -> bool:
    return path.name == "404.html"


def test_every_internal_link_and_anchor_resolves(site):
    problems = []
    parsed = {path: parse(path) for path in html_pages(site.root)}
    by_file = {path.resolve(): page for path, page in parsed.items()}
    for path, page in parsed.items():
        here = page_url(site.root, path, site.url)
        for href in page.links:
            if not href or href.startswith(("javascript:", "mailto:", "tel:")):
                continue
            absolute = urljoin(here, href)
            if is_other_origin(absolute, site.url):
                continue
            target, fragment = resolve(site.root, site.url, absolute)
            if target is None:
                problems.append(f"{path.relative_to(site.root)}: broken link {href}")
                continue
            if fragment and target.suffix == ".html" and fragment not in by_file[target.resolve()].ids:
                problems.append(f"{path.relative_to(site.root)}: missing anchor {href}")
    assert not problems, "\n".join(problems)


def test_no_page_loads_anything_from_another_origin(site):
    problems = []
    for path in html_pages(site.root):
        here = page_url(site.root, path, site.url)
        for url in parse(path).loads:
            if is_other_origin(urljoin(here, url), site.url):
                problems.append(f"{path.relative_to(site.root)}: loads {url}")
    assert not problems, "\n".join(problems)


def test_no_stylesheet_references_another_origin(site):
    problems = []
    for path in sorted(site.root.rglob("*.css")):
        for url in css_urls(path.read_text(encoding="utf-8")):
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                problems.append(f"{path.relative_to(site.root)}: {url}")
    assert not problems, "\n".join(problems)


def test_no_script_references_another_origin(site):
    problems = []
    for path in sorted(site.root.rglob("*.js")):
        for url in set(_URL_IN_CODE.findall(path.read_text(encoding="utf-8"))):
            if url not in ALLOWED_JS_URLS and not url.startswith(_STRINGS_ONLY):
                problems.append(f"{path.relative_to(site.root)}: {url}")
    assert not problems, "Scripts name other origins:\n" + "\n".join(problems)


def test_each_language_has_its_own_search_index(site):
    sv = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((site.root / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert sv["config"]["lang"] == ["sv"]
    assert en["config"]["lang"] == ["en"]
    assert sv["docs"] and en["docs"]
    assert all(not doc["location"].startswith("en/") for doc in sv["docs"])
    assert all(doc["location"].startswith("en/") for doc in en["docs"])
    for doc in sv["docs"] + en["docs"]:
        assert "undefined" not in doc["location"]
        target, _ = resolve(site.root, site.url, urljoin(site.url, doc["location"]))
        assert target is not None, f"search entry leads nowhere: {doc['location']}"


def test_every_page_has_canonical_alternates_and_description(site):
    problems = []
    for path in html_pages(site.root):
        page = parse(path)
        name = path.relative_to(site.root).as_posix()
        here = page_url(site.root, path, site.url)
        if name.endswith("index.html"):
            here = here[: -len("index.html")]
        descriptions = [m.get("content", "") for m in page.metas if m.get("name") == "description"]
        if not descriptions or not descriptions[0].strip():
            problems.append(f"{name}: no meta description")
        if path.name == "404.html":
            continue  # an error page has no canonical address or language versions
        canonical = [link["href"] for link in page.head_links if link.get("rel") == "canonical"]
        if canonical != [here]:
            problems.append(f"{name}: canonical {canonical} is not {here}")
        alternates = {
            link["hreflang"]: link["href"]
            for link in page.head_links
            if link.get("rel") == "alternate" and "hreflang" in link
        }
        if set(alternates) != {"sv", "en", "x-default"}:
            problems.append(f"{name}: hreflang alternates {sorted(alternates)}")
        for lang, href in alternates.items():
            if not href.startswith(site.url):
                problems.append(f"{name}: hreflang {lang} is not absolute: {href}")
            elif resolve(site.root, site.url, href)[0] is None:
                problems.append(f"{name}: hreflang {lang} leads nowhere: {href}")
        if alternates.get(page.lang) != here:
            problems.append(f"{name}: the alternate of its own language ({page.lang}) is not itself")
    assert not problems, "\n".join(problems)


def test_html_lang_matches_the_url(site):
    for path in html_pages(site.root):
        name = path.relative_to(site.root).as_posix()
        expected = "en" if name.startswith("en/") else "sv"
        assert parse(path).lang == expected, name


def test_untranslated_pages_carry_a_notice_in_english(site):
    """A page served to English readers from a Swedish file says so, in English."""
    for path in html_pages(site.root):
        text = path.read_text(encoding="utf-8")
        name = path.relative_to(site.root).as_posix()
        if 'data-oai="untranslated"' in text:
            assert name.startswith("en/"), f"{name}: notice on a Swedish page"
            assert "has not been translated into English yet" in text


def test_the_site_ships_no_source_maps(site):
    """Source maps only help debug Material itself; readers would download nothing from them."""
    assert not list(site.root.rglob("*.map"))
    for path in [*site.root.rglob("*.js"), *site.root.rglob("*.css")]:
        assert "sourceMappingURL=" not in path.read_text(encoding="utf-8"), path


def test_no_image_is_oversized(site):
    """Images ship with every copy of the site (also the offline zip); keep each small."""
    images = [
        p
        for p in site.root.rglob("*")
        if p.suffix.lower() in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
    ]
    assert images
    for path in images:
        assert path.stat().st_size <= 50_000, f"{path.relative_to(site.root)}: {path.stat().st_size:,} B"


def test_patched_material_files_are_named_by_their_content_and_referenced_so(site):
    """A patch changes the file, so it must change the name that servers cache for a year."""
    import material

    from offentligai.sitewide import material_patches

    theme = Path(material.__file__).parent / "templates"
    for target in {patch.target for patch in material_patches.patches()}:
        (original,) = theme.glob(target)
        (served,) = site.root.glob(target)
        text = served.read_text(encoding="utf-8")
        assert served.name == material_patches.renamed(original.name, text) != original.name
        page = (site.root / "index.html").read_text(encoding="utf-8")
        assert served.name in page and original.name not in page
