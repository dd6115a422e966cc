"""The OpenAPI schema validates, and requests generated from it (schemathesis, a few examples
per operation) never get a server error."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema
from hypothesis import HealthCheck, settings

pytestmark = pytest.mark.django_db


def api_schema() -> dict:
    """The schema /api/schema/ serves, built without a request."""
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_validates_against_the_openapi_specification(world):
    schema = api_schema()
    validate_schema(schema)  # raises on an invalid schema
    paths = set(schema["paths"])
    for resource in ("meetings", "people", "agreements", "statements", "countries", "articles"):
        assert {f"/api/{resource}/", f"/api/{resource}/{{id}}/"} <= paths
    meeting_list = schema["paths"]["/api/meetings/"]["get"]
    names = {p["name"] for p in meeting_list["parameters"]}
    assert names >= {"person", "country", "date_from", "date_to", "year", "agreement", "kind"}
    assert names >= {"q", "sort", "cursor", "page", "page_size", "lang", "undated", "place"}


def test_the_schema_is_served_as_json_and_yaml(client, world):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "diplomacy API"
    assert client.get("/api/schema/").content.startswith(b"openapi: 3")


def test_the_docs_page_loads_nothing_inline_and_nothing_from_elsewhere(client, world):
    page = client.get("/api/docs/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "<style" not in html
    assert "<script>" not in html  # every script has a src
    assert "//" not in html  # no address on another origin (https://…, //cdn…)
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "/api/schema/" in script.content.decode()


@pytest.fixture
def connection_kept():
    """The test's database connection stays open across the requests: Django's WSGI handler
    closes it when a request ends, as it should in a server (the test client does not)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_dict(api_schema())
schema.app = get_wsgi_application()


@schema.parametrize()
@settings(
    max_examples=6,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_generated_requests_never_get_a_server_error(case, world, connection_kept):
    response = case.call(base_url="http://testserver")
    assert response.status_code < 500, (case.path, case.query, response.text[:500])
    if response.status_code == 400:
        assert response.json()  # says which parameter it could not read
