"""Legal references of the decision aid: citations in Swedish and English, and EUR-Lex links.

A reference is structured data, ``{art, para, subpara, point}`` for an article,
``{annex, section, para, point}`` for an annex and ``{recital}`` for a recital, with ``act``
when it points into another act than the AI Act. It is written out as the Official Journal
writes it in each language (``artikel 26.7``, ``Article 26(7)``; ``bilaga III punkt 5 a``,
``Annex III, point 5(a)``) and linked to the act's page on EUR-Lex by its ELI, in the reader's
language (``…/eli/reg/2024/1689/oj/swe#art_26``).

``compact`` is the short, language-neutral form the command line prints
(``Art. 26(7)``). The command line makes it with ``docs/assets/javascripts/core/ai-act/refs.js``;
a test checks that both give the same text for every reference in the data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULT_ACT = "ai-act"
EUR_LEX = "https://eur-lex.europa.eu/eli/{eli}/oj/{language}"
EUR_LEX_LANGUAGE = {"sv": "swe", "en": "eng"}
_ORDINALS = {
    "sv": ["första", "andra", "tredje", "fjärde", "femte", "sjätte", "sjunde", "åttonde", "nionde"],
    "en": ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"],
}
_DASH = "\u2013"  # en dash in ranges: 9–15

# What exists in the AI Act (as amended), for checking references: articles 1–113 (4a inserted
# by Regulation (EU) 2026/1744), annexes I–XIV, the points of Annex III and of Article 5(1).
ARTICLES = {str(n) for n in range(1, 114)} | {"4a"}
ANNEXES = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")
ANNEX_I_SECTIONS = ("A", "B")
ANNEX_III_POINTS = {
    "1": "abc",
    "2": "",
    "3": "abcd",
    "4": "ab",
    "5": "abcd",
    "6": "abcde",
    "7": "abcd",
    "8": "ab",
}
ARTICLE_5_1_POINTS = ("a", "b", "ba", "bb", "c", "d", "e", "f", "g", "h")


def _parts(value: str) -> tuple[str, str | None]:
    first, _, last = value.partition("-")
    return first, last or None


def citation(ref: Mapping[str, str], lang: str, acts: Mapping[str, Mapping[str, Any]]) -> str:
    """The reference as the Official Journal writes it in ``lang``."""
    text = _citation(ref, lang)
    act = ref.get("act", DEFAULT_ACT)
    if act == DEFAULT_ACT:
        return text
    short = acts[act]["short"][lang]
    return f"{text} i {short}" if lang == "sv" else f"{text} of {short}"


def _citation(ref: Mapping[str, str], lang: str) -> str:
    sv = lang == "sv"
    if "recital" in ref:
        return f"{'skäl' if sv else 'recital'} {ref['recital']}"
    if "annex" in ref:
        text = f"{'bilaga' if sv else 'Annex'} {ref['annex']}"
        if "section" in ref:
            text += f" avsnitt {ref['section']}" if sv else f", Section {ref['section']}"
        if "para" in ref:
            text += f" punkt {ref['para']}" if sv else f", point {ref['para']}"
            if "point" in ref:
                text += f" {ref['point']}" if sv else f"({ref['point']})"
        return text
    first, last = _parts(ref["art"])
    if last:
        return f"{'artiklarna' if sv else 'Articles'} {first}{_DASH}{last}"
    text = f"{'artikel' if sv else 'Article'} {first}"
    if "para" in ref:
        para_first, para_last = _parts(ref["para"])
        if sv:
            text += f".{para_first}" + (f"{_DASH}{first}.{para_last}" if para_last else "")
        else:
            text += f"({para_first})" + (f"{_DASH}({para_last})" if para_last else "")
    if "point" in ref:
        text += f" {ref['point']}" if sv else f"({ref['point']})"
    if "subpara" in ref:
        ordinal = _ORDINALS[lang][int(ref["subpara"]) - 1]
        text += f" {ordinal} stycket" if sv else f", {ordinal} subparagraph"
    return text


def url(ref: Mapping[str, str], lang: str, acts: Mapping[str, Mapping[str, Any]]) -> str:
    """The act on EUR-Lex in ``lang``, at the article, annex or recital where the act has anchors."""
    act = acts[ref.get("act", DEFAULT_ACT)]
    address = EUR_LEX.format(eli=act["eli"], language=EUR_LEX_LANGUAGE[lang])
    if not act.get("anchors"):
        return address
    if "recital" in ref:
        return f"{address}#rct_{ref['recital']}"
    if "annex" in ref:
        return f"{address}#anx_{ref['annex']}"
    return f"{address}#art_{_parts(ref['art'])[0]}"


def compact(ref: Mapping[str, str], acts: Mapping[str, Mapping[str, Any]]) -> str:
    """The short form the command line prints: ``Art. 26(7)``, ``Annex III 5(a)``, ``2016/679 Art. 22``."""
    if "recital" in ref:
        text = f"Recital {ref['recital']}"
    elif "annex" in ref:
        text = f"Annex {ref['annex']}"
        if "section" in ref:
            text += f" Section {ref['section']}"
        if "para" in ref:
            text += f" {ref['para']}" + (f"({ref['point']})" if "point" in ref else "")
    else:
        first, last = _parts(ref["art"])
        text = f"Arts {first}-{last}" if last else f"Art. {first}"
        if "para" in ref:
            para_first, para_last = _parts(ref["para"])
            text += f"({para_first})" + (f"-({para_last})" if para_last else "")
        if "point" in ref:
            text += f"({ref['point']})"
        if "subpara" in ref:
            text += f" subpara {ref['subpara']}"
    act = ref.get("act", DEFAULT_ACT)
    if act == DEFAULT_ACT:
        return text
    return f"{acts[act]['eli'].split('/', 1)[1]} {text}"


def problem(ref: Mapping[str, str], acts: Mapping[str, Any]) -> str | None:
    """Why ``ref`` points at nothing, or None when it points at an article, annex or recital that exists."""
    act = ref.get("act", DEFAULT_ACT)
    if act not in acts:
        return f"no such act; allowed: {', '.join(acts)}"
    if act != DEFAULT_ACT:
        return None  # other acts are not mapped here; the schema checks the form
    if "art" in ref:
        first, last = _parts(ref["art"])
        for number in filter(None, (first, last)):
            if number not in ARTICLES:
                return f"article {number} does not exist; the AI Act has articles 1–113 (and 4a)"
        if last and int(first.rstrip("abcdefgh")) >= int(last.rstrip("abcdefgh")):
            return "a range of articles must go from a lower to a higher number"
        if (
            first == "5"
            and ref.get("para") == "1"
            and "point" in ref
            and ref["point"] not in ARTICLE_5_1_POINTS
        ):
            return f"Article 5(1) has the points {', '.join(ARTICLE_5_1_POINTS)}"
        return None
    if "annex" in ref:
        if "section" in ref and (ref["annex"] != "I" or ref["section"] not in ANNEX_I_SECTIONS):
            return "only Annex I has sections, A and B"
        if ref["annex"] == "III" and "para" in ref:
            para, point = ref["para"], ref.get("point")
            if para not in ANNEX_III_POINTS:
                return "Annex III has the points 1–8"
            if point is not None and point not in ANNEX_III_POINTS[para]:
                letters = ", ".join(ANNEX_III_POINTS[para]) or "no lettered points"
                return f"Annex III point {para} has {letters}"
    return None


def annex_iii_point_problem(point: str) -> str | None:
    """Why an ``annex_iii`` value such as ``5a`` is not a point of Annex III, or None."""
    number, letter = point[0], point[1:]
    if number not in ANNEX_III_POINTS:
        return "Annex III has the points 1–8"
    letters = ANNEX_III_POINTS[number]
    if (letter and letter not in letters) or (not letter and letters):
        options = ", ".join(f"{number}{x}" for x in letters) or number
        return f"allowed for point {number}: {options}"
    return None
