"""Meetings, who took part in them, and what was said."""

import functools
import operator
import re

from django.db import NotSupportedError, models
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from meetings.extraction.reasons import Reason
from meetings.models.base import (
    DatePrecision,
    Lockable,
    Provenance,
    Timestamped,
    normalise_partial_date,
    partial_date_check,
)
from meetings.models.edits import DeletedImport


class MeetingKind(models.TextChoices):
    """What sort of meeting it was."""

    RECEPTION = "reception", _("reception")
    TALKS = "talks", _("talks")
    PHONE_CALL = "phone_call", _("phone call")
    SUMMIT = "summit", _("summit")
    VISIT = "visit", _("visit")
    OTHER = "other", _("other")


class Role(models.TextChoices):
    """The part a person played in a meeting."""

    HOST = "host", _("host")
    GUEST = "guest", _("guest")
    DELEGATION = "delegation", _("delegation member")


# How much each reason adds to a queued meeting's doubt, on top of one point per reason: a
# record that may not be a meeting at all, or may be someone else, comes before a vague place.
# The weights are stored in Meeting.doubt, so changing one needs a migration that removes and
# adds that column again (makemigrations sees the change; the database cannot alter it).
DOUBT_WEIGHTS = {
    Reason.NO_MEETING.value: 4,
    Reason.POSSIBLE_DUPLICATE.value: 3,
    Reason.AMBIGUOUS_NAME.value: 3,
    Reason.NO_HOST.value: 2,
    Reason.NO_GUEST.value: 2,
    Reason.DATE_UNKNOWN.value: 2,
    Reason.DATE_CONFLICT.value: 2,
    Reason.SPEAKER_UNKNOWN.value: 1,
    Reason.SURNAME_ONLY.value: 1,
    Reason.ROLE_NOUN.value: 1,
}

# Each reason's bit in Meeting.reason_flags. Append only: every row stores these bits, and a
# new code needs its bit here and a migration that adds the column again.
REASON_BITS = {
    code: 1 << bit
    for bit, code in enumerate(
        [
            "no_host",
            "no_guest",
            "surname_only",
            "role_noun",
            "place_from_title",
            "place_from_venue",
            "place_from_dateline",
            "place_country_only",
            "date_relative",
            "date_from_header",
            "date_unknown",
            "date_conflict",
            "speaker_unknown",
            "no_meeting",
            "ambiguous_name",
            "possible_duplicate",
            "other",
            "unknown_country",
        ]
    )
}

_CODE = re.compile(r"^[a-z_]+$")


class JSONArrayLength(models.Func):
    """The number of items in a JSON array column, on PostgreSQL and SQLite alike."""

    function = "json_array_length"
    output_field = models.IntegerField()

    def as_postgresql(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="jsonb_array_length", **extra)


class HasCode(models.Func):
    """Whether a JSON list of codes holds ``code``: jsonb containment on PostgreSQL, the quoted
    code in the stored text on SQLite. Both are immutable, as a generated column needs."""

    output_field = models.BooleanField()

    def __init__(self, expression, code: str, **extra):
        if not _CODE.match(code):  # written into the SQL: a code is letters and underscores
            raise ValueError(f"not a reason code: {code!r}")
        self.code = code
        super().__init__(expression, **extra)

    def __repr__(self):
        return f"HasCode({self.source_expressions[0]!r}, {self.code!r})"

    def as_sql(self, compiler, connection, **extra):
        # Dispatched here rather than in as_postgresql/as_sqlite: an aggregate's filter calls
        # as_sql itself.
        sql, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"({sql} @> '[\"{self.code}\"]'::jsonb)", params
        if connection.vendor == "sqlite":
            return f"(instr({sql}, '\"{self.code}\"') > 0)", params
        raise NotSupportedError("HasCode is written for PostgreSQL and SQLite")


def _points(points: dict[str, int]) -> models.Expression:
    """The sum of the points of the codes a meeting's review_reasons hold."""
    return functools.reduce(
        operator.add,
        [
            models.Case(
                models.When(HasCode("review_reasons", code), then=models.Value(n)),
                default=models.Value(0),
            )
            for code, n in points.items()
        ],
    )


def doubt_expression() -> models.Expression:
    """A queued meeting's doubt: one point per reason, plus each reason's weight; 0 when the
    meeting is not on the review queue."""
    score = JSONArrayLength("review_reasons") + _points(DOUBT_WEIGHTS)
    return models.Case(
        models.When(needs_review=True, then=score),
        default=models.Value(0),
        output_field=models.IntegerField(),
    )


def reason_flags_expression() -> models.Expression:
    """The meeting's reason codes as bits (REASON_BITS): counted and filtered from an index."""
    return _points(REASON_BITS)


