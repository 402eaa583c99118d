"""What the templates show: fact boxes, source lists and the catalogue, in one language.

Everything returned here is plain data (text is not escaped: the templates escape it).
Addresses are site-relative (``exempel/x/``) or relative to the page being built.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from ..dates import long_date, month_year
from ..freshness import Limits, older_than
from ..languages import DEFAULT_LANGUAGE, PREFIX, collation_key
from ..opendata.addresses import CATALOG_RDF, CATALOG_TTL, FEEDS
from ..sitewide.seo import shorten
from .collection import Example
from .vocabularies import Vocabularies

SECTION = "exempel"  # the collection's folder under docs/ and its URL path


@dataclass(frozen=True)
class Facet:
    """One filter of the catalogue: its URL parameter, the field it reads and its label's key."""

    param: str
    field: str
    label: str  # key in data/strings/examples.yml


FACETS = (
    Facet("organisation_type", "organisation_type", "ex_field_organisation_type"),
    Facet("function", "functions", "ex_field_functions"),
    Facet("technique", "techniques", "ex_field_techniques"),
    Facet("status", "status", "ex_field_status"),
    Facet("confirmed", "status_confirmed", "ex_field_status_confirmed"),
    Facet("decision_role", "decision_role", "ex_field_decision_role"),
    Facet("personal_data", "personal_data", "ex_field_personal_data"),
    Facet("year", "year_started", "ex_field_year_started"),
)
TEXT_PARAM = "text"  # not "q": Material opens its own search for ?q=
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"  # texts and open data
# The catalogue shows the start of each summary (the page has all of it): with 1,000
# examples, full summaries alone would weigh about 90 KB gzipped.
CATALOGUE_SUMMARY = 150
# With JavaScript the catalogue shows this many matches at a time (a button shows more):
# laying out a thousand entries on every filter change would take too long.
PAGE_SIZE = 30


# How recently a source confirmed an example's status, as a filter value of the catalogue:
# within the limit, longer ago than the limit, or not by any dated source.
CONFIRMATION_STATES = ("recent", "old", "none")


@dataclass(frozen=True)
class StatusCheck:
    """Whether an example's status confirmation is too old, as of the build date."""

    today: dt.date
    months: int = Limits().status_unconfirmed_months

    def state(self, example: Example) -> str:
        """``recent``, ``old`` (more than ``months`` months before today) or ``none`` (no date)."""
        if example.status_confirmed is None:
            return "none"
        return "old" if older_than(example.status_confirmed, self.months, self.today) else "recent"


def _check(check: StatusCheck | None) -> StatusCheck:
    return check if check is not None else StatusCheck(dt.date.today())


# ---------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------


def catalogue_url(lang: str, directory_urls: bool = True) -> str:
    """Site-relative address of the catalogue in ``lang``."""
    return f"{PREFIX[lang]}{SECTION}/" + ("" if directory_urls else "index.html")


def example_url(example_id: str, lang: str, directory_urls: bool = True) -> str:
    """Site-relative address of an example page in ``lang``."""
    return f"{PREFIX[lang]}{SECTION}/{example_id}" + ("/" if directory_urls else ".html")


def relative_url(target: str, start: str) -> str:
    """The address of site-relative ``target`` as seen from the page at site-relative ``start``."""
    start_dir = start if start.endswith("/") or not start else posixpath.dirname(start) + "/"
    relative = posixpath.relpath("/" + target, "/" + start_dir)
    if target.endswith("/") or not target:
        relative = "./" if relative == "." else relative + "/"
    return relative


def filter_href(catalogue_href: str, param: str, value: str) -> str:
    """The catalogue's address filtered on one value, e.g. ``../?function=health``."""
    return f"{catalogue_href}?{urlencode({param: value})}"


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


def facet_values(example: Example, facet: Facet, check: StatusCheck | None = None) -> list[str]:
    """The codes an example has for one filter, as they appear in the URL."""
    if facet.field == "status_confirmed":
        return [_check(check).state(example)]
    value = getattr(example, facet.field)
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, tuple):
        return list(value)
    return [str(value)]


def value_label(
    facet: Facet,
    value: str,
    lang: str,
    vocabularies: Vocabularies,
    t: Mapping[str, str],
    check: StatusCheck | None = None,
) -> str:
    """The reader's label of a filter value."""
    if facet.field in vocabularies:
        return vocabularies[facet.field].label(value, lang)
    if facet.field == "personal_data":
        return t[f"ex_personal_data_{value}"]
    if facet.field == "status_confirmed":
        return t[f"ex_confirmed_{value}"].replace("{months}", str(_check(check).months))
    return value


