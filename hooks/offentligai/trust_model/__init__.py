"""Förtroendemodellen (the trust model): the question model as data (``model``) and its pages
and self-assessment tool (``pages``). Entry points: ``hooks/trust_model_hooks.py``."""
