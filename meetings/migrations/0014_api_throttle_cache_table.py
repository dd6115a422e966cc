"""The table the API throttle's database cache keeps its counts in (settings.CACHES["throttle"]).

A migration rather than a separate `createcachetable` step, since `make run`, `make serve` and
the tests all migrate.
"""

from django.conf import settings
from django.core.management import call_command
from django.db import migrations

DATABASE_CACHE = "django.core.cache.backends.db.DatabaseCache"


def create_cache_tables(apps, schema_editor):
    # createcachetable skips a table that exists, so running it again is harmless.
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def drop_cache_tables(apps, schema_editor):
    for cache in settings.CACHES.values():
        if cache["BACKEND"] == DATABASE_CACHE:
            table = schema_editor.quote_name(cache["LOCATION"])
            schema_editor.execute(f"DROP TABLE IF EXISTS {table}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0013_meeting_doubt_reason_flags"),
    ]

    operations = [migrations.RunPython(create_cache_tables, drop_cache_tables)]
