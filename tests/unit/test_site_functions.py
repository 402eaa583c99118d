"""Unit tests of the site frame's hook functions (hooks/offentligai)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from offentligai import markers
from offentligai.dates import long_date
from offentligai.errors import ContentError, Problem
from offentligai.languages import counterpart_url, load_strings, not_found_path, page_language, strings_for
from offentligai.sitewide import (
    assets,
    glossary,
    material_patches,
    placeholders,
    search_index,
    seo,
    tasklists,
)

# --- languages -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "lang"),
    [
        ("", "sv"),
        ("guide/", "sv"),
        ("en/", "en"),
        ("en/guide/data/", "en"),
        ("english/", "sv"),
        ("404.html", "sv"),
    ],
)
def test_page_language_comes_from_the_url(url, lang):
    assert page_language(url) == lang


@pytest.mark.parametrize(
    ("url", "target", "expected"),
    [
        ("", "en", "en/"),
        ("en/", "sv", ""),
        ("guide/data/", "en", "en/guide/data/"),
        ("en/guide/data/", "sv", "guide/data/"),
        ("guide/data/", "sv", "guide/data/"),
        ("en/om/", "en", "en/om/"),
    ],
)
def test_counterpart_url(url, target, expected):
    assert counterpart_url(url, target) == expected


def test_not_found_path_per_language():
    assert not_found_path("sv") == "404.html"
    assert not_found_path("en") == "en/404.html"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_load_strings_merges_files_and_gives_each_language(tmp_path):
    write(tmp_path / "a.yml", "one: {sv: Ett, en: One}\n")
    write(tmp_path / "b.yml", "two: {sv: Två, en: Two}\n")
    strings = load_strings(tmp_path)
    assert strings_for(strings, "en") == {"one": "One", "two": "Two"}
    assert strings_for(strings, "sv") == {"one": "Ett", "two": "Två"}


def test_load_strings_reports_every_missing_translation_and_duplicate(tmp_path):
    write(tmp_path / "a.yml", "one: {sv: Ett}\ntwo: {sv: '', en: Two}\n")
    write(tmp_path / "b.yml", "one: {sv: Ett, en: One}\n")
    with pytest.raises(ContentError) as caught:
        load_strings(tmp_path)
    report = caught.value.report()
    assert f"{tmp_path.as_posix()}/a.yml: one.en: a non-empty translation is required" in report
    assert f"{tmp_path.as_posix()}/a.yml: two.sv: a non-empty translation is required" in report
    assert f"{tmp_path.as_posix()}/b.yml: one: is already defined in {tmp_path.as_posix()}/a.yml" in report
    assert report.startswith("3 problems")


def test_load_strings_reports_broken_yaml_in_one_line(tmp_path):
    write(tmp_path / "a.yml", "one: {sv: [unclosed\n")
    with pytest.raises(ContentError) as caught:
        load_strings(tmp_path)
    (line,) = caught.value.report().splitlines()[1:]
    assert "a.yml: is not valid YAML" in line


def test_problem_names_file_field_value_and_rule():
    assert str(Problem("docs/x.md", "status", "done", "allowed: idea, pilot")) == (
        "docs/x.md: status: done: allowed: idea, pilot"
    )
    assert str(Problem("docs/x.md", "", "", "is empty")) == "docs/x.md: is empty"


# --- seo -----------------------------------------------------------------------------


def test_first_paragraph_text_skips_empty_paragraphs_and_tags():
    html = '<h1>T</h1><p> </p><p>Hello <a href="#">wide</a> &amp; <em>open</em>\n world.</p><p>Second</p>'
    assert seo.first_paragraph_text(html) == "Hello wide & open world."


def test_description_prefers_front_matter_then_paragraph_then_site():
    assert seo.description("From meta", "<p>Para</p>", "Site") == "From meta"
    assert seo.description(None, "<p>Para</p>", "Site") == "Para"
    assert seo.description("  ", "<div>none</div>", "Site") == "Site"


def test_shorten_cuts_at_a_word_and_marks_the_cut():
    text = "word " * 60
    short = seo.shorten(text, 40)
    assert len(short) <= 40 and short.endswith("…") and not short.endswith(" …")


def test_alternates_cover_both_languages_and_x_default():
    alts = {a.lang: a.url for a in seo.alternates("en/om/")}
    assert alts == {"sv": "om/", "en": "en/om/", "x-default": "om/"}


def test_absolute_joins_without_double_slashes():
    assert seo.absolute("https://x.se/sub/", "/en/om/") == "https://x.se/sub/en/om/"
    assert seo.absolute("https://x.se/sub", "") == "https://x.se/sub/"


# --- search index ------------------------------------------------------------------------


def test_split_index_keeps_each_language_apart():
    merged = {
        "config": {"lang": ["sv", "en"], "separator": "x"},
        "docs": [{"location": ""}, {"location": "om/"}, {"location": "en/"}, {"location": "en/om/#a"}],
    }
    split = search_index.split_index(merged)
    assert [d["location"] for d in split["sv"]["docs"]] == ["", "om/"]
    assert [d["location"] for d in split["en"]["docs"]] == ["en/", "en/om/#a"]
    assert split["sv"]["config"] == {"lang": ["sv"], "separator": "x"}
    assert split["en"]["config"]["lang"] == ["en"]
    assert merged["config"]["lang"] == ["sv", "en"], "the input is not changed"


def test_index_path_per_language():
    assert search_index.index_path("sv") == "search/search_index.json"
    assert search_index.index_path("en") == "en/search/search_index.json"


# --- material patches ----------------------------------------------------------------------


def test_a_patch_replaces_its_text():
    patches = [material_patches.Patch("x.js", "r", "OLD", "NEW")]
    assert material_patches.apply_patches("a OLD b", patches) == "a NEW b"


def test_a_patched_file_is_named_by_its_new_content():
    assert (
        material_patches.renamed("bundle.0123abcd.min.js", "x")
        == f"bundle.{material_patches.fingerprint('x')}.min.js"
    )
    assert material_patches.renamed("search.0123abcd.min.js", "x") != material_patches.renamed(
        "search.0123abcd.min.js", "y"
    )
    with pytest.raises(material_patches.PatchError, match="not a fingerprinted file name"):
        material_patches.renamed("bundle.js", "x")


def _fake_theme(tmp_path: Path) -> tuple[Path, Path]:
    """A theme folder with one bundle, and a site that references it (as MkDocs copies it)."""
    theme, site = tmp_path / "theme", tmp_path / "site"
    for root in (theme, site):
        write(root / "assets" / "javascripts" / "bundle.0123abcd.min.js", "a OLD b")
    write(site / "index.html", '<script src="assets/javascripts/bundle.0123abcd.min.js"></script>')
    write(site / "search" / "search_index.json", '{"text": "bundle.0123abcd.min.js"}')
    return theme, site


def test_patching_the_site_renames_the_file_and_rewrites_every_reference(tmp_path, monkeypatch):
    theme, site = _fake_theme(tmp_path)
    target = "assets/javascripts/bundle.*.min.js"
    monkeypatch.setattr(
        material_patches, "patches", lambda: [material_patches.Patch(target, "r", "OLD", "NEW")]
    )
    renames = material_patches.patch_site(site, theme)
    new_name = material_patches.renamed("bundle.0123abcd.min.js", "a NEW b")
    assert renames == {"assets/javascripts/bundle.0123abcd.min.js": f"assets/javascripts/{new_name}"}
    assert [p.name for p in (site / "assets" / "javascripts").iterdir()] == [new_name]
    assert (site / "assets" / "javascripts" / new_name).read_text(encoding="utf-8") == "a NEW b"
    assert new_name in (site / "index.html").read_text(encoding="utf-8")
    assert "0123abcd" not in (site / "search" / "search_index.json").read_text(encoding="utf-8")
    # A rebuild into the same folder (mkdocs serve) gives the same result.
    write(site / "assets" / "javascripts" / "bundle.0123abcd.min.js", "a OLD b")
    assert material_patches.patch_site(site, theme) == renames
    assert [p.name for p in (site / "assets" / "javascripts").iterdir()] == [new_name]


def test_changing_a_patch_changes_the_served_name(tmp_path, monkeypatch):
    import material

    theme = Path(material.__file__).parent / "templates"
    names = {old: new for old, (new, _) in material_patches.patched_files(theme).items()}
    assert all(old != new for old, new in names.items())  # never Material's own name
    real = material_patches.patches()
    changed = [
        material_patches.Patch(p.target, p.reason, p.old, p.new + ";")
        if p.target == material_patches.BUNDLE
        else p
        for p in real
    ]
    monkeypatch.setattr(material_patches, "patches", lambda: changed)
    again = {old: new for old, (new, _) in material_patches.patched_files(theme).items()}
    bundle = next(old for old in names if "bundle." in old)
    worker = next(old for old in names if "search." in old)
    assert again[bundle] != names[bundle]  # the bundle's patch changed: a new name
    assert again[worker] == names[worker]  # the worker's did not: the same name


def test_patch_that_does_not_match_stops_with_a_clear_error():
    with pytest.raises(material_patches.PatchError, match="matched 0 times"):
        material_patches.apply_patches(
            "nothing here", [material_patches.Patch("x.js", "reason", "OLD", "NEW")]
        )


def test_the_real_patches_match_the_installed_material_files():
    import material

    templates = Path(material.__file__).parent / "templates"
    patched = {}
    for target in {p.target for p in material_patches.patches()}:
        (path,) = templates.glob(target)
        patches = [p for p in material_patches.patches() if p.target == target]
        patched[target] = material_patches.apply_patches(path.read_text(encoding="utf-8"), patches)
    assert 'M("link[rel=alternate]:not([hreflang]):not([type])")' in patched[material_patches.BUNDLE]
    assert '{"en": "en/"}[document.documentElement.lang]' in patched[material_patches.BUNDLE]
    assert "`${r}* ${r}`" in patched[material_patches.WORKER]


# --- placeholders, markers, dates, assets --------------------------------------------------


def test_placeholders_are_filled_and_unknown_ones_reported():
    assert (
        placeholders.fill("[x]([[repo_url]]/issues)", {"repo_url": "https://r"}, "a.md")
        == "[x](https://r/issues)"
    )
    with pytest.raises(ContentError) as caught:
        placeholders.fill("[[repo]] [[nope]]", {"repo_url": "u"}, "a.md")
    assert "a.md: placeholder: [[nope]]: allowed: [[repo_url]]" in caught.value.report()


CONTACT_PARAGRAPH = (
    "[[if repo_url]]Issues: [[repo_url]]/issues.[[if editorial_contact]] Or [[editorial_contact]].[[end]]"
    "[[else]]Write to [[editorial_contact]].[[end]]"
)


@pytest.mark.parametrize(
    ("repo_url", "contact", "expected"),
    [
        ("https://r/", "red@myndighet.se", "Issues: https://r/issues. Or mailto:red@myndighet.se."),
        ("https://r", "", "Issues: https://r/issues."),
        ("", "https://intranat.example.se/form", "Write to https://intranat.example.se/form."),
        (None, "mailto:red@myndighet.se", "Write to mailto:red@myndighet.se."),
    ],
)
def test_if_blocks_choose_the_text_for_the_settings_of_the_build(repo_url, contact, expected):
    values = placeholders.settings(repo_url, contact)
    assert placeholders.fill(CONTACT_PARAGRAPH, values, "a.md") == expected


def test_a_setting_used_where_it_is_empty_names_the_setting_to_give():
    with pytest.raises(ContentError) as caught:
        placeholders.fill(CONTACT_PARAGRAPH, placeholders.settings("", ""), "om/bidra.md")
    assert caught.value.report().splitlines()[1:] == [
        "  om/bidra.md: placeholder: [[editorial_contact]]: is empty in this build: set EDITORIAL_CONTACT "
        "(extra.editorial_contact in mkdocs.yml), or put the text in [[if editorial_contact]]…[[end]]"
    ]


def test_unbalanced_and_unknown_if_blocks_are_reported():
    values = placeholders.settings("https://r", "")
    with pytest.raises(ContentError) as caught:
        placeholders.fill("[[if repo_url]]a[[end]][[end]] [[if repo]]b[[end]] [[else]]", values, "a.md")
    report = caught.value.report()
    assert "a.md: placeholder: [[if repo]]: allowed: [[editorial_contact]], [[repo_url]]" in report
    assert "a.md: placeholder: [[end]]: unbalanced" in report
    assert "a.md: placeholder: [[else]]: unbalanced" in report


@pytest.mark.parametrize("value", ["redaktionen", "https://a b", "ftp://x.se/", "red@myndighet"])
def test_an_editorial_contact_is_an_address_or_a_web_address(value):
    with pytest.raises(ContentError) as caught:
        placeholders.contact_link(value)
    assert "mkdocs.yml: extra.editorial_contact (EDITORIAL_CONTACT)" in caught.value.report()


def test_leftover_marker_is_an_error():
    markers.check_all_handled("<p>fine</p><!-- an ordinary comment -->", "a.md")
    with pytest.raises(ContentError) as caught:
        markers.check_all_handled("<!-- offentligai:glosary -->", "a.md")
    assert "a.md: marker: offentligai:glosary: unknown marker" in caught.value.report()


def test_markers_replaced_after_search_indexing_may_remain_only_until_then():
    markers.check_all_handled(f"<p>x</p>{markers.EXAMPLE_FACTS}", "a.md", before_indexing=True)
    with pytest.raises(ContentError) as caught:
        markers.check_all_handled(f"<p>x</p>{markers.EXAMPLE_FACTS}", "a.md")
    assert "a.md: marker: offentligai:example-facts: unknown marker" in caught.value.report()


def test_source_map_comments_go_with_the_maps(tmp_path):
    assert assets.without_source_map_comment("a();\n//# sourceMappingURL=b.min.js.map\n") == "a();\n"
    assert assets.without_source_map_comment("a();\n//# sourceMappingURL=b.min.js.map") == "a();\n"
    assert assets.without_source_map_comment("a();\n//# sourceMappingURL=b.min.js.map\n\n") == "a();\n"
    assert assets.without_source_map_comment("p{}\n/*# sourceMappingURL=m.css.map */") == "p{}\n"
    # Only a closing comment: the same words inside the code are code.
    code = 'x="//# sourceMappingURL=";\ny();\n'
    assert assets.without_source_map_comment(code) == code
    write(tmp_path / "assets" / "javascripts" / "bundle.js.map", "{}")
    write(tmp_path / "assets" / "stylesheets" / "main.css.map", "{}")
    write(tmp_path / "assets" / "javascripts" / "bundle.js", "")
    assert [p.name for p in assets.source_maps(tmp_path)] == ["bundle.js.map", "main.css.map"]


def test_long_date_in_both_languages():
    assert long_date(dt.date(2026, 11, 28), "sv") == "28 november 2026"
    assert long_date(dt.date(2026, 3, 1), "en") == "1 March 2026"


def test_unused_lunr_files_keep_only_what_our_languages_need(tmp_path):
    for name in [
        "min/lunr.sv.min.js",
        "min/lunr.de.min.js",
        "min/lunr.stemmer.support.min.js",
        "min/lunr.multi.min.js",
        "tinyseg.js",
        "wordcut.js",
    ]:
        write(tmp_path / name, "")
    unused = [p.name for p in assets.unused_lunr_files(tmp_path)]
    assert sorted(unused) == ["lunr.de.min.js", "tinyseg.js", "wordcut.js"]


# --- glossary ------------------------------------------------------------------------------

GOOD = {
    "terms": [
        {
            "id": "dpia",
            "term": {"sv": "Konsekvensbedömning", "en": "Impact assessment"},
            "definition": {"sv": "En bedömning.", "en": "An assessment."},
            "match": {"sv": ["DPIA"], "en": ["DPIA", "impact assessment"]},
        },
        {
            "id": "ai",
            "term": {"sv": "Ö-term", "en": "AI"},
            "definition": {"sv": "Något.", "en": "Something."},
            "match": {"sv": ["AI"], "en": ["AI"]},
        },
    ]
}


def test_glossary_terms_sort_per_language():
    terms = glossary.parse_glossary(GOOD, "g.yml")
    assert [t.id for t in glossary.sorted_terms(terms, "sv")] == ["dpia", "ai"]  # Ö sorts last
    assert [t.id for t in glossary.sorted_terms(terms, "en")] == ["ai", "dpia"]


def _marked(html: str, lang: str = "en") -> list[tuple[str, str]]:
    """(definition, text) of every marked term of ``html`` marked with GOOD's terms."""
    marker = glossary.term_marker(glossary.parse_glossary(GOOD, "g.yml"), lang)
    result = glossary.mark_terms(html, marker)
    assert result.count("<abbr") == result.count("</abbr>")
    return re.findall(r'<abbr tabindex="0" title="([^"]*)">([^<]*)</abbr>', result)


