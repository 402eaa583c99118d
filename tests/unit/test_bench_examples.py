"""scripts/bench_examples.py: the plain baseline's configuration and the BENCHMARKS.md section."""

from __future__ import annotations

import yaml

from scripts import bench_examples

FIGURES = {
    "count": 10,
    "repeat": 3,
    "load": ((0.5, 0.4, 0.3), (1.0, 0.6, 0.4)),
    "runs": {"this site, with the examples": [3.0, 2.0, 4.0]},
    "per_ours": 5.0,
    "per_plain": 4.0,
    "ratio": 1.25,
    "results": [("a", None), ("b", None), ("ratio", True), ("one example page: 30 KB", True)],
}


def test_the_plain_site_has_the_sites_extensions_navigation_and_pages_out_of_it(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("---\ntemplate: x.html\ntitle: A\n---\n# A\n", encoding="utf-8")
    bench_examples.plain_site(docs, tmp_path / "plain")
    plain = yaml.safe_load((tmp_path / "plain" / "mkdocs.yml").read_text(encoding="utf-8"))
    site = yaml.load((bench_examples.ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    assert plain["markdown_extensions"] == site["markdown_extensions"]
    assert plain["not_in_nav"] == site["not_in_nav"]
    assert plain["nav"] == site["nav"]
    assert "plugins" not in plain and "hooks" not in plain
    assert "template:" not in (tmp_path / "plain" / "docs" / "index.md").read_text(encoding="utf-8")


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's !ENV tags read as plain values."""


_Loader.add_constructor("!ENV", lambda loader, node: None)


def test_the_section_replaces_the_old_one_and_keeps_the_rest(tmp_path):
    path = tmp_path / "BENCHMARKS.md"
    path.write_text(f"# B\n\n## Before\n\nx\n\n{bench_examples.SECTION}\n\nold figures\n\n## After\n\ny\n")
    section = bench_examples.bench_section(FIGURES)
    bench_examples.write_benchmarks(path, section)
    text = path.read_text(encoding="utf-8")
    assert "old figures" not in text and "## Before\n\nx" in text and text.endswith("## After\n\ny\n")
    assert "| this site, with the examples | 3.0 s, 2.0 s, 4.0 s | 3.0 s |" in text
    assert "| ratio | **1.25** (met) | ≤ 1.3 |" in text
    assert "load average (1, 5, 15 min) 0.50, 0.40, 0.30 before" in text
    assert "| one example page: 30 KB | met | |" in text
    bench_examples.write_benchmarks(path, section)
    assert path.read_text(encoding="utf-8") == text  # written twice: the same file
