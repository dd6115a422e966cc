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
