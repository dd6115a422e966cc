"""Feed and citation routes, under the language prefix: a record's feed and its BibTeX sit
beside its page (/people/<slug>/feed/, /meetings/<slug>/cite.bib)."""

from django.urls import path

from meetings.feeds.citation_views import bibtex
from meetings.feeds.feeds import AgreementFeed, LatestMeetingsFeed, PersonFeed

urlpatterns = [
    path("meetings/feed/", LatestMeetingsFeed(), name="meeting-feed"),
    path("people/<slug:slug>/feed/", PersonFeed(), name="person-feed"),
    path("agreements/<slug:slug>/feed/", AgreementFeed(), name="agreement-feed"),
    path("meetings/<slug:slug>/cite.bib", bibtex, {"kind": "meeting"}, name="meeting-cite"),
    path("people/<slug:slug>/cite.bib", bibtex, {"kind": "person"}, name="person-cite"),
    path("agreements/<slug:slug>/cite.bib", bibtex, {"kind": "agreement"}, name="agreement-cite"),
]