def test_a_term_is_marked_once_per_page_at_its_first_form():
    html = "<p>An impact assessment, a DPIA, and AI.</p><p>AI and DPIA again.</p>"
    # "DPIA" is another form of the term already marked: a term takes one focus stop per page.
    assert _marked(html) == [("An assessment.", "impact assessment"), ("Something.", "AI")]


def test_terms_are_marked_in_the_page_language():
    html = "<p>Ett impact assessment och en DPIA.</p>"
    assert _marked(html, "sv") == [("En bedömning.", "DPIA")]  # "impact assessment" is English only
    assert _marked(html, "en") == [("An assessment.", "impact assessment")]


@pytest.mark.parametrize(
    "inside",
    [
        '<a href="#x">DPIA</a>',
        '<a href="#x"><em>DPIA</em></a>',
        "<h1>DPIA</h1>",
        '<h2 id="dpia">The DPIA<a class="headerlink" href="#dpia">&para;</a></h2>',
        "<h3>DPIA</h3>",
        "<h4>DPIA</h4>",
        "<h5>DPIA</h5>",
        "<h6>DPIA</h6>",
        "<code>DPIA</code>",
        "<pre><code>DPIA</code></pre>",
        "<pre><span>x</span> DPIA</pre>",
        "<summary>DPIA</summary>",
        "<button>DPIA</button>",
        "<dl><dt>DPIA</dt><dd>x</dd></dl>",
        '<abbr title="y">DPIA</abbr>',
        "<script>let s = '<b>'; // DPIA</script>",
        "<!-- DPIA -->",
        '<img alt="DPIA">',
        '<span title="a DPIA > b">x</span>',
        "<table data-oai-glossary-skip><tr><td>DPIA <table><tr><td>DPIA</td></tr></table> DPIA</td></tr>"
        "</table>",
    ],
)
def test_terms_are_never_marked_inside_links_headings_code_and_the_like(inside):
    # The term is left alone there, and marked at its next occurrence outside.
    html = f"<p>Before.</p>{inside}<p>After: DPIA.</p>"
    marker = glossary.term_marker(glossary.parse_glossary(GOOD, "g.yml"), "en")
    result = glossary.mark_terms(html, marker)
    marked = 'After: <abbr tabindex="0" title="An assessment.">DPIA</abbr>.'
    assert result == html.replace("After: DPIA.", marked)


