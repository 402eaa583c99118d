"""Build logic of the Offentlig AI site.

Everything here is plain functions with no MkDocs types in their signatures, so that
the logic can be unit-tested and moved if the project ever leaves MkDocs. The MkDocs
entry points live in ``hooks/site_hooks.py`` and only dispatch to these modules.
"""
