"""Exempelsamlingen: documented AI uses, one Markdown file per example and language.

``vocabularies`` reads the controlled vocabularies, ``schema`` turns them into the
published JSON Schema, ``collection`` reads and validates every example,
``presentation`` prepares what the page templates show and ``exports`` writes the open
data files. Nothing here depends on MkDocs; ``hooks/examples_hooks.py`` connects it.
"""
