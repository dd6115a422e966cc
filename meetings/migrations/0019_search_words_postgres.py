"""PostgreSQL: the list of indexed words SQLite has had since 0016, so that a prefix can be
expanded to its words there too (``meetings.search.vocabulary``); filled from the documents
as they stand. Byte order ("C" collation), so that the words beginning with a prefix are one
range of its primary key. The SQL is written out here, not imported, so the migration stays
as it was."""

from django.db import migrations

TABLE = "meetings_searchword"


def create_word_list(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f'CREATE TABLE {TABLE} (word text COLLATE "C" PRIMARY KEY)')
    schema_editor.execute(
        f"INSERT INTO {TABLE} (word) SELECT DISTINCT "
        "unnest(tsvector_to_array(to_tsvector('simple', body))) FROM meetings_searchdocument"
    )


def drop_word_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0018_article_opening"),
    ]

    operations = [
        migrations.RunPython(create_word_list, drop_word_list),
    ]
