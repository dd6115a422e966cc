"""sitemap.xml and robots.txt, outside the language prefix."""

urlpatterns: list = []
