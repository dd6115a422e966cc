"""PostgreSQL: the meetings' tsvectors move to a narrow table of their own.

A GIN index cannot return matches in date order, so "the newest 1,000 matches" of a broad
term means checking rows newest first until enough match. In the wide search-document table
each check read the vector back from TOAST, and the planner, offered the statement_id index,
checked every meeting's vector: 0.4 s for "bakan" on 20,000 meetings. Here each row is the
document key (date order), the meeting's id and its vector, stored inline (STORAGE MAIN), so
the planner can walk the key index newest first for a broad term and use the GIN index for a
rare one. Triggers on the document table keep it in step, as FTS5's do on SQLite.

SQLite is untouched: FTS5 already returns matches in key order.
"""

from django.db import migrations

TABLE = "meetings_searchdocument_meeting_vector"

POSTGRES_CREATE = [
    f"""CREATE TABLE {TABLE} (
        id bigint PRIMARY KEY,
        meeting_id bigint NOT NULL,
        vector tsvector NOT NULL)""",
    f"ALTER TABLE {TABLE} ALTER COLUMN vector SET STORAGE MAIN",
    f"CREATE INDEX {TABLE}_gin ON {TABLE} USING gin (vector)",
    f"CREATE INDEX {TABLE}_meeting ON {TABLE} (meeting_id)",
    # The document table's own vector is now computed for statements only.
    """CREATE OR REPLACE FUNCTION meetings_searchdocument_vector() RETURNS trigger AS $$
    BEGIN
        NEW.vector := CASE WHEN NEW.statement_id IS NULL THEN NULL
                           ELSE to_tsvector('simple', NEW.body) END;
        RETURN NEW;
    END $$ LANGUAGE plpgsql""",
    f"""CREATE FUNCTION meetings_searchdocument_meeting_vector() RETURNS trigger AS $$
    BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
            DELETE FROM {TABLE} WHERE id = OLD.id;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.statement_id IS NULL THEN
            INSERT INTO {TABLE} (id, meeting_id, vector)
            VALUES (NEW.id, NEW.meeting_id, to_tsvector('simple', NEW.body))
            ON CONFLICT (id) DO UPDATE
            SET meeting_id = EXCLUDED.meeting_id, vector = EXCLUDED.vector;
        END IF;
        RETURN NULL;
    END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER meetings_searchdocument_meeting_vector
    AFTER INSERT OR UPDATE OR DELETE ON meetings_searchdocument
    FOR EACH ROW EXECUTE FUNCTION meetings_searchdocument_meeting_vector()""",
    # A flushed test database truncates the document table: the vectors go with it.
    f"""CREATE FUNCTION meetings_searchdocument_meeting_vector_truncate() RETURNS trigger AS $$
    BEGIN TRUNCATE {TABLE}; RETURN NULL; END $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER meetings_searchdocument_meeting_vector_truncate
    AFTER TRUNCATE ON meetings_searchdocument
    FOR EACH STATEMENT EXECUTE FUNCTION meetings_searchdocument_meeting_vector_truncate()""",
    # The meetings already indexed.
    f"""INSERT INTO {TABLE} (id, meeting_id, vector)
    SELECT id, meeting_id, to_tsvector('simple', body) FROM meetings_searchdocument
    WHERE statement_id IS NULL""",
    "UPDATE meetings_searchdocument SET vector = NULL WHERE statement_id IS NULL",
    "DROP INDEX IF EXISTS searchdoc_meeting_gin",
    f"ANALYZE {TABLE}",
]
POSTGRES_DROP = [
    "CREATE INDEX searchdoc_meeting_gin ON meetings_searchdocument USING gin (vector) "
    "WHERE statement_id IS NULL",
    """CREATE OR REPLACE FUNCTION meetings_searchdocument_vector() RETURNS trigger AS $$
    BEGIN NEW.vector := to_tsvector('simple', NEW.body); RETURN NEW; END
    $$ LANGUAGE plpgsql""",
    "UPDATE meetings_searchdocument SET vector = to_tsvector('simple', body) "
    "WHERE statement_id IS NULL",
    "DROP TRIGGER meetings_searchdocument_meeting_vector_truncate ON meetings_searchdocument",
    "DROP FUNCTION meetings_searchdocument_meeting_vector_truncate()",
    "DROP TRIGGER meetings_searchdocument_meeting_vector ON meetings_searchdocument",
    "DROP FUNCTION meetings_searchdocument_meeting_vector()",
    f"DROP TABLE {TABLE}",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_CREATE:
            schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in POSTGRES_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0004_search_data_generation"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
