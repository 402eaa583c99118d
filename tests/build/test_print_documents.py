"""The print documents in the built site, and the PDFs `make pdf` makes from them (read back)."""

from __future__ import annotations

import html
import html.parser
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path
from urllib.parse import urljoin

import pytest
from pypdf import PdfReader

from offentligai.opendata.changes import page_url as page_url_of
from offentligai.printing import document
from tests.helpers import ROOT
from tests.helpers import publishing as support
from tests.helpers.sitecheck import page_url, parse, resolve

LANGUAGES = ("sv", "en")
GUIDE = document.DOCUMENTS["guide"]
TRUST_MODEL = document.DOCUMENTS["trust-model"]


def _prefix(lang: str) -> str:
    return "en/" if lang == "en" else ""


def _print_page(root: Path, doc: document.Document, lang: str) -> Path:
    return root / _prefix(lang) / doc.page.removesuffix(".md") / "index.html"


class _Structure(html.parser.HTMLParser):
    """The print page's chapter headings (h2 in a chapter section) and its tables' cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chapters: list[str] = []
        self.cells: list[str] = []
        self._in: str | None = None
        self._text: list[str] = []
        self._section = False

    def handle_starttag(self, tag, attrs):  # noqa: ANN001
        classes = dict(attrs).get("class") or ""
        if tag == "section" and "oai-print__chapter" in classes:
            self._section = True
        if (tag == "h2" and self._section) or tag in ("td", "th"):
            self._in, self._text = tag, []
        if tag == "a" and self._in == "h2" and "headerlink" in classes:
            self._in = "skip-headerlink"

    def handle_endtag(self, tag):  # noqa: ANN001
        if tag == "a" and self._in == "skip-headerlink":
            self._in = "h2"
        elif tag == self._in == "h2":
            self.chapters.append(" ".join("".join(self._text).split()))
            self._in, self._section = None, False
        elif tag == self._in:
            self.cells.append(" ".join("".join(self._text).split()))
            self._in = None

    def handle_data(self, data):  # noqa: ANN001
        if self._in in ("h2", "td", "th"):
            self._text.append(data)


def _structure(path: Path) -> _Structure:
    parser = _Structure()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _nav_titles(root: Path, lang: str, section: str, leave_out: tuple[str, ...]) -> list[str]:
    """The chapter titles in the order of the navigation in mkdocs.yml, from the built pages."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    files = re.findall(rf"^\s+- ({section}/[a-z/-]+\.md)$", config, re.M)
    titles = []
    for name in files:
        if name in leave_out:
            continue
        built = root / page_url_of(name, lang) / "index.html"
        title = re.search(r"<title>(.*?)</title>", built.read_text(encoding="utf-8")).group(1)
        titles.append(html.unescape(title.removesuffix(" - Offentlig AI")))
    return titles


# ---------------------------------------------------------------------------
# The plain build: print pages, and no PDF link while there is no PDF
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_plain_build_has_no_pdf_and_links_none(site, lang):
    assert not (site.root / GUIDE.pdf[lang]).exists()
    start = site.root / _prefix(lang) / "guide" / "index.html"
    links = [urljoin(page_url(site.root, start, site.url), href) for href in parse(start).links]
    assert not [link for link in links if link.endswith(".pdf")]
    text = start.read_text(encoding="utf-8")
    assert f'data-oai-pdf="{GUIDE.pdf[lang]}" hidden>' in text  # the inert link, hidden
    print_page = site.url + _prefix(lang) + "guide/utskrift/"
    assert print_page in links and resolve(site.root, site.url, print_page)[0] is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_whole_guide_has_every_chapter_in_order_with_contents_glossary_and_sources(site, lang):
    page = _print_page(site.root, GUIDE, lang)
    structure = _structure(page)
    chapters = _nav_titles(site.root, lang, "guide", GUIDE.leave_out)
    assert len(chapters) >= 11 and chapters[-1] == ("Ordlista" if lang == "sv" else "Glossary"), chapters
    sources = "Källor" if lang == "sv" else "Sources"
    assert structure.chapters == [*chapters, sources]
    parsed = parse(page)
    assert len(parsed.ids) > 200
    text = page.read_text(encoding="utf-8")
    assert 'id="oai-print-contents"' in text and 'id="ordlista"' in text
    # On paper: no chapter's reading time, and the checklists' boxes are for a pen (no script).
    assert 'data-oai="reading-time"' not in text
    assert 'class="task-list"' in text and "checklists.js" not in text
    for link in parsed.links:
        if link.startswith("#"):
            assert link[1:] in parsed.ids, link


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trust_model_form_has_its_three_parts_and_every_question(site, lang):
    page = _print_page(site.root, TRUST_MODEL, lang)
    structure = _structure(page)
    assert structure.chapters == _nav_titles(site.root, lang, "fortroendemodellen", TRUST_MODEL.leave_out)
    assert len(structure.chapters) == 3
    text = page.read_text(encoding="utf-8")
    questions = len(re.findall(r'<li class="oai-tm-question ', text))
    parts = [
        _print_page(site.root, TRUST_MODEL, lang).parent.parent / slug / "index.html"
        for slug in ("infor-utveckling", "utveckling", "uppfoljning")
    ]
    on_part_pages = sum(p.read_text(encoding="utf-8").count('<li class="oai-tm-question ') for p in parts)
    assert questions == on_part_pages > 50
    assert 'class="oai-print__form-head"' in text


