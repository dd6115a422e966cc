"""Feed routes, under the language prefix."""

urlpatterns: list = []
