"""The whole guide and the trust model's questions as one document each (``hooks/printing_hooks.py``)."""