def test_nested_elements_of_the_skipped_kind_end_where_the_outer_one_ends():
    html = "<pre><pre>DPIA</pre> DPIA</pre><p>AI</p><br/><p>DPIA</p>"
    assert _marked(html) == [("Something.", "AI"), ("An assessment.", "DPIA")]


def test_terms_are_whole_words_and_the_longest_form_wins():
    terms = glossary.parse_glossary(
        {
            "terms": [
                {
                    "id": "ai-system",
                    "term": {"sv": "AI-system", "en": "AI system"},
                    "definition": {"sv": "Ett system.", "en": "A system & more <b>."},
                    "match": {"sv": ["AI-system", "AI-systemet"], "en": ["AI system"]},
                }
            ]
        },
        "g.yml",
    )
    sv = glossary.term_marker(terms, "sv")
    assert glossary.mark_terms("<p>AI-systemen och AI-systemet</p>", sv) == (
        '<p>AI-systemen och <abbr tabindex="0" title="Ett system.">AI-systemet</abbr></p>'
    )
    en = glossary.term_marker(terms, "en")
    assert glossary.mark_terms("<p>An AI system.</p>", en) == (
        '<p>An <abbr tabindex="0" title="A system &amp; more &lt;b&gt;.">AI system</abbr>.</p>'
    )


