"""The open data files of the collection: ``examples.json``, ``examples.csv`` and its CSVW description.

Both files hold every example sorted by id, with the same codes as the front matter,
title and summary in both languages and the absolute address of each language page.
An English text that does not exist yet is ``null`` in JSON and an empty cell in CSV.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..languages import LANGUAGES
from ..sitewide.seo import absolute
from .collection import Example
from .presentation import LICENSE_URL, catalogue_url, example_url
from .schema import SCHEMA_PATH
from .vocabularies import Vocabularies

JSON_PATH = "data/examples.json"
CSV_PATH = "data/examples.csv"
CSVW_PATH = "data/examples.csv-metadata.json"
LICENSE = "CC-BY-4.0"
TITLE = {
    "sv": "Exempelsamlingen – Offentlig AI",
    "en": "Examples of AI in the Swedish public sector – Offentlig AI",
}
LIST_SEPARATOR = ";"
URL_SEPARATOR = " "  # addresses may contain ';' but never a space

# CSV columns in order: name, CSVW datatype, description. Columns are only ever added at the
# end, so that programs reading them by position keep working.
CSV_COLUMNS = (
    ("id", "string", "Stable identifier; the page address ends with it"),
    ("title_sv", "string", "Title in Swedish"),
    ("title_en", "string", "Title in English (empty if not translated)"),
    ("summary_sv", "string", "Summary in Swedish"),
    ("summary_en", "string", "Summary in English (empty if not translated)"),
    ("organisation", "string", "The organisation's official name"),
    ("organisation_type", "string", "Code: kind of public organisation"),
    ("organisation_number", "string", "Swedish organisationsnummer, where known"),
    ("functions", "string", "Codes: COFOG divisions, separated by ';'"),
    ("techniques", "string", "Codes: AI techniques, separated by ';'"),
    ("status", "string", "Code: stage the use has reached"),
    ("year_started", "gYear", "Year the use started"),
    ("year_ended", "gYear", "Year the use ended (empty if it has not)"),
    ("decision_role", "string", "Code: role in decisions about individuals"),
    ("personal_data", "boolean", "Whether personal data is processed: true or false"),
    ("sources", "anyURI", "Addresses of the public sources, separated by spaces"),
    ("last_reviewed", "date", "Date of the last review"),
    ("url_sv", "anyURI", "Address of the Swedish page"),
    ("url_en", "anyURI", "Address of the English page"),
    (
        "status_confirmed",
        "date",
        "Date of the newest source that confirms the status (empty if no dated source does)",
    ),
    (
        "source_publishers",
        "string",
        "Who published each source, separated by ';', in the order of the sources column",
    ),
    (
        "source_kinds",
        "string",
        "Code per source: primary (the organisation, an authority, a court, a peer-reviewed paper) or "
        "secondary (a news or trade outlet), separated by ';', in the order of the sources column",
    ),
)
# Columns whose cells are lists, and their separators (for the CSVW description).
LIST_COLUMNS = {
    "functions": LIST_SEPARATOR,
    "techniques": LIST_SEPARATOR,
    "sources": URL_SEPARATOR,
    "source_publishers": LIST_SEPARATOR,
    "source_kinds": LIST_SEPARATOR,
}


def example_record(example: Example, site_url: str, directory_urls: bool = True) -> dict[str, Any]:
    """One example as a JSON object: the front-matter fields, texts per language, page addresses."""
    return {
        "id": example.id,
        "title": {lang: example.title.get(lang) for lang in LANGUAGES},
        "summary": {lang: example.summary.get(lang) for lang in LANGUAGES},
        "organisation": example.organisation,
        "organisation_type": example.organisation_type,
        "organisation_number": example.organisation_number,
        "functions": list(example.functions),
        "techniques": list(example.techniques),
        "status": example.status,
        "year_started": example.year_started,
        "year_ended": example.year_ended,
        "decision_role": example.decision_role,
        "personal_data": example.personal_data,
        "status_confirmed": example.status_confirmed.isoformat() if example.status_confirmed else None,
        "sources": [
            {
                "title": s.title,
                "url": s.url,
                "publisher": s.publisher,
                "kind": s.kind,
                "date": s.date.isoformat() if s.date else None,
            }
            for s in example.sources
        ],
        "last_reviewed": example.last_reviewed.isoformat(),
        "url": {
            lang: absolute(site_url, example_url(example.id, lang, directory_urls)) for lang in LANGUAGES
        },
    }


def examples_json(
    examples: list[Example],
    vocabularies: Vocabularies,
    site_url: str,
    generated: str,
    directory_urls: bool = True,
) -> str:
    """The text of ``examples.json``."""
    document = {
        "title": TITLE,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": absolute(site_url, catalogue_url("sv", directory_urls)),
        "schema": absolute(site_url, SCHEMA_PATH),
        "generated": generated,
        "count": len(examples),
        "vocabularies": {
            field: {code: dict(labels) for code, labels in vocabulary.labels.items()}
            for field, vocabulary in vocabularies.items()
        },
        "examples": [
            example_record(example, site_url, directory_urls) for example in sorted(examples, key=_by_id)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def csv_row(example: Example, site_url: str, directory_urls: bool = True) -> list[str]:
    """One example as CSV cells, in the order of ``CSV_COLUMNS``."""
    urls = {lang: absolute(site_url, example_url(example.id, lang, directory_urls)) for lang in LANGUAGES}
    return [
        example.id,
        example.title["sv"],
        example.title.get("en", ""),
        example.summary["sv"],
        example.summary.get("en", ""),
        example.organisation,
        example.organisation_type,
        example.organisation_number or "",
        LIST_SEPARATOR.join(example.functions),
        LIST_SEPARATOR.join(example.techniques),
        example.status,
        str(example.year_started),
        "" if example.year_ended is None else str(example.year_ended),
        example.decision_role,
        "true" if example.personal_data else "false",
        URL_SEPARATOR.join(source.url for source in example.sources),
        example.last_reviewed.isoformat(),
        urls["sv"],
        urls["en"],
        example.status_confirmed.isoformat() if example.status_confirmed else "",
        LIST_SEPARATOR.join(
            (source.publisher or "").replace(LIST_SEPARATOR, ",") for source in example.sources
        ),
        LIST_SEPARATOR.join(source.kind or "" for source in example.sources),
    ]


def examples_csv(examples: list[Example], site_url: str, directory_urls: bool = True) -> str:
    """The text of ``examples.csv``: UTF-8, comma-separated, CRLF line ends, a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in CSV_COLUMNS])
    for example in sorted(examples, key=_by_id):
        writer.writerow(csv_row(example, site_url, directory_urls))
    return buffer.getvalue()


