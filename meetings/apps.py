from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Diplomatic meetings read from news articles."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = _("Diplomatic meetings")
