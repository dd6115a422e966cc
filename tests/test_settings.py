"""Settings come from the environment and refuse unsafe production setups."""

import os
import subprocess
import sys

from tests.conftest import ROOT


def _settings(env_overrides, code="import diplomacy.settings as s; print(s.DEBUG)"):
    # tests/settings.py sets test defaults in this process; the child starts clean of them.
    ignored = {"SECRET_KEY", "DJANGO_DEBUG", "SECURE_SSL_REDIRECT", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key_and_is_not_in_debug():
    result = _settings({"SECRET_KEY": "x" * 50})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_allowed_hosts_is_never_a_wildcard_by_default():
    code = "import diplomacy.settings as s; print(s.ALLOWED_HOSTS)"
    assert _settings({"SECRET_KEY": "x" * 50}, code).stdout.strip() == "[]"
    hosts = _settings({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "a.org, b.org"}, code)
    assert hosts.stdout.strip() == "['a.org', 'b.org']"


def test_database_url_selects_postgresql():
    code = "import diplomacy.settings as s; d=s.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
    result = _settings({"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://u@db:5432/dip"}, code)
    assert result.stdout.split() == ["django.db.backends.postgresql", "dip"]


def test_a_bad_boolean_is_a_clear_error():
    result = _settings({"DJANGO_DEBUG": "perhaps"})
    assert result.returncode != 0
    assert "DJANGO_DEBUG='perhaps' is not a yes/no value" in result.stderr
