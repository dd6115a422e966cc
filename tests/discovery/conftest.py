"""Each test starts in Turkish: a request to an /en/ page leaves English active in the
thread, and reverse() would then give the next test English addresses."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _turkish():
    with translation.override("tr"):
        yield
