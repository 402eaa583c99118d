"""The real collection keeps the breadth issue 13 asks for, counted from the front matter.

At least 40 examples; at least 10 state agencies, 10 municipalities and 6 regions; at least 6
using generative AI; at least 6 that were stopped, retired or failed (status ``retired`` or a
``year_ended``). Every count comes from docs/exempel/ through the collection's own loader, so a
removal that takes the collection below a minimum fails here, naming the count and the minimum.

A minimum the collection does not meet yet is marked as an expected failure with ``strict``:
the test reports it as xfailed, and fails (XPASS) as soon as the collection meets it, so that
the marker is removed and the minimum is guarded from then on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from offentligai.examples import collection, schema, vocabularies
from offentligai.examples.collection import Example
from tests.helpers import ROOT

# name -> (what counts, minimum)
MINIMUMS: dict[str, tuple[Callable[[Example], bool], int]] = {
    "examples": (lambda example: True, 40),
    "state agencies": (lambda example: example.organisation_type == "state-agency", 10),
    "municipalities": (lambda example: example.organisation_type == "municipality", 10),
    "regions": (lambda example: example.organisation_type == "region", 6),
    "generative AI": (lambda example: "generative-ai" in example.techniques, 6),
    "stopped, retired or failed": (
        lambda example: example.status == "retired" or example.year_ended is not None,
        6,
    ),
}

# Minimums the collection does not meet yet; `--runxfail` shows each one's count in its
# assertion. Remove a name as soon as its test passes (strict XPASS). Empty since the collection
# reached 40 examples (3 December 2026).
NOT_MET_YET: dict[str, str] = {}


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    vocab = vocabularies.load_vocabularies(ROOT / "data" / "vocabularies.yml")
    check = schema.validator(schema.build_schema(vocab, schema.SCHEMA_PATH))
    return collection.load_collection(ROOT / "docs" / "exempel", ROOT, check, dt.date.today())


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(name, marks=pytest.mark.xfail(strict=True, reason=NOT_MET_YET[name]))
        if name in NOT_MET_YET
        else name
        for name in MINIMUMS
    ],
)
def test_the_collection_meets_the_minimum(examples, name):
    counts, minimum = MINIMUMS[name]
    count = sum(1 for example in examples if counts(example))
    assert count >= minimum, f"{count} {name} in docs/exempel/, at least {minimum} required (issue 13)"


def test_the_minimums_count_what_the_front_matter_says():
    # The counting rules themselves, on hand-built examples.
    def example(**fields) -> Example:
        base = {
            "id": "x",
            "title": {"sv": "X"},
            "summary": {"sv": "X"},
            "organisation": "X",
            "organisation_type": "municipality",
            "organisation_number": "212000-0142",
            "functions": ("education",),
            "techniques": ("machine-learning",),
            "status": "production",
            "year_started": 2020,
            "year_ended": None,
            "decision_role": "none",
            "personal_data": False,
            "sources": (),
            "last_reviewed": dt.date(2026, 1, 1),
        }
        return Example(**{**base, **fields})

    stopped = MINIMUMS["stopped, retired or failed"][0]
    assert stopped(example(status="retired"))
    assert stopped(example(status="pilot", year_ended=2023))
    assert not stopped(example(status="pilot"))
    assert MINIMUMS["generative AI"][0](example(techniques=("generative-ai", "speech-recognition")))
    assert not MINIMUMS["generative AI"][0](example())
    assert MINIMUMS["regions"][0](example(organisation_type="region"))
    assert not MINIMUMS["state agencies"][0](example())
    assert set(NOT_MET_YET) <= set(MINIMUMS)
