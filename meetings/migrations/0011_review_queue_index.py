"""A partial index of the meetings that need review, for the admin's review queue.

The queue reads only flagged meetings (about one in ten); without this index every queue
page scans the whole meetings table. Plain SQL that SQLite and PostgreSQL both accept; it is
not in the model's Meta because the model module belongs to the data model, and the index
serves only the admin's queue (meetings/admin/review_queue.py).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("meetings", "0010_history")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS meetings_meeting_review_queue "
            "ON meetings_meeting (id) WHERE needs_review",
            "DROP INDEX IF EXISTS meetings_meeting_review_queue",
        )
    ]
