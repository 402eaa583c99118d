"""Real builds for publishing: the offline zip, redirects of moved pages, the inline scripts
that the Content-Security-Policy must allow."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from offentligai.sitewide import offline
from scripts import csp, offline_bundle
from tests.helpers import publishing as support
from tests.helpers.publishing import ROOT
from tests.helpers.sitecheck import parse

# Left out of `make test-fast`: the offline zip is a build of the whole site.
pytestmark = pytest.mark.site

# The only inline scripts the site may have, each from a template we do not own: Material's
# base.html (storage helpers), content.html (tabs), palette.html, and the redirect pages of
# mkdocs-redirects. Anything else must go into a file under docs/assets/javascripts/: a
# hash-based policy would otherwise allow any new inline script without review.
KNOWN_INLINE_SCRIPTS = (
    re.compile(r'^__md_scope=new URL\("[^"]*",location\),__md_hash='),
    re.compile(r"^var target=document\.getElementById\(location\.hash\.slice\(1\)\)"),
    re.compile(r'^var palette=__md_get\("__palette"\)'),
    re.compile(r'^var anchor=window\.location\.hash\.substr\(1\);location\.href="[^"]*"\+'),
    # overrides/main.html: must run before the first paint, so it cannot wait for a file
    re.compile(r'^document\.documentElement\.classList\.add\("oai-js"\)$'),
)
MOVED = {"om/tillganglighetsredogorelse": "om/tillganglighet"}
MB = 1024 * 1024


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> support.OfflineBundle:
    try:
        return support.offline_bundle(tmp_path_factory.getbasetemp() / "publishing")
    except support.BuildFailed as error:
        pytest.fail(str(error), pytrace=False)


# --- the offline zip -----------------------------------------------------------------


def test_the_zip_opens_into_one_folder_and_stays_small(bundle, record_property, capsys):
    record_property("offline_zip_bytes", bundle.size)
    with capsys.disabled():
        print(f"\noffline bundle: {bundle.zip_path.name} {offline_bundle.human_size(bundle.size)}")
    with zipfile.ZipFile(bundle.zip_path) as archive:
        entries = archive.infolist()
    names = [entry.filename for entry in entries]
    assert names[0] == "README.txt"
    assert {"offentligai/index.html", "offentligai/en/index.html", "offentligai/404.html"} <= set(names)
    assert all(name == "README.txt" or name.startswith("offentligai/") for name in names)
    # The site stays small; the four tagged PDFs (the guide's run to some 150 pages) weigh more.
    pdfs = sum(entry.compress_size for entry in entries if entry.filename.endswith(".pdf"))
    assert 1 * MB <= bundle.size - pdfs <= 3 * MB, offline_bundle.human_size(bundle.size - pdfs)
    assert bundle.size <= 8 * MB, offline_bundle.human_size(bundle.size)


def test_the_hosting_page_states_the_zips_size(bundle):
    """The size the page and the README give is the size the build reports (MB of 1024²),
    give or take 0.3 MB: "about" stays true while examples are added, and a stale figure fails."""
    size = bundle.size / MB
    patterns = {
        "docs/om/drift.md": r"offentligai-offline\.zip`, cirka (\d+),(\d) MB",
        "docs/om/drift.en.md": r"offentligai-offline\.zip`, about (\d+)\.(\d) MB",
        "README.md": r"offentligai-offline\.zip` \(about (\d+)\.(\d) MB\)",
    }
    for name, pattern in patterns.items():
        match = re.search(pattern, (ROOT / name).read_text(encoding="utf-8"))
        assert match, (name, pattern)
        stated = float(f"{match.group(1)}.{match.group(2)}")
        assert abs(stated - size) <= 0.3, f"{name} says {stated} MB; make offline writes {size:.2f} MB"


def test_the_zip_links_pages_as_files(bundle):
    # From file:// a link to a folder opens a file listing, not the folder's index.html.
    site = bundle.unpacked / "offentligai"
    assert "guide/index.html" in parse(site / "index.html").links
    folders = sorted(
        {
            f"{path.relative_to(site)}: {link}"
            for path in site.rglob("*.html")
            if path.name != "404.html"  # served by a web server only, never opened offline
            for link in parse(path).links
            if link.split("#")[0].endswith("/") and not re.match(r"^[a-z]+:", link)
        }
    )
    assert not folders, f"{len(folders)} links to folders, such as:\n" + "\n".join(folders[:10])


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_each_language_searches_its_own_index_as_a_script(bundle, lang):
    site = bundle.unpacked / "offentligai"
    prefix = "en/" if lang == "en" else ""
    script = (site / prefix / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    index = json.loads(script[len("var __index = ") :])
    assert index == json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]
    assert index["docs"]
    assert all(doc["location"].startswith("en/") == (lang == "en") for doc in index["docs"])


def test_the_worker_shim_is_the_local_copy_from_npm(bundle):
    site = bundle.unpacked / "offentligai"
    shipped = site / offline.POLYFILL
    assert shipped.read_bytes() == (ROOT / offline.SHIM_PACKAGE / "shim" / "index.js").read_bytes()
    assert shipped.with_name("LICENSE").is_file()
    for page in (site / "index.html", site / "en" / "guide" / "index.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg" not in html
        assert re.search(r'<script src="[./]*assets/javascripts/vendor/iframe-worker/shim\.js"', html)


def test_nothing_in_the_zip_loads_from_another_origin(bundle):
    site = bundle.unpacked / "offentligai"
    problems = [
        f"{path.relative_to(site)}: {url}"
        for path in sorted(site.rglob("*.html"))
        for url in parse(path).loads
        if re.match(r"^(https?:)?//", url)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_moved_pages_redirect_in_the_zip(bundle, prefix):
    site = bundle.unpacked / "offentligai"
    for old, new in MOVED.items():
        html = (site / f"{prefix}{old}.html").read_text(encoding="utf-8")
        target = new.rsplit("/", 1)[-1] + ".html"
        assert f'content="0; url={target}"' in html
        assert (site / f"{prefix}{new}.html").is_file()


# --- the built site ------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_moved_pages_redirect_in_the_built_site(site, prefix):
    for old, new in MOVED.items():
        html = (site.root / prefix / old / "index.html").read_text(encoding="utf-8")
        assert 'content="0; url=../tillganglighet/"' in html
        assert (site.root / prefix / new / "index.html").is_file()


def test_every_inline_script_is_a_known_one(site):
    unknown = sorted(
        {
            f"{path.relative_to(site.root)}: {text[:80]!r}"
            for path in csp.html_files(site.root)
            for text in csp.inline_scripts(path.read_text(encoding="utf-8"))
            if not any(pattern.match(text) for pattern in KNOWN_INLINE_SCRIPTS)
        }
    )
    assert not unknown, "inline scripts must move into files:\n" + "\n".join(unknown[:20])


def test_the_policy_of_the_built_site_has_few_hashes(site):
    # One storage-helper script per folder depth, plus tabs, palette and one per redirect.
    hashes = csp.site_hashes(site.root)
    assert 3 <= len(hashes) <= 20, hashes
    assert "unsafe" not in csp.policy(hashes)


def test_the_outdated_banner_script_of_material_is_not_shipped(site):
    # Material's partials/javascripts/outdated.html runs `new URL("<relative base_url>")`,
    # which throws; overrides/partials/javascripts/outdated.html replaces it.
    override = ROOT / "overrides" / "partials" / "javascripts" / "outdated.html"
    assert override.is_file()
    assert "<script" not in override.read_text(encoding="utf-8")
    for path in (site.root / "index.html", site.root / "en" / "om" / "index.html"):
        assert "__outdated" not in path.read_text(encoding="utf-8")


def test_the_hosting_page_is_built_in_both_languages_and_in_the_navigation(site):
    for prefix, title in (("", "Drift på egen server"), ("en/", "Hosting on your own server")):
        assert title in (site.root / prefix / "om" / "drift" / "index.html").read_text(encoding="utf-8")
        links = parse(site.root / prefix / "om" / "index.html").links
        assert any(link.rstrip("/").endswith("drift") for link in links), links
