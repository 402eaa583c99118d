"""Reaching readers where they are: the DCAT-AP-SE catalogue of the open data, the Atom feeds
of what changed, and the edition page (``hooks/opendata_hooks.py`` is the entry point)."""
