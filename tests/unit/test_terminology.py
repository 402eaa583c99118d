"""Unit tests of the terminology check (hooks/offentligai/terminology.py), with planted bad words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from offentligai import terminology
from offentligai.errors import ContentError

ROOT = Path(__file__).resolve().parents[2]

DATA = {
    "words": [
        {
            "id": "chatbot",
            "lang": "sv",
            "use": "chattbot",
            "forms": ["chattrobot*"],
            "why": {"sv": "Ett ord.", "en": "One word."},
        },
        {
            "id": "oversight",
            "lang": "sv",
            "use": "mänsklig kontroll",
            "forms": ["mänsklig tillsyn"],
            "why": {"sv": "Term.", "en": "Term."},
        },
        {
            "id": "it",
            "lang": "sv",
            "use": "it",
            "forms": ["IT", "IT-*"],
            "case_sensitive": True,
            "why": {"sv": "Små bokstäver.", "en": "Lower case."},
        },
        {
            "id": "article",
            "lang": "en",
            "use": "Article 6(3)",
            "pattern": r"\b(?:Art\.|article(?=s? \d)|Article \d+\.\d)",
            "examples": ["Art. 6", "article 22", "Article 26.2"],
            "why": {"sv": "Så.", "en": "Like this."},
        },
    ],
    "undated": {"sv": [r"\bnu\b", r"\bi dag\b"], "en": [r"\bnow\b", r"\b(?<!as )soon\b(?! as)"]},
    "roles": [
        {
            "id": "legal",
            "label": {"sv": "Jurist", "en": "Lawyer"},
            "description": {"sv": "Juridik.", "en": "Law."},
        },
        {
            "id": "it",
            "label": {"sv": "It", "en": "IT"},
            "description": {"sv": "Teknik.", "en": "Technology."},
        },
    ],
}


@pytest.fixture
def terms() -> terminology.Terminology:
    return terminology.parse_terminology(DATA, "t.yml")


def found(findings) -> list[tuple[int, str, str]]:
    return [(f.line, f.found, f.use) for f in findings]


# --- rejected words --------------------------------------------------------------------------


def test_a_planted_rejected_word_is_found_with_line_and_preferred_word(terms):
    text = "---\ntitle: Chattbotar\n---\n\n# Rubrik\n\nVi byggde en chattrobot.\nSedan fler Chattrobotar.\n"
    findings = terminology.find_rejected(text, "docs/a.md", terms.words_for("sv"), "sv")
    assert found(findings) == [(7, "chattrobot", "chattbot"), (8, "Chattrobotar", "chattbot")]
    assert str(findings[0]) == "docs/a.md:7: found 'chattrobot', use 'chattbot'"


def test_phrases_match_across_spaces_and_whole_words_only(terms):
    text = "Ge mänsklig  tillsyn. Ingen mänsklig tillsynsmyndighet, robotchattrobot eller chattrobot-test.\n"
    findings = terminology.find_rejected(text, "a.md", terms.words_for("sv"), "sv")
    assert [f.found for f in findings] == ["mänsklig  tillsyn", "chattrobot-test"]


def test_case_sensitive_forms_leave_other_cases_alone(terms):
    text = "Ett IT-system och IT-avdelningen. Det it-system som vi har. It ska göra det.\n"
    findings = terminology.find_rejected(text, "a.md", terms.words_for("sv"), "sv")
    assert [f.found for f in findings] == ["IT-system", "IT-avdelningen"]


@pytest.mark.parametrize(
    "exempt",
    [
        "Skriv inte ”chattrobot” utan chattbot.",
        "Kör `chattrobot --help` i terminalen.",
        "Se [sidan](https://example.se/chattrobot) och <https://example.se/chattrobot>.",
        "<!-- chattrobot i en kommentar -->",
        "## Rubrik { #chattrobot }",
        "```\nchattrobot i ett kodblock\n```",
        "[ref]: https://example.se/chattrobot",
    ],
)
def test_quotes_code_links_comments_and_anchors_are_exempt(terms, exempt):
    assert terminology.find_rejected(exempt + "\n", "a.md", terms.words_for("sv"), "sv") == []


def test_front_matter_keys_are_exempt_but_values_are_prose(terms):
    text = "---\nchattrobot: x\ntitle: En chattrobot\n---\nText.\n"
    findings = terminology.find_rejected(text, "a.md", terms.words_for("sv"), "sv")
    assert found(findings) == [(3, "chattrobot", "chattbot")]


def test_a_quotation_does_not_run_past_a_blank_line(terms):
    text = "Ett ”citat utan slut.\n\nSedan en chattrobot.\n”\n"
    findings = terminology.find_rejected(text, "a.md", terms.words_for("sv"), "sv")
    assert found(findings) == [(3, "chattrobot", "chattbot")]


def test_english_patterns_apply_to_english_text_only(terms):
    text = 'Under Art. 6(3) and article 22, and Article 26.2. Article 26(2) is right. "article 5" quoted.\n'
    english = terminology.find_rejected(text, "a.en.md", terms.words_for("en"), "en")
    assert [f.found for f in english] == ["Art.", "article", "Article 26.2"]
    assert terminology.find_rejected(text, "a.md", terms.words_for("en"), "sv") == []


# --- undated words ---------------------------------------------------------------------------


def test_undated_words_outside_dated_lines_are_found(terms):
    text = "Nu gäller det.\nI dag gäller det.\nNuläget är bra.\nNu igen.\n"
    findings = terminology.find_undated(text, "g.md", terms.undated["sv"], "sv", dated_lines={4})
    assert found(findings) == [
        (1, "Nu", "ett datum eller en daterad ruta"),
        (2, "I dag", "ett datum eller en daterad ruta"),
    ]


def test_as_soon_as_is_not_a_date(terms):
    text = "Involve them as soon as the idea takes shape. It will change soon.\n"
    findings = terminology.find_undated(text, "g.en.md", terms.undated["en"], "en", dated_lines=set())
    assert [f.found for f in findings] == ["soon"]


# --- checklists ------------------------------------------------------------------------------


def test_checklist_items_name_their_roles(terms):
    text = (
        "- [ ] **Jurist:** Pröva den rättsliga grunden.\n"
        "- [ ] **Jurist, it:** Dokumentera.\n"
        "- [ ] Ingen roll här.\n"
        "- [ ] **Okänd:** Vem?\n"
        "- [ ] **Jurist** utan kolon.\n"
    )
    items = terminology.checklist_items(text, terms.roles, "sv")
    assert [(i.line, i.roles) for i in items] == [
        (1, ("legal",)),
        (2, ("legal", "it")),
        (3, ()),
        (4, ()),
        (5, ()),
    ]
    english = terminology.checklist_items("- [x] **Lawyer, IT:** Check.\n", terms.roles, "en")
    assert english[0].roles == ("legal", "it")


# --- the data file ---------------------------------------------------------------------------


def test_bad_data_is_reported_with_every_problem():
    bad = {
        "words": [
            {"id": "Bad", "lang": "de", "use": "", "forms": ["x"], "pattern": "y", "why": {"sv": "a"}},
            {
                "id": "p",
                "lang": "en",
                "use": "A",
                "pattern": "(",
                "examples": ["x"],
                "why": {"sv": "a", "en": "b"},
            },
            {"id": "q", "lang": "en", "use": "A", "pattern": "Art", "examples": ["Article"], "extra": 1},
        ],
        "undated": {"sv": []},
        "roles": [
            {"id": "r", "label": {"sv": "Jurist:", "en": "Lawyer"}, "description": {"sv": "a", "en": "b"}}
        ],
    }
    with pytest.raises(ContentError) as caught:
        terminology.parse_terminology(bad, "t.yml")
    report = caught.value.report()
    for line in [
        "t.yml: words[0].id: Bad: lowercase a–z, 0–9 and hyphens",
        "t.yml: words[0].lang: de: one of sv, en",
        "t.yml: words[0].use: the word to write instead is required",
        "t.yml: words[0]: give either forms (a list of words) or pattern",
        "t.yml: words[0].why.en: a non-empty text is required",
        "t.yml: words[1].pattern: (: is not a valid regular expression",
        "t.yml: words[2].extra: unknown key",
        "t.yml: undated.sv: a non-empty list of regular expressions",
        "t.yml: undated.en: a non-empty list of regular expressions",
        "t.yml: roles[0].label.sv: Jurist:: a label without : , or *",
    ]:
        assert line in report, line


def test_an_example_that_the_pattern_does_not_reject_is_an_error():
    data = {**DATA, "words": [{**DATA["words"][3], "examples": ["Art. 6", "Article 6(3)"]}]}
    with pytest.raises(
        ContentError, match=re.escape("words[0].examples: Article 6(3): every example must match")
    ):
        terminology.parse_terminology(data, "t.yml")


def test_the_real_terminology_is_valid_and_its_examples_are_rejected():
    terms = terminology.load_terminology(ROOT / "data" / "terminology.yml")
    assert {r.id for r in terms.roles} >= {"business", "dpo", "security", "legal", "procurement", "it"}
    for word in terms.words:
        for shown in word.forms or word.examples:
            sample = shown.replace("*", "en")
            assert word.pattern.search(sample), (word.id, sample)
        assert word.pattern.search(word.use) is None, f"{word.id}: the preferred word is itself rejected"
