"""The DCAT-AP-SE catalogue of the open data, as an RDF graph (``rdflib``), RDF/XML and Turtle.

One ``dcat:Catalog`` holds one ``dcat:Dataset``, the example collection, whose files are its
``dcat:Distribution``s. Every resource has a URI of its own (a fragment of the catalogue's
address), never a blank node, so that two builds of the same commit write the same bytes.

What we followed (read 2026-12-03):

- DCAT-AP 3.0.1 by SEMIC (https://semiceu.github.io/DCAT-AP/releases/3.0.1/), checked in
  tests/build/test_opendata_site.py with its SHACL shapes (tests/fixtures/dcat-ap/);
- DCAT-AP-SE 3.0.1 (https://docs.dataportal.se/dcat/sv/), whose property templates in
  github.com/diggsweden/DCAT-AP-SE (templates/, commit 6b5124b) make a licence mandatory on the
  catalogue, a publisher on the dataset, an access URL and a format on every distribution, and
  a name and an e-mail address on a contact point; and recommend issued, modified, language,
  homepage, spatial coverage and theme taxonomy (catalogue), contact point, keywords, themes,
  issued, spatial coverage and access rights (dataset), description, availability and licence
  (distribution). Its harvesting guide (docs/harvesting.md) asks for RDF/XML with absolute
  IRIs and publisher URIs of the form http://dataportal.se/organisation/SE<orgnr>; its change
  log accepts the EU file-type vocabulary for dct:format with IANA types in dcat:mediaType.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, SKOS

from ..languages import LANGUAGES

DCATAP = Namespace("http://data.europa.eu/r5r/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
LICENSE = URIRef("http://creativecommons.org/licenses/by/4.0/")  # as DCAT-AP-SE lists CC BY 4.0
DATA_THEMES = URIRef(EU + "data-theme")
# Government and public sector; Science and technology (the EU data-theme vocabulary).
THEMES = (URIRef(EU + "data-theme/GOVE"), URIRef(EU + "data-theme/TECH"))
LANGUAGE_URIS = {"sv": URIRef(EU + "language/SWE"), "en": URIRef(EU + "language/ENG")}
SWEDEN = URIRef(EU + "country/SWE")
PUBLIC = URIRef(EU + "access-right/PUBLIC")
STABLE = URIRef(EU + "planned-availability/STABLE")
IANA = "https://www.iana.org/assignments/media-types/"
ATTRIBUTION = URIRef("http://purl.org/adms/licencetype/Attribution")  # ADMS licence type
PUBLISHER_TYPES = "http://purl.org/adms/publishertype/"  # + a code such as NationalAuthority
_ABOUT = f"{{{RDF}}}about"
PORTAL_ORGANISATION = "http://dataportal.se/organisation/SE"  # + ten digits (harvesting guide)


@dataclass(frozen=True)
class Publisher:
    """Who publishes the catalogue and whom to contact (mkdocs.yml: extra.open_data)."""

    name: str
    homepage: str
    organisation_number: str = ""  # NNNNNN-NNNN; gives the URI Sveriges dataportal merges on
    contact_email: str = ""
    contact_url: str = ""
    publisher_type: str = ""  # a code of the ADMS publisher types: NationalAuthority, LocalAuthority …


@dataclass(frozen=True)
class Distribution:
    """One published file of the dataset."""

    key: str  # the fragment of its URI
    path: str  # site-relative
    title: Mapping[str, str]  # language -> text
    description: Mapping[str, str]
    file_type: str  # a code of the EU file-type vocabulary: JSON, CSV, JSON_LD …
    media_type: str  # an IANA media type
    conforms_to: str = ""  # the standard the file follows, if one says more than the format


@dataclass(frozen=True)
class Catalogue:
    """Everything the catalogue says; texts are language -> text."""

    site_url: str  # absolute, ending in "/"
    title: Mapping[str, str]
    description: Mapping[str, str]
    dataset_title: Mapping[str, str]
    dataset_description: Mapping[str, str]
    keywords: Mapping[str, tuple[str, ...]]
    landing_pages: Mapping[str, str]  # language -> absolute address of the collection's page
    issued: dt.date
    modified: dt.date  # the newest review date of an example
    first_year: int  # the year the earliest use in the collection started
    publisher: Publisher
    distributions: tuple[Distribution, ...]


def organisation_uri(organisation_number: str) -> str:
    """Sveriges dataportal's URI of an organisation: its ten digits after ``SE``."""
    digits = "".join(ch for ch in organisation_number if ch.isdigit())
    return PORTAL_ORGANISATION + digits


