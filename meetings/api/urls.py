"""The API's routes, under /api/ outside the language prefix."""

urlpatterns: list = []
