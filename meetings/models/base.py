"""Building blocks the models share: partial dates, spans, editor locks and slugs."""

import datetime as dt
import hashlib
import json
from collections import Counter
from itertools import chain, count

from django.db import connection, models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from meetings.extraction.turkish import fold, name_key


class DatePrecision(models.TextChoices):
    """How much of a date is known."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


def partial_date_check(date_field: str, precision_field: str, name: str):
    """A constraint: a date is set exactly when its precision is not 'unknown'."""
    unknown = Q(**{precision_field: DatePrecision.UNKNOWN})
    return models.CheckConstraint(
        condition=(Q(**{f"{date_field}__isnull": True}) & unknown)
        | (Q(**{f"{date_field}__isnull": False}) & ~unknown),
        name=name,
    )


def normalise_partial_date(value: dt.date | None, precision: str) -> dt.date | None:
    """Store a partial date as its first day: 2020-11 becomes 2020-11-01."""
    if value is None or precision == DatePrecision.UNKNOWN:
        return None
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    return value


class Lockable(models.Model):
    """A row whose fields an editor can lock against re-import."""

    locked_fields = models.JSONField(
        _("locked fields"),
        default=list,
        blank=True,
        help_text=_(
            "Fields an editor changed. A re-import never overwrites them. "
            "Remove a name to let the importer update that field again."
        ),
    )

    class Meta:
        abstract = True

    def lock(self, *fields: str) -> list[str]:
        """Lock the given fields and return the ones newly locked (the caller saves)."""
        added = [f for f in fields if f not in self.locked_fields]
        self.locked_fields = sorted({*self.locked_fields, *added})
        return added

    def is_locked(self, field: str) -> bool:
        """Whether an editor has locked this field."""
        return field in self.locked_fields


class Provenance(models.Model):
    """A row read from an article: which one, where in its text, and its import identity."""

    article = models.ForeignKey(
        "meetings.Article",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("source article"),
    )
    span_start = models.PositiveIntegerField(_("span start"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("span end"), null=True, blank=True)
    import_key = models.CharField(
        _("import key"),
        max_length=200,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Identifies the extracted item this row came from; empty for editor rows."),
    )

    class Meta:
        abstract = True

    @property
    def span(self) -> tuple[int, int] | None:
        """The (start, end) offsets in the article's normalised text."""
        if self.span_start is None or self.span_end is None:
            return None
        return (self.span_start, self.span_end)

    def source_excerpt(self) -> str:
        """The text the span points at in its article."""
        if self.article_id is None or self.span is None:
            return ""
        return self.article.text[self.span_start : self.span_end]


class AliasManager(models.Manager):
    """Aliases looked up by their normalised form."""

    def get_by_natural_key(self, key):
        """The alias whose normalised form is key."""
        return self.get(key=key)


class Alias(models.Model):
    """Another way of writing a name; subclasses add the name and key fields and the owner."""

    objects = AliasManager()

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.key = name_key(self.name)
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.key,)


class Timestamped(models.Model):
    """Creation and update times."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


def slug_base(text: str, max_length: int = 80) -> str:
    """An ASCII slug that keeps Turkish letters readable: "Şoygu" → "soygu"."""
    return (slugify(fold(text)) or "x")[:max_length].strip("-") or "x"


def slug_suffix(identity: str, length: int = 4) -> str:
    """A short suffix that only the record's identity decides, never the order of arrival."""
    return hashlib.sha1(identity.encode("utf-8"), usedforsecurity=False).hexdigest()[:length]


def unique_slugs(
    model: type[models.Model], wanted: list[tuple[str, str]], exclude_pk=None
) -> list[str]:
    """A slug for each (base, identity), unique within the model and among themselves: the
    base where it is free, else the base and a suffix from the identity ("-3fa2", longer
    where that is taken too). The one place slugs are made unique, for one row or a chunk:
    mostly one query, and no counter, so a row's suffix is its own whatever came before it
    (which row keeps the bare base is the one stored first).
    """
    if not wanted:
        return []
    rows = model._default_manager.exclude(pk=exclude_pk) if exclude_pk else model._default_manager
    bases = {base for base, _ in wanted}
    taken = set(rows.filter(slug__in=bases).values_list("slug", flat=True))
    shared = {base for base, n in Counter(base for base, _ in wanted).items() if n > 1}
    for base in (bases & taken) | shared:  # only a base in use gets variants, read once
        taken |= set(rows.filter(slug__startswith=f"{base}-").values_list("slug", flat=True))
    slugs: dict[int, str] = {}
    for i, (base, identity) in enumerate(wanted):
        variants = chain(
            [base],
            (f"{base}-{slug_suffix(identity, n)}" for n in (4, 8, 12)),
            (f"{base}-{slug_suffix(identity, 12)}-{n}" for n in count(2)),
        )
        slugs[i] = next(slug for slug in variants if slug not in taken)
        taken.add(slugs[i])
    return [slugs[i] for i in range(len(wanted))]


def unique_slug(model: type[models.Model], text: str, exclude_pk=None) -> str:
    """A slug for text, unique within the model (see unique_slugs; the text is its identity)."""
    return unique_slugs(model, [(slug_base(text), text)], exclude_pk)[0]


def related_count(rows: models.QuerySet, link: str, field: str | None = None) -> models.Expression:
    """How many of ``rows`` point at the row being read through ``link`` (with ``field``, how
    many distinct values of it): a correlated subquery per row, so that counting two relations
    at once does not join both and multiply them (a person's meetings times their statements).
    Without ``field`` it is a plain count, which the index on ``link`` alone can answer."""
    count = models.Count(field, distinct=True) if field else models.Count("*")
    counts = (
        rows.filter(**{link: models.OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(n=count)
        .values("n")
    )
    return Coalesce(models.Subquery(counts, output_field=models.IntegerField()), 0)


def among(meetings) -> tuple[str, list]:
    """SQL testing a meeting id against the meetings, and its parameters: a queryset's own
    SQL, or a list of ids passed as one parameter (an array on PostgreSQL, a JSON list on
    SQLite), never one placeholder per id."""
    if isinstance(meetings, models.QuerySet):
        query = meetings.query
        if not query.where and not query.is_sliced and not query.combinator:
            return "IS NOT NULL", []  # every meeting: no subquery for the planner to join
        sql, params = meetings.order_by().values("pk").query.sql_with_params()
        return f"IN ({sql})", list(params)
    if connection.vendor == "postgresql":
        return "= ANY(%s::bigint[])", [list(meetings)]
    return "IN (SELECT value FROM json_each(%s))", [json.dumps(list(meetings))]
