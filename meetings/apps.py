from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    """Diplomatic meetings read from news articles."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "meetings"
    verbose_name = _("Diplomatic meetings")

    def ready(self):
        # A slug an editor changes is remembered, so the old address redirects.
        from meetings.discovery.former_addresses import connect

        connect()
