"""What the whole site needs: search per language, Material's patched files, page metadata, the
glossary, placeholders, redirects and the offline profile. Entry points: ``hooks/site_hooks.py``."""