def catalogue_graph(catalogue: Catalogue, catalogue_path: str) -> Graph:
    """The catalogue as an RDF graph; ``catalogue_path`` is where it is published (site-relative)."""
    graph = Graph(bind_namespaces="core")
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("skos", SKOS),
        ("dcatap", DCATAP),
        ("xsd", XSD),
        ("rdf", RDF),
    ):
        graph.bind(prefix, namespace)
    base = catalogue.site_url + catalogue_path
    catalog, dataset = URIRef(base + "#catalog"), URIRef(base + "#examples")
    publisher = URIRef(
        organisation_uri(catalogue.publisher.organisation_number)
        if catalogue.publisher.organisation_number
        else base + "#publisher"
    )
    contact = URIRef(base + "#contact")
    add = graph.add

    def texts(subject: URIRef, predicate: URIRef, values: Mapping[str, str]) -> None:
        for lang in LANGUAGES:
            add((subject, predicate, Literal(values[lang], lang=lang)))

    def date(subject: URIRef, predicate: URIRef, value: dt.date) -> None:
        add((subject, predicate, Literal(value.isoformat(), datatype=XSD.date)))

    # The catalogue
    add((catalog, RDF.type, DCAT.Catalog))
    texts(catalog, DCTERMS.title, catalogue.title)
    texts(catalog, DCTERMS.description, catalogue.description)
    add((catalog, DCTERMS.publisher, publisher))
    add((catalog, DCTERMS.license, LICENSE))
    add((catalog, FOAF.homepage, URIRef(catalogue.site_url)))
    add((catalog, DCAT.themeTaxonomy, DATA_THEMES))
    add((catalog, DCTERMS.spatial, SWEDEN))
    add((catalog, DCAT.dataset, dataset))
    date(catalog, DCTERMS.issued, catalogue.issued)
    date(catalog, DCTERMS.modified, catalogue.modified)
    for lang in LANGUAGES:
        add((catalog, DCTERMS.language, LANGUAGE_URIS[lang]))

    # The dataset: the example collection
    add((dataset, RDF.type, DCAT.Dataset))
    texts(dataset, DCTERMS.title, catalogue.dataset_title)
    texts(dataset, DCTERMS.description, catalogue.dataset_description)
    add((dataset, DCTERMS.publisher, publisher))
    add((dataset, DCAT.contactPoint, contact))
    for theme in THEMES:
        add((dataset, DCAT.theme, theme))
    for lang in LANGUAGES:
        for keyword in catalogue.keywords[lang]:
            add((dataset, DCAT.keyword, Literal(keyword, lang=lang)))
        add((dataset, DCTERMS.language, LANGUAGE_URIS[lang]))
        add((dataset, DCAT.landingPage, URIRef(catalogue.landing_pages[lang])))
    add((dataset, DCTERMS.spatial, SWEDEN))
    add((dataset, DCTERMS.accessRights, PUBLIC))
    period = URIRef(base + "#period")
    add((dataset, DCTERMS.temporal, period))
    add((period, RDF.type, DCTERMS.PeriodOfTime))
    add((period, DCAT.startDate, Literal(str(catalogue.first_year), datatype=XSD.gYear)))
    date(dataset, DCTERMS.issued, catalogue.issued)
    date(dataset, DCTERMS.modified, catalogue.modified)

    # The distributions: one per file
    for item in catalogue.distributions:
        node, address = URIRef(f"{base}#{item.key}"), URIRef(catalogue.site_url + item.path)
        add((dataset, DCAT.distribution, node))
        add((node, RDF.type, DCAT.Distribution))
        texts(node, DCTERMS.title, item.title)
        texts(node, DCTERMS.description, item.description)
        add((node, DCAT.accessURL, address))
        add((node, DCAT.downloadURL, address))
        add((node, DCTERMS.format, URIRef(EU + "file-type/" + item.file_type)))
        add((node, DCAT.mediaType, URIRef(IANA + item.media_type)))
        add((node, DCTERMS.license, LICENSE))
        add((node, DCATAP.availability, STABLE))
        date(node, DCTERMS.issued, catalogue.issued)
        date(node, DCTERMS.modified, catalogue.modified)
        if item.conforms_to:
            add((node, DCTERMS.conformsTo, URIRef(item.conforms_to)))
            add((URIRef(item.conforms_to), RDF.type, DCTERMS.Standard))

    # The publisher and the contact point
    add((publisher, RDF.type, FOAF.Agent))
    add((publisher, RDF.type, FOAF.Organization))
    add((publisher, FOAF.name, Literal(catalogue.publisher.name)))
    add((publisher, FOAF.homepage, URIRef(catalogue.publisher.homepage)))
    if catalogue.publisher.publisher_type:
        add((publisher, DCTERMS.type, URIRef(PUBLISHER_TYPES + catalogue.publisher.publisher_type)))
    add((LICENSE, DCTERMS.type, ATTRIBUTION))
    add((contact, RDF.type, VCARD.Kind))
    add((contact, RDF.type, VCARD.Organization))
    add((contact, VCARD.fn, Literal(catalogue.publisher.name)))
    if catalogue.publisher.contact_email:
        add((contact, VCARD.hasEmail, URIRef("mailto:" + catalogue.publisher.contact_email)))
    if catalogue.publisher.contact_url:
        add((contact, VCARD.hasURL, URIRef(catalogue.publisher.contact_url)))

    # Our own pages are documents; the classes of the EU vocabularies' terms are in those
    # vocabularies, which a validator loads (tests/fixtures/dcat-ap/eu-vocabularies.ttl)
    for page in sorted({catalogue.site_url, catalogue.publisher.homepage, *catalogue.landing_pages.values()}):
        add((URIRef(page), RDF.type, FOAF.Document))
    return graph


