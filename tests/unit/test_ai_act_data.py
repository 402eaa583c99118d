"""The AI Act decision aid's data (data/ai-act.yml): its checks, its one date table, its references."""

from __future__ import annotations

import copy
import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from offentligai.ai_act import data as aid_data
from offentligai.ai_act import pages, texts
from offentligai.ai_act import refs as legal_refs
from offentligai.errors import ContentError
from tests.helpers import ROOT

FILE = "data/ai-act.yml"
# Every file whose text is the aid's: a date may be written only in the date table.
AID_TEXT_FILES = [
    ROOT / "data" / "strings" / "ai-act.yml",
    *sorted((ROOT / "docs" / "ai-forordningen").glob("*.md")),
    ROOT / "overrides" / "ai-act.html",
    ROOT / "overrides" / "partials" / "ai-act-body.html",
    *sorted((ROOT / "docs" / "assets" / "javascripts" / "ui" / "ai-act").glob("*.js")),
    *sorted((ROOT / "docs" / "assets" / "javascripts" / "core" / "ai-act").glob("*.js")),
]


@pytest.fixture(scope="module")
def raw() -> dict:
    return yaml.safe_load((ROOT / FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict:
    return json.loads((ROOT / aid_data.SCHEMA_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def context() -> tuple:
    return aid_data.guide_anchors(ROOT / "docs"), aid_data.trust_model_questions(ROOT)


def problems(data: dict, schema: dict, context: tuple) -> list[str]:
    try:
        aid_data.validate(data, schema, FILE, *context)
    except ContentError as error:
        return [str(problem) for problem in error.problems]
    return []


# --- The real data -------------------------------------------------------------------------


def test_the_data_passes_every_check(raw, schema, context):
    assert problems(raw, schema, context) == []


def test_the_ids_of_the_reference_are_there(raw):
    for key, required in aid_data.REQUIRED_IDS.items():
        assert set(required) <= {item["id"] for item in raw[key]}, key


def test_the_law_baseline_names_the_act_its_amendment_the_check_and_a_version(raw):
    baseline = raw["law_baseline"]
    acts = {act["id"]: act for act in raw["acts"]}
    assert acts[baseline["act"]]["eli"] == "reg/2024/1689"
    assert [acts[act]["eli"] for act in baseline["amended_by"]] == ["reg/2026/1744"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", baseline["version"])
    assert baseline["checked"] in {item["id"] for item in raw["dates"]}


# The points the reference (shared/reference/ai-act-decision-aid.md) marks ⚠, and where the
# aid tells the reader they are uncertain: a note shown with the result ("notes") or an open
# legal question listed on the page ("open_questions"). Both are shown as uncertain with the
# date of the last check (tests/build/test_ai_act_site.py, tests/browser/test_ai_act.py).
UNCERTAIN_POINTS = {
    "A1c borderline: outputs not used to act or decide": ("notes", "not-ai-borderline"),
    "H4b 6(3) chapeau, draft Art. 6 guidelines": ("notes", "exception-6-3"),
    "G1b significant modification of a model": ("notes", "gpai-modified"),
    "D1 municipal companies as bodies governed by public law": ("notes", "public-company"),
    "6-4 registration under Art. 49(2)": ("notes", "registration-6-3"),
    "26-8 and expl: Art. 49(3) and 86 from 2 Aug 2026 or 2 Dec 2027": ("notes", "timing-49-86"),
    "edge case 4: Art. 25(1) covers high-risk systems only": ("notes", "role-25-not-high-risk"),
    "edge case 5: the original provider drops out unless a contract says otherwise": ("notes", "provider-25"),
    "edge case 8: the 5(b) fraud exclusion covers credit only": ("notes", "benefit-fraud"),
    "edge case 9: real-time identification, Ds 2025:7 only a proposal": ("notes", "real-time-identification"),
    "edge case 10: the emotion-recognition ban and visitors": ("notes", "emotion-scope"),
    "edge case 15: the obvious-chatbot exception read narrowly": ("notes", "obvious-exception"),
    "edge case 17: testing before service vs. real conditions": ("notes", "testing"),
    "edge case 20: bought from a non-EU vendor for own use is no importer": ("notes", "importer-own-use"),
    "edge case 21: sharing free of charge and placing on the market": ("notes", "sharing"),
    "Annex I Section B: which articles apply directly": ("notes", "section-b"),
    "rec. 39 of 2026/1744: type and model": ("notes", "legacy-type-model"),
    "§5: Art. 111(2), rec. 39 and Art. 49(2) against the consolidated text": (
        "open_questions",
        "consolidated-text",
    ),
    "§5: effective dates of Art. 49(3) and Art. 86": ("open_questions", "timing-49-86"),
    "§5: the Swedish market surveillance authority, SOU 2025:101": ("open_questions", "swedish-authority"),
    "§5: Art. 99(8) fines on public authorities": ("open_questions", "fines-public"),
    "§5: final high-risk guidelines and the FRIA template": ("open_questions", "guidelines"),
    "§5: municipal companies, and the Swedish terms": ("open_questions", "public-bodies"),
    "§2/§3: Annex I Section B after the Omnibus": ("open_questions", "section-b"),
    "edge case 10: emotion recognition and visitors": ("open_questions", "emotion-scope"),
    "edge case 21: sharing free of charge": ("open_questions", "sharing"),
}


@pytest.mark.parametrize("point", sorted(UNCERTAIN_POINTS))
def test_every_point_the_reference_marks_uncertain_is_shown_as_uncertain(raw, point):
    key, item_id = UNCERTAIN_POINTS[point]
    items = {item["id"]: item for item in raw[key]}
    assert item_id in items, point
    if key == "notes":
        assert items[item_id].get("uncertain") is True, point
    else:
        assert items[item_id]["checked"] == raw["law_baseline"]["checked"], point


def test_the_dates_are_those_of_the_amended_act(raw):
    dates = {item["id"]: item["date"] for item in raw["dates"]}
    assert dates["bans"] == "2025-02-02"
    assert dates["gpai"] == "2025-08-02"
    assert dates["omnibus"] == "2026-07-27"  # Regulation (EU) 2026/1744 in force
    assert dates["general"] == "2026-08-02"
    assert dates["new-bans"] == "2026-12-02"
    assert dates["annex-iii"] == "2027-12-02"
    assert dates["gpai-legacy"] == "2027-08-02"
    assert dates["annex-i"] == "2028-08-02"
    assert dates["public-legacy"] == "2030-08-02"
    assert dates["annex-x"] == "2030-12-31"


# --- Problems: one line each, naming file, field, value and what is allowed -----------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["questions"][0].update(typo=1),
            "data/ai-act.yml: questions[1].typo: 1: is not a known field (did you mean type?); allowed: "
            "id, block, type, ask_when, text, help, refs, options",
        ),
        (
            lambda d: d["questions"][0].update(type="several"),
            "data/ai-act.yml: questions[1].type: several: allowed: single, multiple",
        ),
        (
            lambda d: d["dates"][0].update(date="1 aug 2024"),
            "data/ai-act.yml: dates[1].date: 1 aug 2024: allowed: a date written YYYY-MM-DD, in quotes",
        ),
        (
            lambda d: d["duties"][0]["text"].pop("en"),
            "data/ai-act.yml: duties[1].text.en: is required (every text needs both sv and en)",
        ),
    ],
)
def test_a_schema_error_is_one_line(raw, schema, context, change, expected):
    data = copy.deepcopy(raw)
    change(data)
    assert problems(data, schema, context) == [expected]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["duties"][0]["text"].update(sv="Gäller från 2 februari 2025."),
            "data/ai-act.yml: duties[1].text.sv: 2 februari 2025: write dates as {date:<id>} of the date "
            "table; a date lives only there",
        ),
        (
            lambda d: d["notes"][0]["text"].update(en="From 2027-12-02 on."),
            "data/ai-act.yml: notes[1].text.en: 2027-12-02: write dates as {date:<id>} of the date table; "
            "a date lives only there",
        ),
        (
            lambda d: d["dates"][1].update(date="2024-08-01"),
            "data/ai-act.yml: dates[2].date: 2024-08-01: is already in the table as entry-into-force; "
            "every date lives once",
        ),
        (
            lambda d: d["duties"][0].update(applies_from="someday"),
            "data/ai-act.yml: duties[1].applies_from: someday: no such date or date rule; allowed: "
            "entry-into-force, bans, gpai, omnibus, general, new-bans, gpai-legacy, annex-iii, annex-i, "
            "public-legacy, annex-x, reviewed, ban-dates, gpai-dates, high-risk-dates, legacy-dates, "
            "marking-dates",
        ),
        (
            lambda d: d["duties"][0]["text"].update(en="From {date:tomorrow}."),
            "data/ai-act.yml: duties[1].text.en: {date:tomorrow}: no such date; allowed: entry-into-force, "
            "bans, gpai, omnibus, general, new-bans, gpai-legacy, annex-iii, annex-i, public-legacy, "
            "annex-x, reviewed",
        ),
        (
            lambda d: d["duties"][0]["refs"].append({"art": "114"}),
            "data/ai-act.yml: duties[1].refs[2]: art=114: article 114 does not exist; the AI Act has "
            "articles 1–113 (and 4a)",
        ),
        (
            lambda d: d["duties"][0]["guide"][0].update(anchor="nowhere"),
            "data/ai-act.yml: duties[1].guide[1].anchor: nowhere: no heading { #nowhere } in "
            "docs/guide/organisation-och-kompetens.en.md",
        ),
        (
            lambda d: d["duties"][0]["trust_model"].append("no-such-question"),
            "data/ai-act.yml: duties[1].trust_model[3]: no-such-question: no such question in "
            "data/trust-model.yml",
        ),
        (
            lambda d: d["questions"][0]["options"][0].update(sets=["aii"]),
            "data/ai-act.yml: questions[1].options: aii: this label is set but no condition uses it",
        ),
        (
            lambda d: d["outcomes"][-1].update(when="no-such-label"),
            "data/ai-act.yml: outcomes[15].when: no-such-label: no answer sets this label and no fact "
            "defines it",
        ),
        (
            lambda d: d["questions"][0]["options"][2].update(annex_iii=["5e"]),
            "data/ai-act.yml: questions[1].options[3].annex_iii[1]: 5e: allowed for point 5: 5a, 5b, 5c, 5d",
        ),
    ],
)
def test_a_rule_error_is_one_line(raw, schema, context, change, expected):
    data = copy.deepcopy(raw)
    change(data)
    found = problems(data, schema, context)
    assert expected in found, found


