"""django-filter FilterSets for the meetings and statements lists, and their facet counts.

Every filter lives in the URL, so a result page can be bookmarked and shared. Invalid values
are reported on the form and otherwise ignored; they never fail the page.
"""

from __future__ import annotations

import copy
import datetime as dt

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from meetings.extraction.turkish import name_key
from meetings.models import (
    Agreement,
    AgreementMention,
    Country,
    DatePrecision,
    Meeting,
    MeetingKind,
    Participation,
    Person,
    Statement,
)
from meetings.models.base import among
from meetings.search.generation import per_generation

MAX_PEOPLE = 5
PLACES_SECONDS = 300  # kept under the data generation, so an import retires it at once
SORTS = [
    ("relevance", _("Relevance")),
    ("date", _("Newest first")),
    ("-date", _("Oldest first")),
]


def resolve_people(values: list[str]) -> tuple[list[Person], list[str]]:
    """People named by slug, full name, alias, or a surname (of their name or of an alias) that
    only they have; and the values left unknown.

    One query on indexed keys: this is a name lookup, not search.
    """
    keys = {value: name_key(value) for value in values}
    surnames = [key for key in keys.values() if key and " " not in key]
    condition = (
        Q(slug__in=values)
        | Q(name_key__in=keys.values())
        | Q(aliases__key__in=keys.values())
        | Q(surname_key__in=surnames)
        | Q(aliases__surname_key__in=surnames)  # "Aliev" alone, for İlham Aliyev (Ilham Aliev)
    )
    candidates = list(Person.objects.filter(condition).prefetch_related("aliases").distinct())
    people, unknown = [], []
    for value, key in keys.items():
        exact = [
            p
            for p in candidates
            if value == p.slug or key == p.name_key or key in {a.key for a in p.aliases.all()}
        ]
        by_surname = [
            p
            for p in candidates
            if key in {p.surname_key, *(a.surname_key for a in p.aliases.all())}
        ]
        matches = exact or by_surname
        if len(matches) == 1:
            if matches[0] not in people:
                people.append(matches[0])
        else:
            unknown.append(value)
    return people, unknown


class ListInput(forms.TextInput):
    """A text input whose field receives every value given under its name (?person=a&person=b)."""

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        values = getter(name) if getter else [data.get(name)]
        return [v.strip() for v in values if v and v.strip()]

    def format_value(self, value):
        return ""  # the chosen people are shown as chips; the box is for adding one more


class PeopleField(forms.Field):
    """One or more people, each named however the user knows them."""

    widget = ListInput

    def clean(self, value):
        values = list(dict.fromkeys(value or []))[:MAX_PEOPLE]
        # PostgreSQL refuses a NUL in a query where SQLite accepts it: such a value is
        # reported on the form and never looked up, on every database alike.
        garbled = [v for v in values if "\x00" in v]
        values = [v for v in values if "\x00" not in v]
        people, unknown = resolve_people(values) if values else ([], [])
        self.resolved = people
        self.unknown = unknown  # shown back in the box, beside the error
        errors = []
        if unknown:
            errors.append(
                ValidationError(
                    _("No single person matches: %(names)s. Pick a name from the suggestions."),
                    params={"names": ", ".join(unknown)},
                )
            )
        if garbled:
            errors.append(ProhibitNullCharactersValidator.message)  # translated by Django
        if errors:
            raise ValidationError(errors)
        return people


class PeopleFilter(django_filters.Filter):
    """Meetings where every chosen person took part."""

    field_class = PeopleField

    def filter(self, qs, value):
        # "id IN (this person's meetings)" reads the (person, meeting) index once; a correlated
        # EXISTS would be checked against every meeting.
        for person in value or []:
            qs = qs.filter(pk__in=Participation.objects.filter(person=person).values("meeting"))
        return qs


def _read_places():
    places = (
        Meeting.objects.exclude(location="")
        .order_by("location")
        .values_list("location", flat=True)
        .distinct()
    )
    return [(p, p) for p in places]


def place_choices():
    """Every place a meeting was held, kept under the data generation. Given to the field as
    a callable, so that building a form (which deep-copies its fields) never copies the list,
    and the list is read only when a place is chosen or the options are written."""
    places = per_generation("filters:places", _read_places, PLACES_SECONDS)
    return [("", _("Any place")), *places]


