"""What the tests share: the repository root, free ports, builds, reading built sites.

- ``builds``: the real ``mkdocs build --strict``, and the configuration of small fixture sites;
- ``sitecheck``: the pages, links, anchors and loaded resources of a built site;
- ``publishing``: mike deployments and the offline zip, built once per session.

Chromium's settings are in ``scripts/chromium.py`` and the copy of the repository in
``scripts/repository.py``: the benchmark and the audit use them too.
"""

from __future__ import annotations

from deploy.nginx.serve import free_port
from scripts.repository import ROOT

__all__ = ["ROOT", "free_port"]
