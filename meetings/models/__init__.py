"""The data model: countries, people, articles, meetings, statements and agreements."""

from meetings.models.agreements import Agreement, AgreementAlias, AgreementMention, AgreementStatus
from meetings.models.base import DatePrecision
from meetings.models.edits import DeletedImport, FormerSlug
from meetings.models.meetings import (
    Meeting,
    MeetingKind,
    MeetingReport,
    Participation,
    Role,
    Statement,
)
from meetings.models.people import Person, PersonAlias, PersonMention
from meetings.models.places import Country
from meetings.models.search import MeetingFacets, SearchDocument
from meetings.models.sources import Article
from meetings.models.throttle import ThrottleCount

__all__ = [
    "Agreement",
    "AgreementAlias",
    "AgreementMention",
    "AgreementStatus",
    "Article",
    "Country",
    "DatePrecision",
    "DeletedImport",
    "FormerSlug",
    "Meeting",
    "MeetingFacets",
    "MeetingKind",
    "MeetingReport",
    "Participation",
    "Person",
    "PersonAlias",
    "PersonMention",
    "Role",
    "SearchDocument",
    "Statement",
    "ThrottleCount",
]

# Last: the historical models are built from the models above.
from meetings.models import history  # noqa: E402, F401
