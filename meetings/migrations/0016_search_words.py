"""SQLite: the list of words the FTS5 index holds, so that a prefix can be expanded to its
words (``meetings.search.vocabulary``); filled from the index as it stands. PostgreSQL
needs none. The SQL is written out here, not imported, so the migration stays as it was.
"""

from django.db import migrations

TABLE = "meetings_searchword"
VOCAB = "temp.meetings_searchword_vocab"


def create_word_list(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {TABLE} (word TEXT PRIMARY KEY) WITHOUT ROWID")
        cursor.execute(
            f"CREATE VIRTUAL TABLE {VOCAB} USING fts5vocab(main, meetings_searchdocument_fts, 'row')"
        )
        cursor.execute(f"INSERT INTO {TABLE} (word) SELECT term FROM {VOCAB}")
        cursor.execute(f"DROP TABLE {VOCAB}")


def drop_word_list(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0015_throttle_counts"),
    ]

    operations = [
        migrations.RunPython(create_word_list, drop_word_list),
    ]
