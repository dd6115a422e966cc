"""The read-only JSON API under /api/ (Django REST framework)."""
