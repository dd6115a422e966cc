"""The data generation row that cached pages are keyed on (see meetings/search/generation.py).

A plain table rather than a model: only raw SQL in meetings.search.generation reads or writes
it, and the same SQL runs on SQLite and PostgreSQL.
"""

from django.db import migrations

CREATE = [
    "CREATE TABLE meetings_datageneration (id integer PRIMARY KEY, value bigint NOT NULL)",
    "INSERT INTO meetings_datageneration (id, value) VALUES (1, 0)",
]
DROP = ["DROP TABLE meetings_datageneration"]


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0003_search_index"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP)]