def test_a_page_without_terms_is_unchanged():
    marker = glossary.term_marker(glossary.parse_glossary(GOOD, "g.yml"), "sv")
    html = "<p>Ingenting att förklara här <br> alls.</p><a>"
    assert glossary.mark_terms(html, marker) == html


def test_glossary_reports_every_problem_with_its_place():
    bad = {
        "terms": [
            {
                "id": "Bad Id",
                "term": {"sv": "x"},
                "definition": {"sv": "a", "en": 'say "hi"'},
                "match": {"sv": ["x"]},
            },
            {
                "id": "ok",
                "term": {"sv": "x", "en": "x"},
                "definition": {"sv": "y", "en": "y"},
                "match": {"sv": ["x"], "en": ["x"]},
                "extra": 1,
            },
        ]
    }
    with pytest.raises(ContentError) as caught:
        glossary.parse_glossary(bad, "g.yml")
    report = caught.value.report()
    for line in [
        "g.yml: terms[0].id: Bad Id: lowercase a–z, 0–9 and hyphens",
        "g.yml: terms[0].term.en: a non-empty text is required",
        'g.yml: terms[0].definition.en: say "hi": one line without double quotes',
        "g.yml: terms[0].match.en: a non-empty list of word forms",
        "g.yml: terms[1].extra: unknown key; allowed: id, term, definition, match, see",
    ]:
        assert line in report


