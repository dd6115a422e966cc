"""The soak tests: a real gunicorn and a PostgreSQL cluster of their own, run by `make soak`."""

import pytest


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "soak: serves the site with gunicorn against a PostgreSQL cluster it starts"
    )


def pytest_collection_modifyitems(config, items):
    # About a minute each, and the same on either database: `make soak` runs them once
    # (pytest -m soak) rather than `make test` twice.
    if "soak" in (config.getoption("markexpr") or ""):
        return
    skip = pytest.mark.skip(reason="a soak test: run it with make soak (pytest -m soak)")
    for item in items:
        if "soak" in item.keywords:
            item.add_marker(skip)
