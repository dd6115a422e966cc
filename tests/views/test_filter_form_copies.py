"""Each filter form owns its fields, as a Django form does, though their choices are shared:
nothing one request does to its form shows in the next one's."""

import copy

import pytest
from django.http import QueryDict

from meetings.filters import MeetingFilter, StatementFilter
from meetings.models import Meeting, Statement
from tests.factories import CountryFactory, MeetingFactory

pytestmark = pytest.mark.django_db


def meeting_form(query: str = ""):
    return MeetingFilter(QueryDict(query) if query else None, queryset=Meeting.objects.all()).form


def test_a_form_changing_its_fields_leaves_the_next_form_alone():
    first = meeting_form("date_from=2020-13-45&person=Nobody")
    assert not first.is_valid()
    first.fields["date_from"].widget.input_type = "text"  # as the view does beside an error
    first.fields["date_from"].widget.attrs["aria-invalid"] = "true"
    first.fields["kind"].error_messages["invalid_choice"] = "changed"
    first.fields["year"].validators.clear()
    second = meeting_form()
    assert second.fields["date_from"].widget.input_type == "date"
    assert "aria-invalid" not in second.fields["date_from"].widget.attrs
    assert second.fields["kind"].error_messages["invalid_choice"] != "changed"
    assert second.fields["year"].validators
    assert not hasattr(second.fields["person"], "resolved")


def test_the_fields_are_copies_of_the_class_fields_not_the_fields_themselves():
    form_class = type(meeting_form())
    form = form_class()
    for name, field in form_class.base_fields.items():
        assert form.fields[name] is not field
        assert form.fields[name].widget is not field.widget
        assert form.fields[name].widget.attrs is not field.widget.attrs


def test_a_model_choice_field_reads_its_own_queryset_each_time():
    CountryFactory(name_tr="Peru", slug="peru")
    before = meeting_form()
    list(before.fields["country"].queryset)  # evaluated, and its results cached
    MeetingFactory(country=CountryFactory(name_tr="Mali", slug="mali"))
    after = meeting_form()
    assert after.fields["country"].queryset is not before.fields["country"].queryset
    assert [c.slug for c in after.fields["country"].queryset] == ["mali"]
    assert "mali" in after["country"].as_widget()


@pytest.mark.parametrize("filterset", [MeetingFilter, StatementFilter])
def test_the_copies_read_and_render_as_django_deep_copies_do(filterset):
    model = Meeting if filterset is MeetingFilter else Statement
    form = filterset(None, queryset=model.objects.all()).form
    deep = {name: copy.deepcopy(field) for name, field in type(form).base_fields.items()}
    for name, field in form.fields.items():
        assert list(getattr(field, "choices", [])) == list(getattr(deep[name], "choices", []))
        assert field.widget.render(name, None) == deep[name].widget.render(name, None)