def csv_metadata(site_url: str, generated: str, directory_urls: bool = True) -> str:
    """The CSVW description (W3C "Metadata Vocabulary for Tabular Data") of ``examples.csv``."""
    columns = []
    for name, datatype, description in CSV_COLUMNS:
        column: dict[str, Any] = {
            "name": name,
            "titles": name,
            "datatype": datatype,
            "dc:description": description,
        }
        if name in LIST_COLUMNS:
            column["separator"] = LIST_COLUMNS[name]
        if name in ("id", "title_sv", "summary_sv", "organisation", "url_sv", "url_en"):
            column["required"] = True
        columns.append(column)
    document = {
        "@context": "http://www.w3.org/ns/csvw",
        "url": "examples.csv",
        "dc:title": TITLE["en"],
        "dc:description": (
            "One row per example of AI use in the Swedish public sector. List cells are separated "
            "as each column says; the source columns (sources, source_publishers, source_kinds) "
            "list the same sources in the same order. Codes and their Swedish and English labels "
            "are in examples.json."
        ),
        "dc:license": {"@id": LICENSE_URL},
        "dc:source": {"@id": absolute(site_url, catalogue_url("sv", directory_urls))},
        "dc:modified": generated,
        "dialect": {"encoding": "utf-8", "header": True, "delimiter": ","},
        "tableSchema": {"columns": columns, "primaryKey": "id"},
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _by_id(example: Example) -> str:
    return example.id
