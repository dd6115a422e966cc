"""The review queue's rows are read as plain values and written in Python for speed; they must
read exactly as the template wrote them from model instances, and the page must build none."""

import datetime as dt

import pytest
from django.db.models import Prefetch
from django.db.models.signals import post_init
from django.template import engines
from django.urls import reverse
from django.utils import translation

from meetings.admin.review_queue import QUEUE_ORDER
from meetings.admin.review_queue_rows import queue_rows, rows_html
from meetings.models import DatePrecision, Meeting, Participation, Person, Role
from tests.factories import MeetingFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db

# The row markup as review_queue.html wrote it, from Meeting instances with their
# participations (and people) prefetched: the spec the Python rows are held to.
TEMPLATE_ROWS = (
    "{% load i18n review_tags partial_dates %}"
    "{% for m in meetings %}<tr>\n"
    '        {% if can_change %}<td><input type="checkbox" name="meetings" value="{{ m.pk }}"'
    ' aria-label="{% blocktranslate with title=m.title %}Select {{ title }}'
    '{% endblocktranslate %}"></td>{% endif %}\n'
    "        <td><a href=\"{% url 'admin:meetings_meeting_review' m.pk %}\">{{ m.title }}</a>"
    '{% if m.location %}<div class="muted">{{ m.location }}</div>{% endif %}</td>\n'
    '        <td class="nowrap">{% if m.date %}{% partial_date m.date m.date_precision %}'
    "{% else %}–{% endif %}</td>\n"
    '        <td>{% for p in m.participations.all %}<span class="who">{% if p.person %}'
    '{{ p.person.name }}{% else %}{{ p.raw_name }}{% endif %} <span class="muted">'
    "({{ p.get_role_display }})</span></span>{% if not forloop.last %}, {% endif %}"
    "{% empty %}–{% endfor %}</td>\n"
    "        <td>{% for label in m.review_reasons|reason_labels %}"
    '<span class="reason-label">{{ label }}</span> {% endfor %}</td>\n'
    "      </tr>{% endfor %}"
)


@pytest.fixture
def awkward_meetings():
    """Meetings with everything a row can hold, and everything that must be escaped."""
    a = MeetingFactory(
        title='Bakü <zirvesi> & "sonrası"',
        location="Bakü's <palace>",
        date=dt.date(2021, 3, 9),
        date_precision=DatePrecision.DAY,
        needs_review=True,
        review_reasons=["ambiguous_name", "no_host", "an old <sentence> & more"],
    )
    ParticipationFactory(meeting=a, person=PersonFactory(name="O'Brien <Jr.>"), role=Role.HOST)
    ParticipationFactory(meeting=a, person=None, raw_name="Lavrov & co", role=Role.GUEST)
    ParticipationFactory(meeting=a, role=Role.DELEGATION)
    ParticipationFactory(meeting=a, role="observer")  # a role outside the choices
    # A person whose name differs from the name as written: the person's name is shown.
    ParticipationFactory(
        meeting=a, person=PersonFactory(name="Sergey Lavrov"), raw_name="Lavrov", role=Role.GUEST
    )
    b = MeetingFactory(
        title="Tarihsiz",
        location="",
        date=None,
        date_precision=DatePrecision.UNKNOWN,
        needs_review=True,
        review_reasons=["date_unknown", "possible_duplicate"],
    )
    c = MeetingFactory(  # no participants, no reasons stored
        title="Ay ve yıl",
        date=dt.date(2019, 12, 1),
        date_precision=DatePrecision.MONTH,
        needs_review=True,
        review_reasons=[],
    )
    d = MeetingFactory(
        title="Yalnızca yıl",
        date=dt.date(2018, 1, 1),
        date_precision=DatePrecision.YEAR,
        needs_review=True,
        review_reasons=["other"],
    )
    ParticipationFactory(meeting=d, person=None, raw_name="", role=Role.HOST)
    return [a, b, c, d]


@pytest.mark.parametrize("can_change", [True, False])
@pytest.mark.parametrize("language", ["tr", "en"])
def test_queue_rows_read_as_the_template_wrote_them(awkward_meetings, language, can_change):
    meetings = Meeting.objects.filter(needs_review=True).order_by(*QUEUE_ORDER)
    instances = meetings.prefetch_related(
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("person").order_by("role", "id"),
        )
    )
    with translation.override(language):
        written = (
            engines["django"]
            .from_string(TEMPLATE_ROWS)
            .render({"meetings": list(instances), "can_change": can_change})
        )
        assert str(rows_html(queue_rows(meetings), can_change)) == written
    assert "&lt;zirvesi&gt; &amp; &quot;sonrası&quot;" in written  # the spec escapes, too
    assert "<sentence>" not in written


def test_a_row_links_to_its_meetings_review_page(awkward_meetings):
    first = awkward_meetings[0]
    html = str(rows_html(queue_rows(Meeting.objects.filter(pk=first.pk)), True))
    assert f'href="{reverse("admin:meetings_meeting_review", args=[first.pk])}"' in html
    assert f'value="{first.pk}"' in html


def test_the_queue_page_builds_no_meeting_participant_or_person_instances(
    admin_client, awkward_meetings
):
    """Each instance converts every column and runs its signals: a page of fifty cost more
    than the rest of the page. The rows are plain values instead."""
    built = []

    def count(sender, **kwargs):
        built.append(sender.__name__)

    for model in (Meeting, Participation, Person):
        post_init.connect(count, sender=model, weak=False)
    try:
        response = admin_client.get(reverse("admin:meetings_meeting_review_queue"))
    finally:
        for model in (Meeting, Participation, Person):
            post_init.disconnect(count, sender=model)
    assert response.status_code == 200
    assert len(response.context["meetings"]) == len(awkward_meetings)
    assert "Lavrov &amp; co" in response.content.decode()
    assert built == []
