"""Where the catalogue and the feeds are published, relative to the site root (stable URLs)."""

from __future__ import annotations

from ..languages import LANGUAGES

CATALOG_RDF = "data/catalog.rdf"  # RDF/XML: what Sveriges dataportal harvests
CATALOG_TTL = "data/catalog.ttl"  # the same graph in Turtle
FEED_KINDS = ("examples", "changes")
FEEDS = {kind: {lang: f"data/feeds/{kind}-{lang}.atom" for lang in LANGUAGES} for kind in FEED_KINDS}
FEED_MEDIA_TYPE = "application/atom+xml"