def overlapping(prefix: str, start: dt.date | None, end: dt.date | None) -> Q:
    """Rows whose partial date overlaps [start, end]: 2020-11 overlaps 30 Nov – 5 Dec.

    A partial date is stored as its first day, so it overlaps the range when that first day is
    not after the end and the range's start, cut to the same precision, is not after it.
    """
    date, precision = f"{prefix}date", f"{prefix}date_precision"
    condition = Q()
    if end:
        condition &= Q(**{f"{date}__lte": end})
    if start:
        condition &= (
            Q(**{precision: DatePrecision.DAY, f"{date}__gte": start})
            | Q(**{precision: DatePrecision.MONTH, f"{date}__gte": start.replace(day=1)})
            | Q(**{precision: DatePrecision.YEAR, f"{date}__gte": start.replace(month=1, day=1)})
        )
    return condition


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FormClassOnce:
    """A FilterSet mixin: its form class is built once per FilterSet class, not per request.

    django-filter builds a new form class, and a new field for every filter, each time a
    filterset's form is read. These filters' fields depend on nothing in the request (their
    querysets and choices are read when the form is used), so the class is kept; every form
    still gets its own copies of the fields, as any Django form does.
    """

    _form_classes: dict[type, type] = {}

    def get_form_class(self):
        """The form class, built by django-filter the first time."""
        form_class = FormClassOnce._form_classes.get(type(self))
        if form_class is None:
            form_class = super().get_form_class()
            form_class.base_fields = FieldsCopiedLightly(form_class.base_fields)
            FormClassOnce._form_classes[type(self)] = form_class
        return form_class


class FieldsCopiedLightly(dict):
    """A form class's fields, copied for each new form as Django's deep copy copies them, but
    for the lists of choices, which no form changes and which Django copies deeply, lazy
    labels and all (two thirds of making a filter form). Each field, its widget (with its
    attributes), its error messages and its validators are the form's own, and a model
    choice field gets a queryset of its own, so no form sees another's results."""

    def __deepcopy__(self, memo) -> dict:
        copies = {}
        for name, field in self.items():
            result = copy.copy(field)
            result.widget = copy.deepcopy(field.widget, memo)
            result.error_messages = field.error_messages.copy()
            result.validators = field.validators[:]
            if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
                result.queryset = field.queryset.all()
            copies[name] = result
        return copies


class FiltersCopiedOnce(dict):
    """A FilterSet class's filters, each copied for a new filterset without deep-copying it.

    django-filter deep-copies every filter (with its querysets, choices and lazy labels) for
    each filterset, so that each can point at its own; a copy of each filter does as much,
    given a method of its own that points at the copy. That deep copy was the list page's
    largest single cost after the query and the rows.
    """

    def __deepcopy__(self, memo) -> dict:
        copies = {}
        for name, original in self.items():
            filter_ = copy.copy(original)
            if original.method is not None:
                filter_.method = original.method  # a FilterMethod bound to the copy
            copies[name] = filter_
        return copies


class MeetingFilter(FormClassOnce, django_filters.FilterSet):
    """Filters for the meetings list; ``q`` and ``sort`` are read by the view."""

    # No max_length: a query that is too long is cut and the page says so (views.common).
    q = django_filters.CharFilter(label=_("Search"), method="keep")
    person = PeopleFilter(label=_("People"))
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.filter(Exists(Meeting.objects.filter(country=OuterRef("pk")))),
        to_field_name="slug",
        label=_("Country"),
        empty_label=_("Any country"),
    )
    date_from = django_filters.DateFilter(label=_("From"), method="keep", widget=DateInput())
    date_to = django_filters.DateFilter(label=_("To"), method="keep", widget=DateInput())
    year = django_filters.NumberFilter(
        label=_("Year"), method="in_year", min_value=1000, max_value=9999
    )
    agreement = django_filters.ModelChoiceFilter(
        queryset=Agreement.objects.order_by("name"),
        to_field_name="slug",
        label=_("Agreement"),
        empty_label=_("Any agreement"),
        method="mentioning",
    )
    place = django_filters.ChoiceFilter(
        field_name="location", choices=place_choices, label=_("Place"), empty_label=None
    )
    kind = django_filters.ChoiceFilter(
        choices=MeetingKind.choices, label=_("Kind"), empty_label=_("Any kind")
    )
    undated = django_filters.BooleanFilter(
        label=_("Only meetings with no known date"),
        method="only_undated",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        choices=SORTS, label=_("Sort"), method="keep", empty_label=None
    )

    class Meta:
        model = Meeting
        fields: list[str] = []

    def keep(self, queryset, name, value):
        """Read elsewhere (search, date range, ordering); no filtering of its own here."""
        return queryset

    def in_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value))

    def mentioning(self, queryset, name, value):
        mentions = AgreementMention.objects.filter(agreement=value)
        return queryset.filter(pk__in=mentions.values("meeting"))

    def only_undated(self, queryset, name, value):
        return queryset.filter(date_precision=DatePrecision.UNKNOWN) if value else queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        if "person" in self.form.errors:  # still narrow by the people that were recognised
            queryset = self.filters["person"].filter(queryset, self.people)
        start, end = data.get("date_from"), data.get("date_to")
        if start or end:
            queryset = queryset.filter(overlapping("", start, end))
        return queryset

    @property
    def active(self) -> bool:
        """Whether any filter other than the query and the sort is set."""
        data = getattr(self.form, "cleaned_data", {})
        return any(
            v not in (None, "", [], False) for k, v in data.items() if k not in {"q", "sort"}
        )

    @property
    def people(self) -> list[Person]:
        """The people chosen, resolved (also when another one was not)."""
        data = getattr(self.form, "cleaned_data", {})
        return data.get("person") or getattr(self.form.fields["person"], "resolved", [])