def test_a_question_may_depend_only_on_earlier_answers(raw, schema, context):
    data = copy.deepcopy(raw)
    data["questions"][1]["ask_when"] = "assess-system"  # A1a, before A2 sets it
    assert (
        "data/ai-act.yml: questions[2].ask_when: assess-system: depends on assess-system, set by this or a "
        "later question" in problems(data, schema, context)
    )


def test_a_renamed_id_of_the_reference_is_refused(raw, schema, context):
    data = copy.deepcopy(raw)
    data["duties"][0]["id"] = "literacy"
    assert (
        "data/ai-act.yml: duties: lit: this id of the reference's question flow is missing; ids may be "
        "added, not renamed" in problems(data, schema, context)
    )


# --- Dates live in one table -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "från 2 december 2027",
        "senast den 2 dec. 2027",
        "1 februari",
        "31 December 2030",
        "2 August 2027",
        "December 2, 2027",
        "August 2026",
        "augusti 2026",
        "2027-12-02",
        "2.12.2027",
        "02/12/27",
        "the 2nd of May",
    ],
)
def test_the_date_detector_finds_dates_in_swedish_english_and_iso(text):
    found = texts.date_literals(text)
    if text == "the 2nd of May":
        assert found == []  # "2nd of May" is no form the aid writes; detecting it is not needed
    else:
        assert found, text


