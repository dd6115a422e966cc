"""Read-only pages. Views only read: every write goes through ingest or the admin.

Each page runs a fixed number of queries whatever the data size: lists are paginated, and
everything a template shows is selected or prefetched here.
"""

from meetings.views.agreements import AgreementDetailView, AgreementListView
from meetings.views.home import HomeView
from meetings.views.meeting_detail import MeetingDetailView
from meetings.views.meeting_list import MeetingListView
from meetings.views.people import PersonDetailView, PersonListView, person_autocomplete
from meetings.views.statements import StatementListView

__all__ = [
    "AgreementDetailView",
    "AgreementListView",
    "HomeView",
    "MeetingDetailView",
    "MeetingListView",
    "PersonDetailView",
    "PersonListView",
    "StatementListView",
    "person_autocomplete",
]
