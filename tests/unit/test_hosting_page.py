"""docs/om/drift.md as the hosting tests read it: the same commands in both languages, every
block run by tests/build/test_hosting.py or named with the reason why not."""

from __future__ import annotations

import pytest

from tests.helpers import debian
from tests.helpers.debian import NOT_RUN, RUN, page_block


def test_both_languages_give_the_same_commands():
    sv, en = (debian.PAGES[lang].read_text(encoding="utf-8") for lang in ("sv", "en"))
    assert debian.anchors(sv) == debian.anchors(en)
    for anchor in debian.anchors(sv):
        for lang in ("sh", "nginx"):
            assert debian.code_blocks(sv, anchor, lang) == debian.code_blocks(en, anchor, lang), anchor


def test_the_sub_path_build_is_the_shared_hosts_build():
    assert page_block("shared-host", 1).startswith(page_block("sub-path", 0))


def test_blocks_are_found_by_their_section():
    text = (
        "## A { #a }\n\n```sh\none\n```\n\n### B { #b }\n\n```nginx\nx\n```\n```sh\ntwo\n```\n## C { #c }\n"
    )
    assert debian.code_blocks(text, "a") == ["one\n"]  # up to the next heading of any level
    assert debian.code_blocks(text, "b") == ["two\n"]
    assert debian.code_blocks(text, "b", "nginx") == ["x\n"]
    with pytest.raises(KeyError):
        debian.code_blocks(text, "d")


def test_every_block_of_the_page_is_run_or_said_why_not():
    markdown = debian.PAGES["sv"].read_text(encoding="utf-8")
    blocks = {(a, i) for a in debian.anchors(markdown) for i, _ in enumerate(debian.code_blocks(markdown, a))}
    assert blocks == RUN | set(NOT_RUN)
    assert not RUN & set(NOT_RUN)
    # The one nginx block, the shared host's location, is run too (the shared_host fixture).
    nginx_blocks = [(a, len(debian.code_blocks(markdown, a, "nginx"))) for a in debian.anchors(markdown)]
    assert [(a, n) for a, n in nginx_blocks if n] == [("shared-host", 1)]


def test_a_block_that_names_a_system_path_is_refused(tmp_path):
    server = debian.Server(tmp_path, 1)
    assert server.localise("cp a /etc/nginx/x") == f"cp a {tmp_path}/etc/nginx/x"
    with pytest.raises(debian.Failed, match="system paths"):
        server.localise("rm -rf /var/www/html")
