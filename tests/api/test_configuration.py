"""The API's throttle rate comes from the environment, and a bad one stops startup with one
clear line instead of failing every request."""

from tests.test_settings import _settings

RATE = "import diplomacy.settings as s; print(s.REST_FRAMEWORK['DEFAULT_THROTTLE_RATES'])"


def test_the_rate_is_read_from_the_environment():
    result = _settings({"SECRET_KEY": "x" * 50, "API_THROTTLE_RATE": "30/hour"}, RATE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "{'anon': '30/hour'}"
    default = _settings({"SECRET_KEY": "x" * 50}, RATE)
    assert default.stdout.strip() == "{'anon': '120/min'}"


def test_a_rate_that_is_not_one_stops_startup_naming_the_variable():
    for bad in ("fast", "120", "120/fortnight", "/min", "-1/min"):
        result = _settings({"SECRET_KEY": "x" * 50, "API_THROTTLE_RATE": bad}, RATE)
        assert result.returncode != 0
        assert f"API_THROTTLE_RATE={bad!r} is not a rate such as 120/min" in result.stderr