@pytest.mark.parametrize(
    "text",
    [
        "{date:annex-iii}",
        "förordning (EU) 2024/1689 och (EU) 2026/1744",
        "förvaltningslagen (2017:900) 28 §",
        "SOU 2025:101 och Ds 2025:7",
        "artikel 6.3 a, artikel 26.1–26.6, bilaga III punkt 5 a",
        "inom 48 timmar, i sex månader, i tio år, 10^25 flyttalsoperationer",
        "You may want to read Article 50(4).",
    ],
)
def test_the_date_detector_leaves_other_numbers_alone(text):
    assert texts.date_literals(text) == []


def test_no_date_is_written_outside_the_date_table(raw):
    """Edge case 25 of the reference: the aid's data outside `dates`, and all its other files."""
    found = []
    for field, text in aid_data.text_fields({key: value for key, value in raw.items() if key != "dates"}):
        found += [f"{FILE}: {field}: {literal}" for literal in texts.date_literals(text)]
    for path in AID_TEXT_FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            where = f"{path.relative_to(ROOT)}:{number}"
            found += [f"{where}: {literal}" for literal in texts.date_literals(line)]
    assert found == []
    assert len(AID_TEXT_FILES) >= 10


# --- References --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "sv", "en", "compact"),
    [
        ({"art": "26", "para": "7"}, "artikel 26.7", "Article 26(7)", "Art. 26(7)"),
        ({"art": "6", "para": "3", "point": "a"}, "artikel 6.3 a", "Article 6(3)(a)", "Art. 6(3)(a)"),
        (
            {"art": "50", "para": "4", "subpara": "2"},
            "artikel 50.4 andra stycket",
            "Article 50(4), second subparagraph",
            "Art. 50(4) subpara 2",
        ),
        ({"art": "26", "para": "1-6"}, "artikel 26.1–26.6", "Article 26(1)–(6)", "Art. 26(1)-(6)"),
        ({"art": "9-15"}, "artiklarna 9–15", "Articles 9–15", "Arts 9-15"),
        (
            {"annex": "III", "para": "5", "point": "a"},
            "bilaga III punkt 5 a",
            "Annex III, point 5(a)",
            "Annex III 5(a)",
        ),
        ({"annex": "I", "section": "B"}, "bilaga I avsnitt B", "Annex I, Section B", "Annex I Section B"),
        ({"recital": "12"}, "skäl 12", "recital 12", "Recital 12"),
        (
            {"act": "gdpr", "art": "22"},
            "artikel 22 i dataskyddsförordningen",
            "Article 22 of the GDPR",
            "2016/679 Art. 22",
        ),
    ],
)
def test_references_are_written_as_the_official_journal_writes_them(raw, ref, sv, en, compact):
    acts = {act["id"]: act for act in raw["acts"]}
    assert legal_refs.citation(ref, "sv", acts) == sv
    assert legal_refs.citation(ref, "en", acts) == en
    assert legal_refs.compact(ref, acts) == compact


