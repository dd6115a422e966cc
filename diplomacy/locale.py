"""The interface language: from the address on the site's pages, from the visitor elsewhere.

Django's LocaleMiddleware, with ``i18n_patterns(prefix_default_language=False)``, treats every
address without a language prefix as Turkish, the admin's too. The admin, the health check
and the JSON endpoints stand outside the language prefix on purpose, so there the language
is the visitor's own choice again: their language cookie, then their browser's languages.
"""

from django.middleware.locale import LocaleMiddleware
from django.urls import LocalePrefixPattern, Resolver404, get_resolver
from django.utils import translation


def outside_language_patterns(path: str, urlconf=None) -> bool:
    """Whether path is answered by a route listed before the language-prefixed pages."""
    path = path.lstrip("/")
    for entry in get_resolver(urlconf).url_patterns:
        if isinstance(entry.pattern, LocalePrefixPattern):
            return False
        if str(entry.pattern) == "":
            # An include at the root (sitemap.xml, robots.txt) would match every path by its
            # prefix: only its own routes count.
            if _resolves(entry, path):
                return True
        elif entry.pattern.match(path):
            return True
    return False


def _resolves(entry, path: str) -> bool:
    """Whether an included root-level urlconf has a route for path."""
    try:
        return entry.resolve(path) is not None
    except Resolver404:
        return False


class LanguageMiddleware(LocaleMiddleware):
    """LocaleMiddleware, except that routes outside the language prefix (the admin) speak
    the visitor's language."""

    def process_request(self, request):
        super().process_request(request)
        urlconf = getattr(request, "urlconf", None)
        if outside_language_patterns(request.path_info, urlconf):
            language = translation.get_language_from_request(request, check_path=False)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
