"""Atom feeds of meetings: the latest (following the list page's filters and search), a
person's and an agreement's. Newest meeting first, as on the list page; each entry's
"updated" is when its record last changed, so a reader sees an editor's correction."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from meetings.discovery.describe import meeting_summary
from meetings.filters import MeetingFilter
from meetings.models import Agreement, AgreementMention, Meeting, Person
from meetings.search import search_meetings
from meetings.views.common import NEWEST_FIRST, in_order, meetings_for_list, read_query

ENTRIES = 30  # a feed's newest meetings


class MeetingFeed(Feed):
    """Shared by every meetings feed: Atom, the site as author, one entry per meeting."""

    feed_type = Atom1Feed

    def author_name(self):
        return _("Diplomacy records")

    def item_title(self, item: Meeting) -> str:
        return item.title

    def item_link(self, item: Meeting) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Meeting):
        return item.created_at

    def item_updateddate(self, item: Meeting):
        return item.updated_at

    def item_description(self, item: Meeting) -> str:
        """When, where and who, as escaped HTML (Atom's summary is type="html")."""
        return escape(meeting_summary(item))


class LatestMeetingsFeed(MeetingFeed):
    """The newest meetings, narrowed by the list page's filters and search when given."""

    def __call__(self, request, *args, **kwargs):
        filterset = MeetingFilter(request.GET or None, queryset=meetings_for_list())
        if filterset.is_bound and not filterset.is_valid():
            wrong = ", ".join(sorted(filterset.form.errors))
            message = _("This feed's filters are not valid: %(names)s.") % {"names": wrong}
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        request.meeting_filter = filterset
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return request

    def title(self, request) -> str:
        q = request.meeting_filter.form.cleaned_data.get("q") if request.GET else ""
        if q:
            return _("Meetings matching “%(q)s”") % {"q": read_query(q)[0]}
        if request.meeting_filter.active:
            return _("Meetings, filtered")
        return _("Latest meetings")

    def link(self, request) -> str:
        query = request.GET.urlencode()
        return reverse("meetings:meeting-list") + (f"?{query}" if query else "")

    def feed_url(self, request) -> str:
        return request.get_full_path()

    def subtitle(self, request) -> str:
        return _("The newest meetings read from Turkish news reports.")

    def items(self, request):
        filterset = request.meeting_filter
        typed = filterset.form.cleaned_data.get("q") if filterset.is_bound else ""
        q = read_query(typed or "")[0]
        if q:
            queryset = filterset.qs.order_by() if filterset.active else None
            hits = search_meetings(q, queryset=queryset, order="date", limit=ENTRIES)
            if hits.query:
                return in_order(meetings_for_list(), hits.ids[:ENTRIES])
        return list(filterset.qs.order_by(*NEWEST_FIRST)[:ENTRIES])


class PersonFeed(MeetingFeed):
    """The meetings a person took part in, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Person, slug=slug)

    def title(self, person: Person) -> str:
        return _("Meetings of %(name)s") % {"name": person.name}

    def link(self, person: Person) -> str:
        return person.get_absolute_url()

    def feed_url(self, person: Person) -> str:
        return reverse("meetings:person-feed", kwargs={"slug": person.slug})

    def items(self, person: Person):
        meetings = meetings_for_list().filter(participations__person=person).distinct()
        return list(meetings.order_by(*NEWEST_FIRST)[:ENTRIES])


class AgreementFeed(MeetingFeed):
    """The meetings at which an agreement was mentioned, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Agreement, slug=slug)

    def title(self, agreement: Agreement) -> str:
        return _("Meetings mentioning %(name)s") % {"name": agreement.name}

    def link(self, agreement: Agreement) -> str:
        return agreement.get_absolute_url()

    def feed_url(self, agreement: Agreement) -> str:
        return reverse("meetings:agreement-feed", kwargs={"slug": agreement.slug})

    def items(self, agreement: Agreement):
        mentioned = AgreementMention.objects.filter(agreement=agreement).values("meeting")
        meetings = meetings_for_list().filter(pk__in=mentioned)
        return list(meetings.order_by(*NEWEST_FIRST)[:ENTRIES])