def test_the_real_glossary_is_complete_in_both_languages():
    root = Path(__file__).resolve().parents[2]
    terms = glossary.load_glossary(root / "data" / "glossary.yml")
    assert len(terms) >= 40


def test_missing_data_files_are_clear_errors(tmp_path):
    with pytest.raises(ContentError) as caught:
        glossary.load_glossary(tmp_path / "glossary.yml")
    assert "glossary.yml: file not found" in caught.value.report()
    with pytest.raises(ContentError) as caught:
        load_strings(tmp_path / "strings")
    assert "strings: holds no strings files (*.yml)" in caught.value.report()


def test_checklist_boxes_are_named_after_their_item():
    html = (
        '<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled> '
        'Ask <a href="x">the DPO</a> &amp; lawyers<ul><li>nested</li></ul></li></ul>'
    )
    out = tasklists.label_checkboxes(html)
    assert '<input type="checkbox" disabled aria-label="Ask the DPO &amp; lawyers">' in out
    assert out.endswith('Ask <a href="x">the DPO</a> &amp; lawyers<ul><li>nested</li></ul></li></ul>')


# --- data files --------------------------------------------------------------------------


def test_a_data_file_is_parsed_once_per_version_and_each_caller_gets_a_copy(tmp_path):
    from offentligai import datafiles

    path = tmp_path / "data.yml"
    path.write_text("a: [1, 2]\n", encoding="utf-8")
    first = datafiles.read_yaml(path)
    first["a"].append(3)  # a caller changing its copy changes nothing for the next one
    hits = datafiles._parsed.cache_info().hits
    assert datafiles.read_yaml(path) == {"a": [1, 2]}
    assert datafiles._parsed.cache_info().hits == hits + 1
    path.write_text("a: [1, 2, 3, 4]\n", encoding="utf-8")  # another size: parsed again
    assert datafiles.read_yaml(path) == {"a": [1, 2, 3, 4]}


