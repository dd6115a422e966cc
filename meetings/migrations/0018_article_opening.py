"""Article.opening: the first 1,200 characters of the text, kept by the database for list
snippets. On PostgreSQL the column is stored PLAIN (never compressed, never moved out of the
row), set in the same ALTER TABLE that adds it, so the rows it rewrites are laid out so."""

import django.db.models.functions.text
from django.db import migrations, models

OPENING = models.GeneratedField(
    db_persist=True,
    expression=django.db.models.functions.text.Substr("text", 1, 1200),
    output_field=models.TextField(),
    verbose_name="opening",
)


def add_opening(apps, schema_editor):
    article = apps.get_model("meetings", "Article")
    field = article._meta.get_field("opening")
    if schema_editor.connection.vendor != "postgresql":
        schema_editor.add_field(article, field)
        return
    definition, params = schema_editor.column_sql(article, field, include_default=False)
    table = schema_editor.quote_name(article._meta.db_table)
    column = schema_editor.quote_name(field.column)
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {column} {definition}, "
        f"ALTER COLUMN {column} SET STORAGE PLAIN",
        params,
    )


def remove_opening(apps, schema_editor):
    article = apps.get_model("meetings", "Article")
    schema_editor.remove_field(article, article._meta.get_field("opening"))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0017_participation_meeting_person"),
    ]

    # The field enters the state first, with no change to the database, so that the column
    # is then added from the model as it now is.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name="article", name="opening", field=OPENING),
            ],
        ),
        migrations.RunPython(add_opening, remove_opening),
    ]
