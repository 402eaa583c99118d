"""The publisher of the open data: ``extra.open_data`` in mkdocs.yml, checked field by field.

Each value can be overridden by an environment variable (see the README's settings table), so
that an organisation running its own copy names itself as publisher without editing files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..errors import ContentError, Problem
from .catalog import Publisher

CONFIG = "mkdocs.yml"
FIELD = "extra.open_data"
# The ADMS publisher types (http://purl.org/adms/publishertype/…)
PUBLISHER_TYPES = (
    "Academia-ScientificOrganisation",
    "Company",
    "IndustryConsortium",
    "LocalAuthority",
    "NationalAuthority",
    "NonGovernmentalOrganisation",
    "NonProfitOrganisation",
    "PrivateIndividual(s)",
    "RegionalAuthority",
    "StandardisationBody",
    "SupraNationalAuthority",
)
_URL = re.compile(r"^https?://[^\s]+$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_ORGANISATION_NUMBER = re.compile(r"^\d{6}-\d{4}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read(settings: Mapping[str, object] | None) -> tuple[Publisher, dt.date]:
    """The publisher and the date the open data was first issued; every problem is reported."""
    values = {key: "" if value is None else value for key, value in (settings or {}).items()}
    problems: list[Problem] = []

    def text(key: str, pattern: re.Pattern[str] | None, allowed: str, required: bool = False) -> str:
        value = values.get(key, "")
        if not isinstance(value, str):
            problems.append(Problem(CONFIG, f"{FIELD}.{key}", repr(value), allowed))
            return ""
        value = value.strip()
        if (required and not value) or (value and pattern is not None and not pattern.match(value)):
            problems.append(Problem(CONFIG, f"{FIELD}.{key}", value, allowed))
        return value

    known = {
        "publisher",
        "publisher_url",
        "publisher_type",
        "organisation_number",
        "contact_email",
        "contact_url",
        "issued",
    }
    for key in sorted(set(values) - known):
        problems.append(
            Problem(CONFIG, f"{FIELD}.{key}", "", f"unknown setting; known: {', '.join(sorted(known))}")
        )
    name = text("publisher", None, "the publisher's name", required=True)
    homepage = text("publisher_url", _URL, "an http(s) address", required=True)
    publisher_type = text("publisher_type", None, "")
    if publisher_type and publisher_type not in PUBLISHER_TYPES:
        problems.append(
            Problem(
                CONFIG,
                f"{FIELD}.publisher_type",
                publisher_type,
                f"empty or one of {', '.join(PUBLISHER_TYPES)}",
            )
        )
    number = text("organisation_number", _ORGANISATION_NUMBER, "empty or NNNNNN-NNNN")
    email = text("contact_email", _EMAIL, "empty or an e-mail address")
    contact_url = text("contact_url", _URL, "empty or an http(s) address")
    issued_value = values.get("issued", "")
    issued = issued_value if isinstance(issued_value, dt.date) else None
    if issued is None and isinstance(issued_value, str) and _DATE.match(issued_value):
        try:
            issued = dt.date.fromisoformat(issued_value)
        except ValueError:
            issued = None
    if issued is None:
        problems.append(Problem(CONFIG, f"{FIELD}.issued", str(issued_value), "a date YYYY-MM-DD"))
    if not email and not contact_url:
        problems.append(Problem(CONFIG, f"{FIELD}.contact_email", "", "give contact_email or contact_url"))
    if problems:
        raise ContentError(problems)
    publisher = Publisher(name, homepage, number, email, contact_url, publisher_type)
    return publisher, issued or dt.date(2000, 1, 1)