def test_work_on_files_is_remembered_until_one_of_them_changes(tmp_path):
    from offentligai import datafiles

    path = tmp_path / "model.yml"
    path.write_text("x: 1\n", encoding="utf-8")
    runs = []

    def check() -> str:
        runs.append(path.read_text(encoding="utf-8"))
        return f"checked {len(runs)}"

    assert datafiles.remembered(("check", datafiles.version(path)), check) == "checked 1"
    assert datafiles.remembered(("check", datafiles.version(path)), check) == "checked 1"
    path.write_text("x: 22\n", encoding="utf-8")  # a new version of the file: done again
    assert datafiles.remembered(("check", datafiles.version(path)), check) == "checked 2"
    assert runs == ["x: 1\n", "x: 22\n"]
    assert datafiles.version(tmp_path / "missing.yml") == ((tmp_path / "missing.yml").as_posix(), -1, -1)


def test_work_that_fails_is_not_remembered():
    from offentligai import datafiles

    calls = []

    def failing() -> None:
        calls.append(1)
        raise ContentError([Problem("data/x.yml", "", "", "broken")])

    for _ in range(2):
        with pytest.raises(ContentError):
            datafiles.remembered(("failing",), failing)
    assert len(calls) == 2  # the next build reports the problem again


def test_templates_are_compiled_once_for_every_new_environment_until_edited(tmp_path):
    import jinja2

    from offentligai import templating

    (tmp_path / "t.html").write_text("{{ x }} one", encoding="utf-8")
    compiled = []

    def environment(autoescape: bool) -> jinja2.Environment:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path), autoescape=autoescape)
        real = env.compile
        env.compile = lambda *args, **kwargs: compiled.append(args[1]) or real(*args, **kwargs)
        return templating.compile_once(env)

    assert environment(False).get_template("t.html").render(x="<b>") == "<b> one"
    assert environment(False).get_template("t.html").render(x="<b>") == "<b> one"
    assert compiled == ["t.html"]  # the second environment loaded the compiled code
    # Settings that change the compiled code (autoescaping here) do not share it.
    assert environment(True).get_template("t.html").render(x="<b>") == "&lt;b&gt; one"
    assert compiled == ["t.html", "t.html"]
    (tmp_path / "t.html").write_text("{{ x }} two", encoding="utf-8")  # an edited template
    assert environment(False).get_template("t.html").render(x="y") == "y two"
    assert len(compiled) == 3


