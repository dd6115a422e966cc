"""Each filterset gets filters of its own (copied, not deep-copied, from its class): two
filtersets at once never filter with each other's values or methods."""

import threading

import pytest
from django.http import QueryDict

from meetings.filters import MeetingFilter, StatementFilter
from meetings.models import Meeting, Statement

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("filterset_class", "model"), [(MeetingFilter, Meeting), (StatementFilter, Statement)]
)
def test_every_filter_and_its_method_belong_to_their_own_filterset(filterset_class, model):
    first = filterset_class(QueryDict(), queryset=model.objects.all())
    second = filterset_class(QueryDict(), queryset=model.objects.all())
    for name, filter_ in first.filters.items():
        assert filter_.parent is first and second.filters[name].parent is second
        assert filter_ is not second.filters[name]
        assert filter_ is not filterset_class.base_filters[name]
        if filter_.method is not None:  # the method runs on this filterset's filter
            assert filter_.filter.f is filter_
    assert not hasattr(filterset_class.base_filters["q"], "parent")


def test_filtersets_built_at_once_in_threads_keep_their_own_values():
    found, start = {}, threading.Barrier(8)

    def run(i):
        start.wait()
        data = QueryDict("undated=on" if i % 2 else "year=2020")
        filterset = MeetingFilter(data, queryset=Meeting.objects.all())
        # The condition of the SQL it would run, built without running it.
        found[i] = str(filterset.qs.query).split(" WHERE ", 1)[-1]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for i, sql in found.items():
        assert ("date_precision" in sql) == bool(i % 2), (i, sql)
        assert ("2020" in sql) == (not i % 2), (i, sql)