class Meeting(Lockable, Timestamped):
    """A diplomatic meeting, read from one or more articles."""

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("For a month or a year, the first day of it; see the precision."),
    )
    date_precision = models.CharField(
        _("date precision"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    country = models.ForeignKey(
        "meetings.Country",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("country"),
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=MeetingKind.choices, default=MeetingKind.OTHER
    )
    articles = models.ManyToManyField(
        "meetings.Article",
        through="MeetingReport",
        related_name="meetings",
        verbose_name=_("source articles"),
    )
    needs_review = models.BooleanField(_("needs review"), default=False)
    review_reasons = models.JSONField(_("review reasons"), default=list, blank=True)
    # Kept by the database from the two fields above, so no writer has to: the review queue
    # orders by doubt and counts and filters reasons by their bits from one partial index
    # (migration 0013) instead of reading every flagged meeting's JSON on each page.
    doubt = models.GeneratedField(
        expression=doubt_expression(),
        output_field=models.IntegerField(),
        db_persist=True,
        verbose_name=_("doubt"),
    )
    reason_flags = models.GeneratedField(
        expression=reason_flags_expression(),
        output_field=models.IntegerField(),
        db_persist=True,
        verbose_name=_("reason bits"),
    )

    class Meta:
        ordering = [models.F("date").desc(nulls_last=True), "-id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [
            models.Index(fields=["date", "date_precision"]),
            models.Index(fields=["country", "date"]),
            models.Index(fields=["kind", "date"]),
        ]
        constraints = [partial_date_check("date", "date_precision", "meeting_partial_date")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.date = normalise_partial_date(self.date, self.date_precision)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting-detail", kwargs={"slug": self.slug})

    def flag(self, reason: str, queue: bool = True) -> None:
        """Record why the meeting is doubtful and, where ``queue``, mark it for an editor's
        review (the caller saves)."""
        if queue:
            self.needs_review = True
        if reason not in self.review_reasons:
            self.review_reasons = [*self.review_reasons, reason]


class MeetingReport(models.Model):
    """One article's account of a meeting: the n-th meeting the extractor read from it."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="reports", verbose_name=_("meeting")
    )
    article = models.ForeignKey(
        "meetings.Article",
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("article"),
    )
    index = models.PositiveSmallIntegerField(_("meeting number in the article"), default=0)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["article", "index"], name="one_meeting_per_slot"),
        ]

    def __str__(self):
        return f"{self.article} → {self.meeting}"


def report_key(article_id: int, index: int) -> str:
    """The import key of an article's index-th meeting report, as a deletion records it."""
    return f"{article_id}:{index}:m"


@receiver(pre_delete, sender=Meeting, dispatch_uid="remember_deleted_meeting")
def remember_deleted_meeting(sender, instance: Meeting, **kwargs) -> None:
    """A deleted meeting stays deleted: each of its reports is recorded (DeletedImport), so
    no re-import and no changed file makes the meeting again. The importer itself deletes
    a meeting only once no report is left, and a merge (meetings/merging_meetings.py) moves
    the reports to the meeting kept first, so this records only editors' deletions."""
    rows = [
        DeletedImport(
            import_key=report_key(article_id, index),
            model="meeting",
            description=str(instance)[:300],
        )
        for article_id, index in instance.reports.values_list("article_id", "index")
    ]
    DeletedImport.objects.bulk_create(rows, ignore_conflicts=True)


class Participation(Lockable, Provenance):
    """A person's part in a meeting, with the title the article gives them there."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("meeting"),
        db_index=False,  # the (meeting, person) index below serves it
    )
    person = models.ForeignKey(
        "meetings.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
        help_text=_("Empty when the name could not be resolved to one person."),
    )
    raw_name = models.CharField(_("name as written"), max_length=200)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    title = models.CharField(_("title"), max_length=300, blank=True)
    spans = models.JSONField(_("spans"), default=list, blank=True)

    class Meta:
        ordering = ["meeting", "role", "id"]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        indexes = [
            models.Index(fields=["person", "meeting"]),
            # A page's facets count people over hundreds of meetings: read from this index
            # alone, without a visit to each participation's row (0.8 ms instead of 2.4 ms
            # for 300 meetings on SQLite).
            models.Index(fields=["meeting", "person"], name="participation_meeting_person"),
        ]

    def __str__(self):
        return f"{self.raw_name} ({self.get_role_display()})"


class Statement(Lockable, Provenance):
    """A direct quote or reported speech, tied to its speaker as written and, if known, a person."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="statements", verbose_name=_("meeting")
    )
    speaker_name = models.CharField(
        _("speaker as written"),
        max_length=200,
        blank=True,
        help_text=_("Kept even when the speaker cannot be resolved to a person."),
    )
    speaker = models.ForeignKey(
        "meetings.Person",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="statements",
        verbose_name=_("speaker"),
    )
    text = models.TextField(_("text"))
    direct = models.BooleanField(
        _("direct quote"), default=True, help_text=_("Unticked for reported speech.")
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["meeting", "order", "id"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")
        indexes = [models.Index(fields=["speaker", "meeting"])]

    def __str__(self):
        who = self.speaker_name or _("unknown speaker")
        return f"{who}: {self.text[:60]}"
