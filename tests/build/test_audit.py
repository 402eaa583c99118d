"""scripts/audit.py: reading Lighthouse results, budgets and the report; one real Lighthouse run."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from scripts import audit
from tests.helpers import ROOT


def lhr(performance=1.0, accessibility=1.0, best=1.0, seo=1.0, requests=None, failing=None) -> dict:
    """A Lighthouse result with only the parts the audit reads."""
    audits = {
        "network-requests": {
            "details": {
                "items": requests
                if requests is not None
                else [
                    {"resourceType": "Document", "transferSize": 6000},
                    {"resourceType": "Stylesheet", "transferSize": 20000},
                    {"resourceType": "Stylesheet", "transferSize": 2000},
                    {"resourceType": "Script", "transferSize": 35000},
                    {"resourceType": "Fetch", "transferSize": 900},
                    {"resourceType": "Image", "transferSize": 1500},
                    {"resourceType": "Other", "transferSize": 700},
                ]
            }
        },
        "first-contentful-paint": {"numericValue": 900.0},
        "largest-contentful-paint": {"numericValue": 1200.0},
        "total-blocking-time": {"numericValue": 50.0},
        "cumulative-layout-shift": {"numericValue": 0.01},
        "speed-index": {"numericValue": 1000.0},
    }
    refs = []
    for audit_id, score in (failing or {}).items():
        audits[audit_id] = {"id": audit_id, "title": f"The {audit_id} audit", "score": score}
        refs.append({"id": audit_id, "weight": 7})
    audits["informative"] = {"id": "informative", "title": "Not scored", "score": 0}
    refs.append({"id": "informative", "weight": 0})
    return {
        "categories": {
            "performance": {"score": performance, "auditRefs": []},
            "accessibility": {"score": accessibility, "auditRefs": refs},
            "best-practices": {"score": best, "auditRefs": []},
            "seo": {"score": seo, "auditRefs": []},
        },
        "audits": audits,
        "environment": {"benchmarkIndex": 2000},
    }


def test_scores_are_whole_percentages():
    assert audit.scores(lhr(0.956, 1, 0.96, 1)) == {
        "performance": 96,
        "accessibility": 100,
        "best-practices": 96,
        "seo": 100,
    }
    broken = lhr()
    broken["categories"]["seo"]["score"] = None  # Lighthouse could not score it
    assert audit.scores(broken)["seo"] == -1


def test_weights_add_up_transferred_bytes_by_kind():
    found = audit.weights(lhr(requests=[*lhr()["audits"]["network-requests"]["details"]["items"]]))
    assert found == {
        "html": 6000,
        "css": 22000,
        "js": 35000,
        "data": 900,
        "images": 1500,
        "other": 700,
        "total": 66100,
    }
    assert audit.weights(lhr(requests=[{"resourceType": "Media", "transferSize": None}]))["total"] == 0


def test_performance_is_the_median_run():
    runs = [lhr(performance=0.90), lhr(performance=0.99), lhr(performance=0.96)]
    assert audit.scores(audit.median_run(runs))["performance"] == 96
    assert audit.scores(audit.median_run(runs[:2]))["performance"] == 90  # the lower middle


def test_a_page_within_every_budget_passes():
    result = audit.judge("start", "sv", "", [lhr(0.97), lhr(0.99), lhr(0.98)])
    assert result.failures == []
    assert result.scores == {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
    assert result.metrics["tbt"] == 50.0 and result.benchmark_index == 2000


def test_one_run_below_100_fails_the_page_and_names_the_audit():
    runs = [lhr(), lhr(accessibility=0.93, failing={"color-contrast": 0}), lhr()]
    result = audit.judge("about", "en", "en/om/", runs)
    assert result.scores["accessibility"] == 93
    assert result.failures == ["accessibility 93 < 100: color-contrast: The color-contrast audit"]


def test_slow_median_fails_but_one_slow_run_does_not():
    assert audit.judge("start", "sv", "", [lhr(0.80), lhr(0.99), lhr(0.98)]).failures == []
    failures = audit.judge("start", "sv", "", [lhr(0.80), lhr(0.94), lhr(0.98)]).failures
    assert failures == ["performance 94 < 95: no audit named"]


def test_a_page_over_its_weight_budget_fails():
    limit = audit.WEIGHT_BUDGET["example"]["js"]
    heavy = [{"resourceType": "Script", "transferSize": limit + 1}]
    result = audit.judge("example", "sv", "exempel/x/", [lhr(requests=heavy)])
    assert result.failures == [f"js weighs {limit + 1:,} B > budget {limit:,} B"]


def test_every_page_type_has_a_budget_for_every_kind():
    for page_type in audit.PAGE_TYPES:
        assert set(audit.WEIGHT_BUDGET[page_type]) == {*audit.KINDS, "total"}, page_type


def report_with(pages: list[audit.PageResult]) -> dict:
    return {
        "date": "2026-11-28T20:00:00Z",
        "command": "make audit",
        "machine": {"description": "a test machine"},
        "lighthouse": "12.8.2",
        "chromium": "156",
        "runs": 3,
        "cpu": {"benchmark_index": 1286.0, "cpu_slowdown": 1.83, "device_benchmark_index": 702},
        "served_at": "http://127.0.0.1:1/",
        "build": {
            "full_build_s": 6.2,
            "rebuild": {"make serve": {"first_build_s": 6.0, "runs_s": [6.5, 6.7, 6.6], "median_s": 6.6}},
        },
        "html": {
            "ours": [],
            "material": [
                {"template": "partials/toc.html", "message": "M", "note": "N", "count": 4, "pages": 2},
            ],
        },
        "pages": [page.as_dict() for page in pages],
        "passed": not any(page.failures for page in pages),
    }


def test_markdown_report_has_the_tables_and_says_what_is_over_budget():
    good = audit.judge("start", "sv", "", [lhr(0.97), lhr(0.99), lhr(0.98)])
    bad = audit.judge("404", "en", "en/404.html", [lhr(seo=0.9, failing={})])
    text = audit.markdown_report(report_with([good, bad]))
    cpu = "- CPU slowed down 1.83× (this machine's benchmarkIndex 1286 before the runs; "
    assert cpu + "the emulated phone's 702)" in text
    assert "| start | sv | 98 (97/99/98) | 100 | 100 | 100 | 900 | 1200 | 50 |" in text
    assert "| 404 | en | 100 (100) | 100 | 100 | 90 |" in text
    assert (
        "- `make serve`: first build 6.0 s; after a one-line edit the page showed the change in 6.6 s" in text
    )
    assert "**OVER BUDGET**" in text
    assert "- Errors in our markup (glossary, overrides, hooks, pages): **0**" in text
    assert "- In Material's `partials/toc.html`: 4 on 2 pages: M (N)" in text
    assert "- 404 (en): seo 90 < 100: no audit named" in text
    assert "**within budget**" in audit.markdown_report(report_with([good]))


@pytest.mark.browser
def test_lighthouse_runner_scores_a_real_page(site, tmp_path):
    """The Node runner, Lighthouse and Debian's Chromium together, on the built 404 page."""
    if shutil.which("node") is None:
        pytest.fail("node is missing: the audit needs Node.js")
    pages = [{"name": "404-sv", "url": f"{site.url}404.html"}]
    job = audit.write_job(tmp_path / "job.json", pages, 1, tmp_path / "out")
    done = subprocess.run(
        ["node", str(audit.NODE_RUNNER), str(job)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads((tmp_path / "out" / "404-sv.1.json").read_text(encoding="utf-8"))
    assert result["configSettings"]["formFactor"] == "mobile"
    # The CPU is slowed down by the machine's speed over the emulated phone's, the rest of
    # Lighthouse's mobile throttling unchanged.
    calibration = json.loads((tmp_path / "out" / "calibration.json").read_text(encoding="utf-8"))
    expected = max(1, calibration["benchmark_index"] / audit.DEVICE_BENCHMARK_INDEX)
    assert abs(calibration["cpu_slowdown"] - expected) <= 0.005
    throttling = result["configSettings"]["throttling"]
    assert throttling["cpuSlowdownMultiplier"] == calibration["cpu_slowdown"]
    assert throttling["rttMs"] == 150 and throttling["throughputKbps"] == 1638.4
    judged = audit.judge("404", "sv", "404.html", [result])
    assert all(0 <= score <= 100 for score in judged.scores.values()), judged.scores
    assert judged.weights["html"] > 0 and judged.weights["css"] > 0 and judged.weights["js"] > 0
    # The 404 page itself is accessible, whatever the server (this one sends no gzip).
    assert judged.scores["accessibility"] == 100, audit.failing_audits(result, "accessibility")
