"""Atom feeds (django.contrib.syndication): latest meetings, per person, agreement, search."""
