"""Page types the browser tests visit, in both languages."""

from __future__ import annotations

# One page of each type; the English counterpart is the same path under en/.
_SWEDISH = [
    "",  # start page
    "guide/",  # the guide's start page
    "guide/juridik/",  # a guide chapter (tables, checklists, glossary terms)
    "guide/ordlista/",  # the glossary
    "guide/utskrift/",  # the whole guide as one print document
    "fortroendemodellen/utskrift/",  # the trust model's questions as a form to print
    "guide/mallar/",  # the list of templates
    "guide/mallar/konsekvensbedomning-grundlaggande-rattigheter/",  # a template: downloads, framed tables
    "guide/sektorer/halso-och-sjukvard/",  # a sector page
    "guide/genomgang-exempelvik/",  # the worked example (example boxes, summary table)
    "fortroendemodellen/",  # the trust model
    "ai-forordningen/",  # the AI Act decision aid (its script builds the first question)
    "exempel/",  # the example catalogue
    "om/",  # an about page
    "om/tillganglighet/",  # the accessibility statement
    "om/oppna-data/",  # open data, feeds and the catalogue
    "om/utgavor/",  # the edition page
    "404.html",  # the error page
]
PAGE_TYPES = _SWEDISH + [f"en/{path}" for path in _SWEDISH]


def counterpart(path: str) -> str:
    """The same page in the other language."""
    return path[3:] if path.startswith("en/") else f"en/{path}"