MeetingFilter.base_filters = FiltersCopiedOnce(MeetingFilter.base_filters)


class StatementFilter(FormClassOnce, django_filters.FilterSet):
    """Filters for the statements list."""

    q = django_filters.CharFilter(label=_("Search quotes"), method="keep")
    speaker = PeopleFilter(label=_("Speaker"), method="keep")
    date_from = django_filters.DateFilter(label=_("From"), method="keep", widget=DateInput())
    date_to = django_filters.DateFilter(label=_("To"), method="keep", widget=DateInput())
    direct = django_filters.ChoiceFilter(
        label=_("Kind of statement"),
        choices=[("direct", _("Direct quotes")), ("reported", _("Reported speech"))],
        empty_label=_("Both"),
        method="by_directness",
    )

    class Meta:
        model = Statement
        fields: list[str] = []

    def keep(self, queryset, name, value):
        return queryset

    def by_directness(self, queryset, name, value):
        return queryset.filter(direct=value == "direct")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        people = data.get("speaker") or []
        if people:
            queryset = queryset.filter(speaker__in=people)
        start, end = data.get("date_from"), data.get("date_to")
        if start or end:
            queryset = queryset.filter(overlapping("meeting__", start, end))
        return queryset


StatementFilter.base_filters = FiltersCopiedOnce(StatementFilter.base_filters)


def facets(meetings: QuerySet, limit: int = 8) -> dict[str, list[dict]]:
    """Counts of a queryset's meetings by person, country and year, in one query. (A search's
    hits are counted from their facet rows instead: ``meetings.search.facets``.)"""
    condition, params = among(meetings)
    meeting, country = Meeting._meta.db_table, Country._meta.db_table
    participation, person = Participation._meta.db_table, Person._meta.db_table
    # Each part keeps its own order and limit; the outer order gives the rows back in it.
    parts = [
        # Counted by person id, and only then joined to the people counted: grouping by
        # slug and name sorted every participation's strings (a third of the query's time).
        f"SELECT * FROM (SELECT 1 AS part, p.slug AS a, p.name AS b, NULL AS c, t.n AS n "
        f"FROM (SELECT pa.person_id, COUNT(DISTINCT pa.meeting_id) AS n FROM {participation} pa "
        f"WHERE pa.meeting_id {condition} AND pa.person_id IS NOT NULL GROUP BY pa.person_id) t "
        f"INNER JOIN {person} p ON p.id = t.person_id "
        f"ORDER BY n DESC, p.name ASC LIMIT {int(limit)}) people",
        # Likewise by country id, then joined: grouping by the names sorted strings.
        f"SELECT * FROM (SELECT 2 AS part, c.slug AS a, c.name_tr AS b, c.name_en AS c, t.n AS n "
        f"FROM (SELECT m.country_id, COUNT(*) AS n FROM {meeting} m WHERE m.id {condition} "
        f"AND m.country_id IS NOT NULL GROUP BY m.country_id) t "
        f"INNER JOIN {country} c ON c.id = t.country_id "
        f"ORDER BY n DESC, c.name_tr ASC LIMIT {int(limit)}) countries",
    ]
    # Grouped by the (indexed) date, then by year here: cheaper than a year per row in SQL.
    parts.append(
        f"SELECT 3 AS part, CAST(m.date AS text) AS a, NULL AS b, NULL AS c, COUNT(*) AS n "
        f"FROM {meeting} m WHERE m.id {condition} GROUP BY m.date"
    )
    sql = " UNION ALL ".join(parts) + " ORDER BY part, n DESC, b ASC"
    with connection.cursor() as cursor:
        cursor.execute(sql, params * len(parts))
        rows = cursor.fetchall()
    people = [
        {"person__slug": a, "person__name": b, "n": n} for part, a, b, _c, n in rows if part == 1
    ]
    countries = [
        {"country__slug": a, "country__name_tr": b, "country__name_en": c, "n": n}
        for part, a, b, c, n in rows
        if part == 2
    ]
    years: dict[int | None, int] = {}
    for part, date, _b, _c, n in rows:
        if part == 3:
            year = int(date[:4]) if date else None
            years[year] = years.get(year, 0) + n
    return {"people": people, "countries": countries, "years": by_year(years)}


def by_year(years: dict[int | None, int]) -> list[dict]:
    """Newest year first, "date unknown" last."""
    return [{"year": y, "n": n} for y, n in sorted(years.items(), key=lambda i: -(i[0] or 0))]
