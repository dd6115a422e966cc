"""People and their aliases get an indexed surname key: the last word of their name key.

A surname used alone ("Lavrov") resolves to the one person who has it. That was a
`name_key LIKE '% lavrov'` over every person, once per lone surname in every imported article
and in every people filter on the meetings page; now it is an index lookup, and the importer
asks for a whole chunk's surnames in one query.
"""

from django.db import migrations, models


def fill(apps, schema_editor):
    for model_name, key_field in (("Person", "name_key"), ("PersonAlias", "key")):
        model = apps.get_model("meetings", model_name)
        rows = list(model.objects.only("pk", key_field))
        for row in rows:
            row.surname_key = getattr(row, key_field).rsplit(" ", 1)[-1]
        model.objects.bulk_update(rows, ["surname_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0005_search_meeting_vectors"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="surname_key",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                help_text="The last word of the normalised name, for a surname used alone.",
                max_length=200,
                verbose_name="normalised surname",
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="personalias",
            name="surname_key",
            field=models.CharField(
                db_index=True,
                default="",
                editable=False,
                max_length=200,
                verbose_name="normalised surname",
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
