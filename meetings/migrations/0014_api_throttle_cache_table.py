"""The table the API throttle's database cache kept its counts in, api_throttle_cache.

A migration rather than a separate `createcachetable` step, since `make run`, `make serve` and
the tests all migrate. The table is named here rather than read from settings.CACHES, which no
longer lists that cache: migration 0015 moved the counts to a table of their own and drops
this one, and migrating back past here drops it again.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

CACHE_TABLE = "api_throttle_cache"


def create_cache_table(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    # create_table skips a table that exists, so running it again is harmless.
    command.create_table(schema_editor.connection.alias, CACHE_TABLE, dry_run=False)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0013_meeting_doubt_reason_flags"),
    ]

    operations = [migrations.RunPython(create_cache_table, drop_cache_table)]