def test_references_link_to_eur_lex_by_eli_in_the_readers_language(raw):
    acts = {act["id"]: act for act in raw["acts"]}
    assert legal_refs.url({"art": "26", "para": "7"}, "sv", acts) == (
        "https://eur-lex.europa.eu/eli/reg/2024/1689/oj/swe#art_26"
    )
    assert (
        legal_refs.url({"annex": "III"}, "en", acts)
        == "https://eur-lex.europa.eu/eli/reg/2024/1689/oj/eng#anx_III"
    )
    assert legal_refs.url({"act": "omnibus", "recital": "39"}, "en", acts) == (
        "https://eur-lex.europa.eu/eli/reg/2026/1744/oj/eng#rct_39"
    )
    assert (
        legal_refs.url({"act": "gdpr", "art": "22"}, "sv", acts)
        == "https://eur-lex.europa.eu/eli/reg/2016/679/oj/swe"
    )


def test_the_command_line_and_the_build_write_every_reference_alike(raw):
    refs = [ref for _, ref in aid_data._refs(raw)]
    script = (
        "import { compactRef } from './docs/assets/javascripts/core/ai-act/refs.js';"
        "import { readFileSync } from 'node:fs';"
        "const { refs, acts } = JSON.parse(readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(refs.map((ref) => compactRef(ref, acts))));"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        input=json.dumps({"refs": refs, "acts": raw["acts"]}),
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    acts = {act["id"]: act for act in raw["acts"]}
    assert json.loads(result.stdout) == [legal_refs.compact(ref, acts) for ref in refs]
    assert len(refs) > 150


# --- The page's data ---------------------------------------------------------------------------


def test_the_view_has_one_language_dates_written_out_and_linked_references(raw):
    sv, en = pages.view(raw, "sv"), pages.view(raw, "en")
    question = next(q for q in sv["questions"] if q["id"] == "D5")
    assert "2 december 2027" in question["help"] and "{date:" not in question["help"]
    assert "2 December 2027" in next(q for q in en["questions"] if q["id"] == "D5")["help"]
    assert question["refs"][0] == {
        "art": "111",
        "para": "2",
        "text": "artikel 111.2",
        "url": "https://eur-lex.europa.eu/eli/reg/2024/1689/oj/swe#art_111",
    }
    assert next(d for d in en["dates"] if d["id"] == "annex-x")["long"] == "31 December 2030"

    def ids(node):
        if isinstance(node, dict):
            return {key: ids(value) for key, value in node.items() if key not in ("text", "help", "url")}
        if isinstance(node, list):
            return [ids(item) for item in node]
        return node if not isinstance(node, str) or not re.search(r"\s", node) else "…"

    assert ids(sv["questions"]) == ids(en["questions"])


def test_the_guide_headings_give_link_titles(raw):
    headings = pages.guide_headings(ROOT / "docs")
    assert headings["juridik"]["sv"]["ai-act"]
    assert headings["juridik"]["en"]["ai-act"]


def test_no_unknown_placeholder_survives_in_any_text(raw):
    for field, text in aid_data.text_fields(pages.view(raw, "sv")):
        assert "{" not in text, field


def test_the_aid_file_is_path_independent():
    assert Path(aid_data.AID_FILE) == Path("data/ai-act.yml")


def test_the_aids_texts_use_the_sites_terminology(raw):
    """The words of data/terminology.yml hold in the aid's data and strings as in the pages."""
    from offentligai import terminology

    words = terminology.load_terminology(ROOT / "data" / "terminology.yml").words
    strings = yaml.safe_load((ROOT / "data" / "strings" / "ai-act.yml").read_text(encoding="utf-8"))
    items = [
        *aid_data.text_fields(raw),
        *((f"{key}.{lang}", texts_[lang]) for key, texts_ in strings.items() for lang in ("sv", "en")),
    ]
    findings = [
        str(finding)
        for field, text in items
        for finding in terminology.find_rejected(text, field, words, field.rsplit(".", 1)[1])
    ]
    assert findings == []


def test_the_aid_is_checked_once_per_version_of_its_files_and_the_guide(tmp_path, monkeypatch):
    """The second language build and a serve rebuild reuse the check; an edit to any input redoes it."""
    import shutil

    root = tmp_path / "repo"
    (root / "data").mkdir(parents=True)
    (root / "docs").mkdir()
    shutil.copytree(ROOT / "docs" / "guide", root / "docs" / "guide")
    for name in (aid_data.AID_FILE, aid_data.SCHEMA_FILE, aid_data.TRUST_MODEL_FILE):
        shutil.copy(ROOT / name, root / name)
    checks = []
    real = aid_data.validate
    monkeypatch.setattr(aid_data, "validate", lambda *args: checks.append(1) or real(*args))
    first, _, _ = aid_data.load_aid(root, root / "docs")
    second, _, _ = aid_data.load_aid(root, root / "docs")
    assert len(checks) == 1 and first == second and first is not second  # each caller its own copy
    # A guide chapter whose headings change is a new input: a reference to it may now be broken.
    chapter = next((root / "docs" / "guide").glob("*.md"))
    heading = "\n## Ny rubrik { #ny-rubrik }\n"
    chapter.write_text(chapter.read_text(encoding="utf-8") + heading, encoding="utf-8")
    aid_data.load_aid(root, root / "docs")
    assert len(checks) == 2
    aid = root / aid_data.AID_FILE
    aid.write_text(aid.read_text(encoding="utf-8") + "unknown_key: 1\n", encoding="utf-8")
    with pytest.raises(ContentError, match="unknown_key"):
        aid_data.load_aid(root, root / "docs")
    with pytest.raises(ContentError, match="unknown_key"):  # a failed check is not remembered
        aid_data.load_aid(root, root / "docs")
