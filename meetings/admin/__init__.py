"""Admin registrations: importing the modules registers every model."""

from meetings.admin import agreements, articles, meetings, people  # noqa: F401
