"""Download routes beside the list pages, under the language prefix."""

urlpatterns: list = []
