"""MkDocs entry points of Exempelsamlingen (the example collection)."""