def status_confirmation(example: Example, lang: str, t: Mapping[str, str]) -> str:
    """``enligt källa från mars 2023``: the date of the newest source confirming the status."""
    if example.status_confirmed is None:
        return ""
    return t["ex_status_confirmed"].replace("{month}", month_year(example.status_confirmed, lang))


def status_warning(
    example: Example, lang: str, t: Mapping[str, str], check: StatusCheck | None = None
) -> str:
    """What readers are told when no source has confirmed the status recently (else empty)."""
    state = _check(check).state(example)
    if state == "none":
        return t["ex_status_no_dated_source"]
    if state == "old" and example.status_confirmed is not None:
        return t["ex_status_unconfirmed_since"].replace("{month}", month_year(example.status_confirmed, lang))
    return ""


def catalogue_marker(
    example: Example, lang: str, t: Mapping[str, str], check: StatusCheck | None = None
) -> str:
    """The short note a catalogue entry gets when its status is not recently confirmed."""
    state = _check(check).state(example)
    if state == "none":
        return t["ex_marker_no_dated_source"]
    if state == "old" and example.status_confirmed is not None:
        return t["ex_marker_unconfirmed_since"].replace("{month}", month_year(example.status_confirmed, lang))
    return ""


def years_text(example: Example, t: Mapping[str, str]) -> str:
    """``Sedan 2019`` or ``2015–2018``."""
    start = str(example.year_started)
    if example.year_ended is None:
        return t["ex_years_since"].replace("{start}", start)
    return t["ex_years_range"].replace("{start}", start).replace("{end}", str(example.year_ended))


# ---------------------------------------------------------------------------
# Example pages
# ---------------------------------------------------------------------------


def example_header(
    example: Example,
    lang: str,
    vocabularies: Vocabularies,
    t: Mapping[str, str],
    catalogue_href: str,
    check: StatusCheck | None = None,
) -> dict[str, Any]:
    """Title, summary and fact box of an example page (the template ``example-header.html``).

    Each fact row is a label, linked values and an optional note (the status row says how
    recent the source confirming it is); ``status_warning`` says so plainly when it is not.
    """
    by_param = {facet.param: facet for facet in FACETS}

    def linked(param: str) -> list[dict[str, str]]:
        facet = by_param[param]
        return [
            {
                "text": value_label(facet, value, lang, vocabularies, t),
                "href": filter_href(catalogue_href, param, value),
            }
            for value in facet_values(example, facet)
        ]

    organisation = [
        {"text": example.organisation, "href": filter_href(catalogue_href, TEXT_PARAM, example.organisation)}
    ]
    rows = [
        ("ex_field_organisation", organisation),
        ("ex_field_organisation_type", linked("organisation_type")),
        ("ex_field_functions", linked("function")),
        ("ex_field_techniques", linked("technique")),
        ("ex_field_status", linked("status")),
        (
            "ex_field_years",
            [
                {
                    "text": years_text(example, t),
                    "href": filter_href(catalogue_href, "year", str(example.year_started)),
                }
            ],
        ),
        ("ex_field_decision_role", linked("decision_role")),
        ("ex_field_personal_data", linked("personal_data")),
    ]
    if example.organisation_number:
        rows.insert(1, ("ex_field_organisation_number", [{"text": example.organisation_number, "href": ""}]))
    title, title_lang = example.text("title", lang)
    summary, summary_lang = example.text("summary", lang)
    notes = {"ex_field_status": status_confirmation(example, lang, t)}
    return {
        "id": example.id,
        "title": title,
        "title_lang": title_lang if title_lang != lang else "",
        "summary": summary,
        "summary_lang": summary_lang if summary_lang != lang else "",
        "facts": [{"label": t[key], "links": links, "note": notes.get(key, "")} for key, links in rows],
        "status_warning": status_warning(example, lang, t, check),
        "catalogue_href": catalogue_href,
    }