def rdf_xml(graph: Graph) -> str:
    """RDF/XML, the syntax Sveriges dataportal harvests, in an order that never changes.

    rdflib writes subjects and namespace declarations in an order that varies from one Python
    process to the next (hash seeds). The meaning of RDF/XML does not depend on that order, so
    the resources are sorted by address, their properties by their text, and the namespaces by
    prefix: two builds of one commit then write the same bytes.
    """
    parsed = etree.fromstring(graph.serialize(format="xml", encoding="utf-8"))
    root = etree.Element(parsed.tag, nsmap=dict(sorted(parsed.nsmap.items(), key=lambda item: item[0] or "")))
    for resource in sorted(parsed, key=lambda element: element.get(_ABOUT, "")):
        resource.text = resource.tail = None  # only layout: pretty_print lays it out again
        for element in resource:
            element.tail = None
        resource[:] = sorted(resource, key=lambda element: etree.tostring(element))
        root.append(resource)
    etree.cleanup_namespaces(root)
    text = etree.tostring(root, encoding="utf-8", xml_declaration=True, pretty_print=True)
    return _canonical_lines(text.decode("utf-8"))


def turtle(graph: Graph) -> str:
    return _canonical_lines(graph.serialize(format="turtle", encoding="utf-8").decode("utf-8"))


def _canonical_lines(text: str) -> str:
    return text.rstrip("\n") + "\n"
