"""The API tests use the views' small world (tests/views/conftest.py): the Baku meeting of
November 2020 with its quotes and agreement, its undated twin, and Lavrov and Novak in
Moscow in May 2019."""

import pytest
from rest_framework.settings import api_settings

from tests.views.conftest import _turkish_between_requests, world  # noqa: F401


@pytest.fixture(autouse=True)
def _unthrottled(settings):
    """A rate no test reaches, except where a test sets its own (test_throttling.py)."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/min"},
    }
    yield
    api_settings.reload()


@pytest.fixture
def api(client):
    """A client that asks for JSON and returns the decoded body with the response."""

    class Api:
        def get(self, path, params=None, **headers):
            response = client.get(path, params or {}, HTTP_ACCEPT="application/json", **headers)
            response.body = (
                response.json() if response["Content-Type"].startswith("application/json") else None
            )
            return response

    return Api()
