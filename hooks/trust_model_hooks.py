"""MkDocs entry points of Förtroendemodellen (the trust model)."""
