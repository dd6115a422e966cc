"""The API throttle counts in its own table, a row per client address and window, instead of
in a database cache (migration 0014's api_throttle_cache table, dropped here).

The cache's read, append and write lost one of two requests answered at the same moment; a
row is counted up in one statement. Migrating back makes the cache's table again, empty.
"""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations, models

CACHE_TABLE = "api_throttle_cache"


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(CACHE_TABLE)}")


def create_cache_table(apps, schema_editor):
    # By name: the settings no longer list the cache, so createcachetable alone would skip it.
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, CACHE_TABLE, dry_run=False)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0014_api_throttle_cache_table"),
    ]

    operations = [
        migrations.CreateModel(
            name="ThrottleCount",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "window_start",
                        "key",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "window_start",
                    models.BigIntegerField(
                        help_text="When the window opens, in whole seconds since 1970 (UTC)."
                    ),
                ),
                (
                    "key",
                    models.CharField(
                        help_text="The throttle's scope and client address.", max_length=255
                    ),
                ),
                ("requests", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.RunPython(drop_cache_table, create_cache_table),
    ]
