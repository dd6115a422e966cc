"""The staff pages that add an article from the browser and re-extract a stored one.

Each first shows a preview of exactly what the import writes (preview.py), then imports
through the same writers as `import_articles` (and `--reextract`), logs it in the admin's
log, and goes to the meeting read (or to the article when it gave several).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from meetings.admin.articles.forms import AddArticleForm
from meetings.admin.articles.preview import preview
from meetings.extraction import ExtractionError, extract
from meetings.ingest.articles import Ingestor
from meetings.ingest.limits import check_lengths
from meetings.ingest.writers import Incoming
from meetings.models import Article, Meeting

ADD_TEMPLATE = "admin/meetings/article/add_from_text.html"
REEXTRACT_TEMPLATE = "admin/meetings/article/reextract.html"
# Kept in the admin log as written, like the admin's own change messages.
IMPORTED = "Imported from the browser."
REEXTRACTED = "Re-extracted from the browser."


def add_from_text(model_admin, request):
    """Paste or upload an article, see what would be imported, then import it."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = AddArticleForm(request.POST or None, request.FILES or None)
    result = digest = None
    if request.method == "POST" and form.is_valid():
        incoming = form.cleaned_data["incoming"]
        digest = incoming.extracted.source.sha256
        try:
            if "_import" in request.POST and request.POST.get("previewed") == digest:
                return _import(model_admin, request, incoming, force=False)
            if "_import" in request.POST:
                messages.warning(
                    request, gettext("The text changed since the preview: check this preview.")
                )
            result = preview(incoming)
        except (ValueError, DatabaseError) as exc:  # what the import would say of a bad file
            form.add_error(None, _not_written(exc))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": gettext("Add an article"),
        "form": form,
        "preview": result,
        "digest": digest,
        "carried": getattr(form, "carried", None),
        "media": model_admin.media,
    }
    return TemplateResponse(request, ADD_TEMPLATE, context)


def reextract(model_admin, request, object_id):
    """Read a stored article again with today's extractor: the preview, then the import."""
    article = model_admin.get_object(request, object_id)
    if article is None:
        if not model_admin.has_view_or_change_permission(request):
            raise PermissionDenied
        raise Http404(gettext("No such article."))
    if not model_admin.has_change_permission(request, article):
        raise PermissionDenied
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": article,
        "title": gettext("Re-extract an article"),
        "preview": None,
        "media": model_admin.media,
    }
    if article.skip_reextract:
        return TemplateResponse(request, REEXTRACT_TEMPLATE, context)
    try:
        # As `import_articles --reextract` reads a stored article (files.import_one).
        extracted = extract(article.raw_text, filename=article.filename)
        check_lengths(extracted)
    except (ExtractionError, ValueError) as exc:
        context["error"] = str(exc).splitlines()[0]
        return TemplateResponse(request, REEXTRACT_TEMPLATE, context)
    extracted.source.sha256 = article.sha256  # identity stays the stored file's
    incoming = Incoming(extracted, article.raw_text, article.source)
    try:
        if request.method == "POST" and "_import" in request.POST:
            return _import(model_admin, request, incoming, force=True)
        context["preview"] = preview(incoming, force=True)
    except (ValueError, DatabaseError) as exc:  # what the import would say of a bad file
        context["error"] = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return TemplateResponse(request, REEXTRACT_TEMPLATE, context)


def _import(model_admin, request, incoming: Incoming, *, force: bool):
    """Write the article through the import's writers, log it, and go to what it gave."""
    outcome = Ingestor().ingest(
        incoming.extracted, incoming.raw_text, force=force, source=incoming.source
    )
    article = Article.objects.get(sha256=incoming.extracted.source.sha256)
    change = model_admin.admin_site.name + ":meetings_article_change"
    if outcome == "unchanged":
        messages.info(request, gettext("This article was stored already; nothing changed."))
        return HttpResponseRedirect(reverse(change, args=[article.pk]))
    message = REEXTRACTED if force else IMPORTED
    log = model_admin.log_addition if outcome == "new" else model_admin.log_change
    log(request, article, message)
    meetings = list(Meeting.objects.filter(reports__article=article).order_by("reports__index"))
    messages.success(request, _imported_message(meetings))
    if len(meetings) == 1:
        return HttpResponseRedirect(meetings[0].get_absolute_url())
    return HttpResponseRedirect(reverse(change, args=[article.pk]))


def _not_written(exc: Exception) -> str:
    """One line saying why nothing was written."""
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return gettext("Nothing was written: %(reason)s") % {"reason": reason}


def _imported_message(meetings: list[Meeting]) -> str:
    links = format_html_join(
        ", ", '<a href="{}">{}</a>', ((m.get_absolute_url(), m.title) for m in meetings)
    )
    return format_html("{} {}", gettext("The article was imported. Meetings:"), links)