def example_sources(example: Example, lang: str, vocabularies: Vocabularies) -> list[dict[str, str]]:
    """The sources list of an example page (the template ``example-sources.html``):
    each source's title, address, publisher, kind (primary or secondary) and date."""
    return [
        {
            "title": source.title,
            "url": source.url,
            "publisher": source.publisher or "",
            "kind": vocabularies["source_kind"].label(source.kind, lang) if source.kind else "",
            "date": long_date(source.date, lang) if source.date else "",
            "date_iso": source.date.isoformat() if source.date else "",
        }
        for source in example.sources
    ]


def no_primary_source(example: Example, lang: str) -> dict[str, str]:
    """Why no source is primary (shown under the sources), in ``lang`` or else in Swedish."""
    reasons = example.no_primary_source_reason
    text = reasons.get(lang) or reasons.get(DEFAULT_LANGUAGE) or ""
    shown_lang = lang if reasons.get(lang) else DEFAULT_LANGUAGE
    return {"text": text, "lang": shown_lang if text and shown_lang != lang else ""}


# ---------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------


def catalogue(
    examples: list[Example],
    lang: str,
    vocabularies: Vocabularies,
    t: Mapping[str, str],
    page_url: str,
    directory_urls: bool = True,
    check: StatusCheck | None = None,
) -> dict[str, Any]:
    """Entries, filters with counts and the JavaScript's strings for the catalogue in ``lang``."""
    check = _check(check)
    entries = [
        _entry(example, lang, vocabularies, t, page_url, directory_urls, check) for example in examples
    ]
    entries.sort(key=lambda entry: collation_key(entry["title"]))
    facets = []
    for facet in FACETS:
        counts = Counter(value for example in examples for value in facet_values(example, facet, check))
        order = (
            vocabularies[facet.field].codes
            if facet.field in vocabularies
            else ["true", "false"]
            if facet.field == "personal_data"
            else list(CONFIRMATION_STATES)
            if facet.field == "status_confirmed"
            else sorted(counts, reverse=True)
        )
        options = [
            {
                "value": value,
                "label": value_label(facet, value, lang, vocabularies, t, check),
                "count": counts[value],
            }
            for value in order
            if counts[value]
        ]
        facets.append({"param": facet.param, "label": t[facet.label], "options": options})
    total = len(examples)
    data_root = relative_url("", page_url)
    return {
        "entries": entries,
        "facets": facets,
        "text_param": TEXT_PARAM,
        "total": total,
        "status": t["ex_status_all"].replace("{total}", str(total)),
        "data_href": data_root + "data/",
        "catalog_href": data_root + CATALOG_RDF,
        "catalog_turtle_href": data_root + CATALOG_TTL,
        "feed_href": data_root + FEEDS["examples"][lang],
        "open_data_page_href": relative_url(
            f"{PREFIX[lang]}om/oppna-data" + ("/" if directory_urls else ".html"), page_url
        ),
        "licence_url": LICENSE_URL,
        "licence_href": relative_url(
            f"{PREFIX[lang]}om/licens" + ("/" if directory_urls else ".html"), page_url
        ),
        "script_strings": {
            "all": t["ex_status_all"],
            "some": t["ex_status_some"],
            "none": t["ex_status_none"],
            "more": t["ex_show_more"],
            "text": t["ex_chip_text"],
            "remove": t["ex_chip_remove"],
        },
        "page_size": PAGE_SIZE,
    }


def _entry(
    example: Example,
    lang: str,
    vocabularies: Vocabularies,
    t: Mapping[str, str],
    page_url: str,
    directory_urls: bool,
    check: StatusCheck,
) -> dict[str, Any]:
    title, title_lang = example.text("title", lang)
    summary, summary_lang = example.text("summary", lang)
    labels = [vocabularies["organisation_type"].label(example.organisation_type, lang)]
    labels += [vocabularies["functions"].label(code, lang) for code in example.functions]
    labels += [vocabularies["techniques"].label(code, lang) for code in example.techniques]
    labels += [vocabularies["status"].label(example.status, lang), years_text(example, t)]
    tokens = [f"{facet.param}={value}" for facet in FACETS for value in facet_values(example, facet, check)]
    return {
        "id": example.id,
        "href": relative_url(example_url(example.id, lang, directory_urls), page_url),
        "title": title,
        "title_lang": title_lang if title_lang != lang else "",
        "summary": shorten(summary, CATALOGUE_SUMMARY),
        "summary_lang": summary_lang if summary_lang != lang else "",
        "organisation": example.organisation,
        "facts": labels,
        "marker": catalogue_marker(example, lang, t, check),
        "tokens": " ".join(tokens),
    }
