"""Records of what editors removed, so that a re-import does not bring it back."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletedImport(models.Model):
    """An imported row an editor deleted; the importer skips its import key from then on."""

    import_key = models.CharField(_("import key"), max_length=200, unique=True)
    model = models.CharField(_("kind of record"), max_length=60)
    description = models.CharField(_("what it was"), max_length=300, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), auto_now_add=True)

    class Meta:
        ordering = ["-deleted_at"]
        verbose_name = _("deleted imported record")
        verbose_name_plural = _("deleted imported records")

    def __str__(self):
        return f"{self.model}: {self.description or self.import_key}"


class FormerSlug(models.Model):
    """An address a record used to have: a slug an editor changed, or a record merged into
    another. Its old page redirects to the record it now is, so no cited link breaks."""

    model = models.CharField(_("kind of record"), max_length=20)  # "meeting", "person", ...
    slug = models.CharField(_("former slug"), max_length=200)
    target_id = models.BigIntegerField(_("record it now is"))
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["model", "slug"]
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        constraints = [
            models.UniqueConstraint(fields=["model", "slug"], name="one_former_slug_per_kind")
        ]

    def __str__(self):
        return f"{self.model}: {self.slug} → {self.target_id}"

    @classmethod
    def remember(cls, model: str, slug: str, target_id: int, *, merged_id: int | None = None):
        """Send ``slug`` (a record of kind ``model``) to ``target_id`` from now on. Where the
        record ``merged_id`` is merged away, its own former slugs follow it to the target,
        so a chain of renames and merges still ends at a live record."""
        if merged_id is not None:
            cls.objects.filter(model=model, target_id=merged_id).update(target_id=target_id)
        cls.objects.update_or_create(model=model, slug=slug, defaults={"target_id": target_id})
