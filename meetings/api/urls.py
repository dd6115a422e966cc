"""The API's routes, under /api/ outside the language prefix: the records, the OpenAPI
schema (/api/schema/) and its browsable documentation (/api/docs/)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from meetings.api.directory import AgreementViewSet, ArticleViewSet, CountryViewSet, PersonViewSet
from meetings.api.docs import ApiDocsView
from meetings.api.searchable import MeetingViewSet, StatementViewSet

app_name = "api"


class Router(DefaultRouter):
    """The API's routes; a record is found by its id, a whole number."""

    include_format_suffixes = False


router = Router()
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("people", PersonViewSet, basename="person")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("statements", StatementViewSet, basename="statement")
router.register("countries", CountryViewSet, basename="country")
router.register("articles", ArticleViewSet, basename="article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", ApiDocsView.as_view(), name="docs"),
    *router.urls,
]
