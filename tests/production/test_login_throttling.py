"""Admin logins are throttled: five failures lock a username out from one address."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-editor-passphrase"
EDITOR_IP = "203.0.113.9"


@pytest.fixture
def editor(django_user_model):
    """An admin user."""
    return django_user_model.objects.create_superuser("editor", password=PASSWORD)


def log_in(client, username, password, **meta):
    """Post the admin login form as an English browser at REMOTE_ADDR (default EDITOR_IP)."""
    meta.setdefault("REMOTE_ADDR", EDITOR_IP)
    meta.setdefault("HTTP_ACCEPT_LANGUAGE", "en")
    return client.post(reverse("admin:login"), {"username": username, "password": password}, **meta)


def is_logged_in(client):
    """Whether the client now sees the admin index."""
    return client.get(reverse("admin:index")).status_code == 200


def fail(client, times, username="editor", **meta):
    """Fail to log in `times` times; return the responses."""
    return [log_in(client, username, "wrong-guess", **meta) for _ in range(times)]


def assert_locked_out(response):
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()


def test_the_right_password_logs_in(client, editor):
    assert log_in(client, "editor", PASSWORD).status_code == 302
    assert is_logged_in(client)


def test_five_failures_lock_out_the_sixth_login_even_with_the_right_password(client, editor):
    *before, fifth = fail(client, 5)
    assert [r.status_code for r in before] == [200] * 4  # the form again, with its error
    assert_locked_out(fifth)
    response = log_in(client, "editor", PASSWORD)
    assert_locked_out(response)
    assert "Try again in 15 minutes" in response.content.decode()
    assert not is_logged_in(client)


def test_a_successful_login_before_the_limit_starts_the_count_again(client, editor):
    fail(client, 4)
    assert log_in(client, "editor", PASSWORD).status_code == 302
    client.post(reverse("admin:logout"))
    assert [r.status_code for r in fail(client, 4)] == [200] * 4
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_the_lock_holds_one_username_at_one_address_only(client, editor, django_user_model):
    django_user_model.objects.create_superuser("colleague", password=PASSWORD)
    fail(client, 5)
    assert_locked_out(log_in(client, "editor", PASSWORD))
    # The editor's own address still works for a colleague, and the editor elsewhere.
    assert log_in(client, "colleague", PASSWORD).status_code == 302
    client.post(reverse("admin:logout"))
    assert log_in(client, "editor", PASSWORD, REMOTE_ADDR="198.51.100.4").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, editor, settings):
    fail(client, 5)
    assert_locked_out(log_in(client, "editor", PASSWORD))
    # Age the recorded failures past the cool-off, as the clock would.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME
        - timedelta(seconds=1)
    )
    assert log_in(client, "editor", PASSWORD).status_code == 302


def test_the_limit_follows_the_setting(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 2
    first, second = fail(client, 2)
    assert first.status_code == 200
    assert_locked_out(second)


def test_behind_a_proxy_the_forwarded_client_address_is_what_gets_locked(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    fail(client, 5, HTTP_X_FORWARDED_FOR=EDITOR_IP, **proxy)
    assert_locked_out(log_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR=EDITOR_IP, **proxy))
    # A client cannot escape by writing its own X-Forwarded-For: the proxy appends the truth.
    spoofed = f"192.0.2.77, {EDITOR_IP}"
    assert_locked_out(log_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR=spoofed, **proxy))
    # Another client behind the same proxy is not locked out.
    other = log_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.4", **proxy)
    assert other.status_code == 302
