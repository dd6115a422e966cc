"""Every page carries the security headers a browser enforces."""

import pytest

pytestmark = pytest.mark.django_db

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)


def _directives(header):
    return sorted(part.strip() for part in header.split(";"))


@pytest.mark.parametrize("path", ["/", "/meetings/", "/no-such-page/"])
def test_pages_carry_the_strict_content_security_policy(client, path):
    response = client.get(path)
    assert _directives(response["Content-Security-Policy"]) == _directives(CSP)


def test_the_admin_carries_the_same_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert _directives(response["Content-Security-Policy"]) == _directives(CSP)


def test_pages_may_not_be_framed_sniffed_or_leak_the_referrer(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_https_responses_ask_browsers_to_stay_on_https(client):
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")


def test_plain_http_is_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/meetings/?q=lavrov")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/meetings/?q=lavrov"


def test_behind_a_tls_proxy_its_forwarded_scheme_is_trusted(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client.get("/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert client.get("/", HTTP_X_FORWARDED_PROTO="http").status_code == 301


def test_login_cookies_travel_over_https_only(client, django_user_model):
    django_user_model.objects.create_superuser("editor", password="a-long-editor-passphrase")
    form = client.get("/admin/login/")
    assert form.cookies["csrftoken"]["secure"]
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-editor-passphrase"}
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["secure"] and session["httponly"]
