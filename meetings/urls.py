"""The site's pages, kept in the page cache for anonymous visitors. They are included under
the language prefix (diplomacy/urls.py); the JSON autocomplete is not, and lives there."""

from django.urls import include, path

from meetings import views
from meetings.views.page_cache import cache_anonymous_page as cached

app_name = "meetings"

urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="home"),
    path("meetings/", cached(views.MeetingListView.as_view()), name="meeting-list"),
    # Before the meeting pages: /meetings/feed/ is the feed, not a meeting slugged "feed".
    path("", include("meetings.feeds.urls")),
    path("meetings/<slug:slug>/", cached(views.MeetingDetailView.as_view()), name="meeting-detail"),
    path("people/", cached(views.PersonListView.as_view()), name="person-list"),
    path("people/<slug:slug>/", cached(views.PersonDetailView.as_view()), name="person-detail"),
    path("agreements/", cached(views.AgreementListView.as_view()), name="agreement-list"),
    path(
        "agreements/<slug:slug>/",
        cached(views.AgreementDetailView.as_view()),
        name="agreement-detail",
    ),
    path("statements/", cached(views.StatementListView.as_view()), name="statement-list"),
    path("", include("meetings.downloads.urls")),
]