# ---------------------------------------------------------------------------
# make pdf: the PDFs, read back
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_pdfs(site, tmp_path_factory) -> Path:
    """A copy of the built site after `scripts/pdf.py` (the shared site stays a plain build)."""
    copy = tmp_path_factory.mktemp("pdf") / "site"
    shutil.copytree(site.root, copy, symlinks=True)
    result = subprocess.run(
        [sys.executable, "-m", "scripts.pdf", "--site-dir", str(copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return copy


def _outline(reader: PdfReader) -> list[str]:
    """The titles of the outline's second level (under the document's title)."""
    top = reader.outline
    assert top, "the PDF has no outline"
    children = next((item for item in top if isinstance(item, list)), [])
    return [item.title for item in children if not isinstance(item, list)]


def _text(reader: PdfReader) -> str:
    """The PDF's text; ligatures (the font's "ﬀ" for "ff") written out as letters."""
    return unicodedata.normalize("NFKC", "".join(page.extract_text() or "" for page in reader.pages))


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _in_pdf(cell: str, text: str) -> bool:
    """Whether a table cell's text is in the PDF's text (both without white space).

    The text of a table comes out line by line across the row, so a cell that wraps is
    interleaved with its neighbours: its characters must then appear in order, close together.
    A table cut at the page's edge loses whole cells, which this finds.
    """
    wanted = _squeezed(unicodedata.normalize("NFKC", cell))
    if wanted in text:
        return True
    for match in re.finditer(re.escape(wanted[:6]), text):
        window = iter(text[match.start() : match.start() + 4 * len(wanted) + 100])
        if all(char in window for char in wanted):
            return True
    return False


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_pdf_has_the_chapters_in_its_outline_and_every_table_whole(with_pdfs, lang):
    reader = PdfReader(with_pdfs / GUIDE.pdf[lang])
    structure = _structure(_print_page(with_pdfs, GUIDE, lang))
    contents = "Innehåll" if lang == "sv" else "Contents"
    # Chromium joins a heading's wrapped lines without a space in the outline: compare without spaces
    assert [_squeezed(t) for t in _outline(reader)] == [_squeezed(t) for t in [contents, *structure.chapters]]
    assert reader.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    text = _squeezed(_text(reader))
    missing = [cell for cell in structure.cells if not _in_pdf(cell, text)]
    assert len(structure.cells) > 50 and missing == [], missing[:10]
    if lang == "sv":
        for word in ("Säkerhet", "förtroende", "Förvaltningslagen", "Ordlista", "Källor", "årlig"):
            assert word in text or word.lower() in text.lower(), word


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_guide_pdf_links_inside_and_out(with_pdfs, site, lang):
    reader = PdfReader(with_pdfs / GUIDE.pdf[lang])
    uris, internal = [], 0
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                uris.append(str(action["/URI"]))
            elif "/Dest" in annotation or (action is not None and "/D" in action):
                internal += 1
    assert internal > 50  # the contents and the links between chapters
    assert any(uri.startswith("https://eur-lex.europa.eu/") for uri in uris)
    # Links to the site's other pages lead to its public address (here: where the tests serve it)
    assert f"{site.url}{_prefix(lang)}fortroendemodellen/utveckling/#legal-basis" in uris
    local = [uri for uri in uris if uri.startswith(("http://127.", "http://localhost"))]
    assert all(uri.startswith(site.url) for uri in local)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_trust_model_pdf_is_a_form_of_its_three_parts(with_pdfs, lang):
    reader = PdfReader(with_pdfs / TRUST_MODEL.pdf[lang])
    structure = _structure(_print_page(with_pdfs, TRUST_MODEL, lang))
    outline = _outline(reader)
    assert [_squeezed(t) for t in outline[-3:]] == [_squeezed(t) for t in structure.chapters]
    assert len(outline) == 5  # contents, form head, parts
    text = _text(reader)
    field = "Deltagare" if lang == "sv" else "Participants"
    assert field in text
    if lang == "sv":
        assert "Inför utveckling" in text and "Uppföljning" in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_after_make_pdf_the_start_pages_link_the_pdfs(with_pdfs, lang):
    for doc, start in ((GUIDE, "guide"), (TRUST_MODEL, "fortroendemodellen")):
        page = with_pdfs / _prefix(lang) / start / "index.html"
        here = page_url(with_pdfs, page, "https://example.org/")
        links = [urljoin(here, href) for href in parse(page).links]
        assert f"https://example.org/{doc.pdf[lang]}" in links
        after = page.read_text(encoding="utf-8").split(f'data-oai-pdf="{doc.pdf[lang]}"', 1)[1]
        assert not after.startswith(" hidden>")
        assert (with_pdfs / doc.pdf[lang]).stat().st_size > 50_000


def test_the_offline_zip_holds_the_pdfs(tmp_path_factory):
    bundle = support.offline_bundle(tmp_path_factory.getbasetemp() / "publishing")
    with zipfile.ZipFile(bundle.zip_path) as archive:
        names = set(archive.namelist())
        for doc in (GUIDE, TRUST_MODEL):
            for lang in LANGUAGES:
                assert f"{support_top()}/{doc.pdf[lang]}" in names
        start = archive.read(f"{support_top()}/guide/index.html").decode("utf-8")
    assert f'<a href="../{GUIDE.pdf["sv"]}"' in start


def support_top() -> str:
    from scripts.offline_bundle import TOP

    return TOP