def test_a_broken_data_file_is_one_line_naming_it(tmp_path):
    from offentligai import datafiles

    path = tmp_path / "bad.yml"
    path.write_text("a: [\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        datafiles.read_yaml(path, "data/bad.yml")
    (problem,) = caught.value.problems
    assert str(problem).startswith("data/bad.yml: is not valid YAML (") and "\n" not in str(problem)
    with pytest.raises(ContentError) as caught:
        datafiles.read_yaml(tmp_path / "none.yml", "data/none.yml")
    assert str(caught.value.problems[0]) == "data/none.yml: file not found"


def test_a_page_made_of_marked_pages_keeps_only_the_first_mark_of_each_term():
    from offentligai.sitewide import glossary as glossary_module

    terms = [
        glossary_module.Term(
            "gdpr",
            {"sv": "GDPR", "en": "GDPR"},
            {"sv": "Lagen.", "en": "The law."},
            {"sv": ["GDPR"], "en": ["GDPR"]},
        ),
        glossary_module.Term(
            "ai", {"sv": "AI", "en": "AI"}, {"sv": "Tekniken.", "en": "It."}, {"sv": ["AI"], "en": ["AI"]}
        ),
    ]
    marker = glossary_module.term_marker(terms, "sv")
    chapter_a = glossary_module.mark_terms("<p>GDPR och AI.</p>", marker)
    chapter_b = glossary_module.mark_terms("<p>Mer om GDPR.</p>", marker)
    document = glossary_module.unmark_repeats(chapter_a + chapter_b, marker)
    assert document == (
        '<p><abbr tabindex="0" title="Lagen.">GDPR</abbr> och '
        '<abbr tabindex="0" title="Tekniken.">AI</abbr>.</p><p>Mer om GDPR.</p>'
    )
    other = '<abbr tabindex="0" title="Not ours">X</abbr><abbr tabindex="0" title="Not ours">X</abbr>'
    assert glossary_module.unmark_repeats(other, marker) == other  # marks of ours only


def test_the_theme_files_are_those_mkdocs_lists_without_entering_hidden_folders():
    """VisibleFilesLoader skips Material's .icons (14,000 files); MkDocs's own listing drops them anyway."""
    import os

    import jinja2
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from offentligai import templating
    from tests.helpers import ROOT

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    plain = config.theme.get_env()
    visible = templating.list_visible_files(config.theme.get_env)()
    assert type(plain.loader) is jinja2.FileSystemLoader
    assert isinstance(visible.loader, templating.VisibleFilesLoader)
    assert visible.loader.searchpath == plain.loader.searchpath
    found = []
    for env in (plain, visible):
        files = Files([])
        files.add_files_from_theme(env, config)
        found.append(sorted((file.src_uri, file.abs_src_path) for file in files))
    assert found[0] == found[1] and len(found[0]) > 20
    assert len(visible.loader.list_templates()) < len(plain.loader.list_templates()) / 10
    assert visible.get_template("main.html").filename == plain.get_template("main.html").filename
