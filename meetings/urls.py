"""The site's pages."""

from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("meetings/", views.MeetingListView.as_view(), name="meeting-list"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting-detail"),
    path("people/", views.PersonListView.as_view(), name="person-list"),
    path("people/autocomplete/", views.person_autocomplete, name="person-autocomplete"),
    path("people/<slug:slug>/", views.PersonDetailView.as_view(), name="person-detail"),
    path("agreements/", views.AgreementListView.as_view(), name="agreement-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path("statements/", views.StatementListView.as_view(), name="statement-list"),
]
