"""MeetingFacets: each meeting's country and people, which a search's facets count, kept
beside its search documents; filled here from the participations as they stand. The SQL is
written out here, not imported, so the migration stays as it was."""

import django.db.models.deletion
from django.db import migrations, models


PEOPLE = {
    "postgresql": "string_agg(DISTINCT pa.person_id::text, ',')",
    "sqlite": "group_concat(DISTINCT pa.person_id)",
}


def fill(apps, schema_editor):
    people = PEOPLE.get(schema_editor.connection.vendor)
    if people is None:
        return  # another engine: the next reindex fills the table
    schema_editor.execute(
        "INSERT INTO meetings_meetingfacets (meeting_id, country_id, people) "
        f"SELECT m.id, m.country_id, COALESCE((SELECT {people} FROM meetings_participation pa "
        "WHERE pa.meeting_id = m.id AND pa.person_id IS NOT NULL), '') FROM meetings_meeting m"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0019_search_words_postgres"),
    ]

    operations = [
        migrations.CreateModel(
            name="MeetingFacets",
            fields=[
                (
                    "meeting",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="meetings.meeting",
                        verbose_name="meeting",
                    ),
                ),
                ("people", models.TextField(blank=True, default="", verbose_name="people")),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="meetings.country",
                        verbose_name="country",
                    ),
                ),
            ],
            options={
                "verbose_name": "meeting facets",
                "verbose_name_plural": "meeting facets",
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
