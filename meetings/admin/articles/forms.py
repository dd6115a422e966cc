"""The form an editor adds an article with: pasted text or a file, and where it was published.

What the form gives (outlet, URL, date, title) is written into the article's header block,
over any the text has, so the stored article carries it and a re-extraction keeps it.
"""

from __future__ import annotations

import base64
import binascii

from django import forms
from django.utils.translation import gettext_lazy as _

from meetings.extraction import ExtractionError, extract
from meetings.extraction.normalise import (
    OUTLET_MAX,
    TITLE_MAX,
    URL_MAX,
    Header,
    check_text,
    decode_with_warnings,
    parse_partial_date,
    url_problem,
    with_header,
)
from meetings.extraction.records import PartialDate
from meetings.ingest.files import MAX_BYTES
from meetings.ingest.limits import check_lengths
from meetings.ingest.writers import Incoming
from meetings.models.sources import pasted_source

NO_MEETING = _("No meeting was found in this text, so there is nothing to import.")


class AddArticleForm(forms.Form):
    """Pasted text or an uploaded file, with optional outlet, URL, publication date and title."""

    text = forms.CharField(
        label=_("Article text"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "lang": "tr", "class": "add-article__text"}),
        help_text=_("Paste the article, or choose a file below."),
    )
    file = forms.FileField(
        label=_("Or a file"),
        required=False,
        help_text=_("A text or HTML file of at most 1 MB."),
    )
    # A file chosen for the preview, carried to the import (the browser cannot re-send it).
    file_data = forms.CharField(required=False, widget=forms.HiddenInput)
    file_name = forms.CharField(required=False, max_length=255, widget=forms.HiddenInput)
    url = forms.CharField(label=_("Source URL"), required=False, max_length=URL_MAX)
    outlet = forms.CharField(label=_("Outlet"), required=False, max_length=OUTLET_MAX)
    title = forms.CharField(label=_("Headline"), required=False, max_length=TITLE_MAX)
    date = forms.CharField(
        label=_("Publication date"),
        required=False,
        max_length=10,
        help_text=_("YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year is known."),
    )

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        problem = url and url_problem(url)
        if problem:
            raise forms.ValidationError(_("This is not an http or https address."))
        return url

    def clean_date(self) -> PartialDate:
        value = self.cleaned_data["date"].strip()
        date = parse_partial_date(value) if value else PartialDate.unknown()
        if value and date.value is None:
            raise forms.ValidationError(
                _("Write the date as YYYY-MM-DD, YYYY-MM or YYYY, and make it a real date.")
            )
        return date

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        try:
            content, filename = self._content(data)
            content = with_header(content, self._given(data))
            extracted = extract(content, filename=filename)
            check_lengths(extracted)
        except (ExtractionError, ValueError) as exc:
            raise forms.ValidationError(_describe(exc)) from exc
        if not any(m.participants for m in extracted.meetings):
            raise forms.ValidationError(NO_MEETING)
        # Known by its URL when it has one (a new version of the page replaces the old one's
        # records), else by its content.
        source = extracted.source.url or pasted_source(extracted.source.sha256)
        data["incoming"] = Incoming(extracted, content, source)
        return data

    def _content(self, data: dict) -> tuple[str, str | None]:
        """The article's text and its file's name: a file chosen now, else the pasted text,
        else the file chosen for the preview."""
        upload, text = data.get("file"), data.get("text") or ""
        if upload is not None:
            if upload.size > MAX_BYTES:
                raise ValueError(_too_large(upload.size))
            raw, name = upload.read(MAX_BYTES + 1), upload.name
        elif text.strip() or not data.get("file_data"):
            if not text.strip():
                raise forms.ValidationError(_("Paste the article's text or choose a file."))
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > MAX_BYTES:
                raise ValueError(_too_large(size))
            return text, None
        else:
            try:
                raw = base64.b64decode(data["file_data"], validate=True)
            except (binascii.Error, ValueError) as exc:
                raise ValueError("the file sent with the preview is damaged") from exc
            name = data.get("file_name") or None
        if len(raw) > MAX_BYTES:
            raise ValueError(_too_large(len(raw)))
        decoded, _repairs = decode_with_warnings(raw)
        check_text(decoded)
        self.carried = (base64.b64encode(raw).decode("ascii"), name or "")
        return decoded, name

    @staticmethod
    def _given(data: dict) -> Header:
        """What the form says about where the article was published."""
        return Header(
            outlet=data.get("outlet") or None,
            url=data.get("url") or None,
            title=data.get("title") or None,
            date=data.get("date") or PartialDate.unknown(),
        )


def _too_large(size: int) -> str:
    return f"{size / 1e6:.1f} MB is larger than the {MAX_BYTES / 1e6:g} MB limit for one article"


def _describe(exc: Exception) -> str:
    """One line saying why the text cannot be imported."""
    message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return _("This text cannot be imported: %(reason)s.") % {"reason": message.rstrip(".")}
