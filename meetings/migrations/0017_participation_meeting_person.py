"""Participations indexed by (meeting, person): a page's facets read who took part in its
meetings from this index alone. It serves every lookup by meeting, so the meeting key's own
index goes, after the new one is built."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0016_search_words"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="participation",
            index=models.Index(fields=["meeting", "person"], name="participation_meeting_person"),
        ),
        migrations.AlterField(
            model_name="participation",
            name="meeting",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="participations",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
    ]
