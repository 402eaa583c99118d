"""AI-förordningen – vad gäller för oss? The AI Act decision aid.

The law lives as data in ``data/ai-act.yml`` (checked against ``data/ai-act.schema.json``):

- ``data``: read the file and report every problem at once, one line each;
- ``texts``: dates written out from the one date table, and the check that no date is
  written anywhere else;
- ``refs``: legal references as citations in Swedish and English and as EUR-Lex links;
- ``pages``: the page without JavaScript (every question and the duty catalogue) and the
  data the page's script gets.

The rules themselves are evaluated by one JavaScript module,
``docs/assets/javascripts/core/ai-act/engine.js``, in the browser and on the command line
(``scripts/ai-act.mjs``). Nothing here evaluates them.
"""
