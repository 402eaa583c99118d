"""Checking a DCAT catalogue: SEMIC's SHACL shapes for DCAT-AP 3, and what DCAT-AP-SE adds.

DCAT-AP-SE 3.0.1 (https://docs.dataportal.se/dcat/sv/) is written as property templates in
github.com/diggsweden/DCAT-AP-SE, folder templates/ (read at commit 6b5124b, 2024-12-09): each
property has a cardinality with ``min`` (1: mandatory) and ``pref`` (1: recommended). The table
below holds the mandatory and recommended properties of the classes our catalogue has, taken
from templates/dcat:Catalog, dcat:Dataset, dcat:Distribution and dcat:contactPoint. Where
DCAT-AP-SE goes beyond DCAT-AP 3 (a licence on the catalogue, a format on every distribution,
an e-mail address on a contact point, recommended spatial coverage), the SHACL shapes alone
would not notice a missing property.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF

from tests.helpers import ROOT

SHAPES = ROOT / "tests" / "fixtures" / "dcat-ap"
SHAPE_FILES = ("shapes.ttl", "shapes_recommended.ttl", "range.ttl")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
SH = Namespace("http://www.w3.org/ns/shacl#")

MANDATORY, RECOMMENDED = "mandatory", "recommended"
# (class, property, level) from the DCAT-AP-SE templates named above.
SE_PROPERTIES: tuple[tuple[URIRef, URIRef, str], ...] = (
    (DCAT.Catalog, DCTERMS.title, MANDATORY),
    (DCAT.Catalog, DCTERMS.description, MANDATORY),
    (DCAT.Catalog, DCTERMS.publisher, MANDATORY),
    (DCAT.Catalog, DCTERMS.license, MANDATORY),
    (DCAT.Catalog, DCAT.dataset, MANDATORY),
    (DCAT.Catalog, DCTERMS.issued, RECOMMENDED),
    (DCAT.Catalog, DCTERMS.modified, RECOMMENDED),
    (DCAT.Catalog, DCTERMS.language, RECOMMENDED),
    (DCAT.Catalog, FOAF.homepage, RECOMMENDED),
    (DCAT.Catalog, DCTERMS.spatial, RECOMMENDED),
    (DCAT.Catalog, DCAT.themeTaxonomy, RECOMMENDED),
    (DCAT.Dataset, DCTERMS.title, MANDATORY),
    (DCAT.Dataset, DCTERMS.description, MANDATORY),
    (DCAT.Dataset, DCTERMS.publisher, MANDATORY),
    (DCAT.Dataset, DCAT.contactPoint, RECOMMENDED),
    (DCAT.Dataset, DCAT.keyword, RECOMMENDED),
    (DCAT.Dataset, DCAT.theme, RECOMMENDED),
    (DCAT.Dataset, DCTERMS.issued, RECOMMENDED),
    (DCAT.Dataset, DCTERMS.spatial, RECOMMENDED),
    (DCAT.Dataset, DCTERMS.temporal, RECOMMENDED),
    (DCAT.Dataset, DCTERMS.accessRights, RECOMMENDED),
    (DCAT.Distribution, DCAT.accessURL, MANDATORY),
    (DCAT.Distribution, DCTERMS.format, MANDATORY),
    (DCAT.Distribution, DCTERMS.description, RECOMMENDED),
    (DCAT.Distribution, DCATAP.availability, RECOMMENDED),
    (DCAT.Distribution, DCTERMS.license, RECOMMENDED),
    (VCARD.Kind, VCARD.fn, MANDATORY),
    (VCARD.Kind, VCARD.hasEmail, MANDATORY),
    (FOAF.Agent, FOAF.name, MANDATORY),
)
# Free-text properties that DCAT-AP-SE asks to be given in Swedish and at least English
# (docs/recommendations.md, recommendation 2: "Översätt fritextfält").
TRANSLATED = (DCTERMS.title, DCTERMS.description, DCAT.keyword)

# Warnings of the recommended shapes that are not ours to fix, each with its reason.
EXPLAINED_WARNINGS = {
    ("http://publications.europa.eu/resource/authority/country/SWE", str(DCAT.bbox)): (
        "a property of the EU country vocabulary's term, which the catalogue only points to"
    ),
    ("http://publications.europa.eu/resource/authority/country/SWE", str(DCAT.centroid)): (
        "a property of the EU country vocabulary's term, which the catalogue only points to"
    ),
    ("#period", str(DCAT.endDate)): "the collection goes on: its period has no end",
    ("#publisher", str(DCTERMS.type)): "the project's own publisher has no ADMS publisher type",
}


@dataclass(frozen=True)
class ShaclResult:
    violations: list[str]
    warnings: list[tuple[str, str]]  # (focus node, path)


def load(path: Path, rdf_format: str = "xml") -> Graph:
    return Graph().parse(path, format=rdf_format)


def shacl(catalogue: Graph) -> ShaclResult:
    """Validate with SEMIC's shapes, the EU vocabulary terms' classes added (see NOTICE.md)."""
    shapes = Graph()
    for name in SHAPE_FILES:
        shapes.parse(SHAPES / name)
    data = Graph()
    for triple in catalogue:
        data.add(triple)
    data.parse(SHAPES / "eu-vocabularies.ttl")
    _, report, _ = validate(data, shacl_graph=shapes, advanced=True)
    violations, warnings = [], []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = str(report.value(result, SH.focusNode))
        path = str(report.value(result, SH.resultPath))
        severity = report.value(result, SH.resultSeverity)
        message = str(report.value(result, SH.resultMessage))
        if severity == SH.Violation:
            violations.append(f"{focus} {path}: {message}")
        else:
            warnings.append((focus, path))
    return ShaclResult(sorted(violations), sorted(warnings))


def unexplained(warnings: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The warnings not in ``EXPLAINED_WARNINGS`` (our own nodes are matched by fragment)."""
    left = []
    for focus, path in warnings:
        key = ("#" + focus.split("#", 1)[1] if "#" in focus else focus, path)
        if key not in EXPLAINED_WARNINGS:
            left.append((focus, path))
    return left


def se_missing(catalogue: Graph, *, levels: tuple[str, ...] = (MANDATORY, RECOMMENDED)) -> list[str]:
    """Every DCAT-AP-SE property of ``levels`` that a resource of its class lacks."""
    missing = []
    for cls, prop, level in SE_PROPERTIES:
        if level not in levels:
            continue
        subjects = set(catalogue.subjects(RDF.type, cls))
        if not subjects:
            missing.append(f"no resource of class {cls}")
        for subject in sorted(subjects):
            if catalogue.value(subject, prop) is None:
                missing.append(f"{level}: {subject} has no {prop}")
    return missing


def untranslated(catalogue: Graph, languages: tuple[str, ...] = ("sv", "en")) -> list[str]:
    """Free-text literals of our resources missing in one of ``languages``, or without a language."""
    problems = []
    for prop in TRANSLATED:
        for subject in sorted(set(catalogue.subjects(prop, None))):
            values = [v for v in catalogue.objects(subject, prop) if isinstance(v, Literal)]
            found = {v.language for v in values}
            for lang in languages:
                if lang not in found:
                    problems.append(f"{subject} {prop}: nothing in {lang}")
            if None in found:
                problems.append(f"{subject} {prop}: a literal without a language")
    return problems
