"""The review queue's doubt and reason bits, stored: columns the database computes from
``needs_review`` and ``review_reasons`` (so no writer changes), and one partial index in the
queue's order that also holds the bits.

The queue used to compute each flagged meeting's doubt from its JSON on every page and sort
them all, and to test every reason against every flagged meeting's JSON for the counts. Now
a page reads its rows straight from this index in order, and the counts come from the index
alone (an index-only scan on PostgreSQL). It replaces 0011's index of the flagged ids, which
any scan of the flagged meetings can read from this one instead.

PostgreSQL sorts NULL first in a descending index unless told otherwise; SQLite sorts NULL
lowest, so its descending date already puts the undated last (and it has no NULLS LAST in
an index definition), and it has no INCLUDE.
"""

import django.db.models.expressions
from django.db import migrations, models

import meetings.models.meetings

POSTGRES_INDEX = (
    "CREATE INDEX meeting_review_queue_order ON meetings_meeting "
    "(doubt DESC, date DESC NULLS LAST, id DESC) INCLUDE (reason_flags) WHERE needs_review"
)
SQLITE_INDEX = (
    "CREATE INDEX meeting_review_queue_order ON meetings_meeting "
    "(doubt DESC, date DESC, id DESC, reason_flags) WHERE needs_review"
)
# The queue's person filter reads the names as written of unresolved participants; this
# index holds just those rows (one in twenty), so it never reads the whole table.
UNRESOLVED_INDEX = (
    "CREATE INDEX participation_unresolved_names ON meetings_participation "
    "(raw_name, meeting_id) WHERE person_id IS NULL"
)
OLD_INDEX = "meetings_meeting_review_queue"
OLD_INDEX_SQL = (
    f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON meetings_meeting (id) WHERE needs_review"
)


def create_queue_index(apps, schema_editor):
    """The queue's index, in its order, for this database; 0011's goes."""
    vendor = schema_editor.connection.vendor
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(POSTGRES_INDEX if vendor == "postgresql" else SQLITE_INDEX)
    schema_editor.execute(UNRESOLVED_INDEX)


def drop_queue_index(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS participation_unresolved_names")
    schema_editor.execute("DROP INDEX IF EXISTS meeting_review_queue_order")
    schema_editor.execute(OLD_INDEX_SQL)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0012_article_outlet_url_former_slugs")]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="doubt",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(
                        needs_review=True,
                        then=django.db.models.expressions.CombinedExpression(
                            meetings.models.meetings.JSONArrayLength("review_reasons"),
                            "+",
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.expressions.CombinedExpression(
                                            django.db.models.expressions.CombinedExpression(
                                                django.db.models.expressions.CombinedExpression(
                                                    django.db.models.expressions.CombinedExpression(
                                                        django.db.models.expressions.CombinedExpression(
                                                            django.db.models.expressions.CombinedExpression(
                                                                models.Case(
                                                                    models.When(
                                                                        meetings.models.meetings.HasCode(
                                                                            "review_reasons",
                                                                            "no_meeting",
                                                                        ),
                                                                        then=models.Value(4),
                                                                    ),
                                                                    default=models.Value(0),
                                                                ),
                                                                "+",
                                                                models.Case(
                                                                    models.When(
                                                                        meetings.models.meetings.HasCode(
                                                                            "review_reasons",
                                                                            "possible_duplicate",
                                                                        ),
                                                                        then=models.Value(3),
                                                                    ),
                                                                    default=models.Value(0),
                                                                ),
                                                            ),
                                                            "+",
                                                            models.Case(
                                                                models.When(
                                                                    meetings.models.meetings.HasCode(
                                                                        "review_reasons",
                                                                        "ambiguous_name",
                                                                    ),
                                                                    then=models.Value(3),
                                                                ),
                                                                default=models.Value(0),
                                                            ),
                                                        ),
                                                        "+",
                                                        models.Case(
                                                            models.When(
                                                                meetings.models.meetings.HasCode(
                                                                    "review_reasons", "no_host"
                                                                ),
                                                                then=models.Value(2),
                                                            ),
                                                            default=models.Value(0),
                                                        ),
                                                    ),
                                                    "+",
                                                    models.Case(
                                                        models.When(
                                                            meetings.models.meetings.HasCode(
                                                                "review_reasons", "no_guest"
                                                            ),
                                                            then=models.Value(2),
                                                        ),
                                                        default=models.Value(0),
                                                    ),
                                                ),
                                                "+",
                                                models.Case(
                                                    models.When(
                                                        meetings.models.meetings.HasCode(
                                                            "review_reasons", "date_unknown"
                                                        ),
                                                        then=models.Value(2),
                                                    ),
                                                    default=models.Value(0),
                                                ),
                                            ),
                                            "+",
                                            models.Case(
                                                models.When(
                                                    meetings.models.meetings.HasCode(
                                                        "review_reasons", "date_conflict"
                                                    ),
                                                    then=models.Value(2),
                                                ),
                                                default=models.Value(0),
                                            ),
                                        ),
                                        "+",
                                        models.Case(
                                            models.When(
                                                meetings.models.meetings.HasCode(
                                                    "review_reasons", "speaker_unknown"
                                                ),
                                                then=models.Value(1),
                                            ),
                                            default=models.Value(0),
                                        ),
                                    ),
                                    "+",
                                    models.Case(
                                        models.When(
                                            meetings.models.meetings.HasCode(
                                                "review_reasons", "surname_only"
                                            ),
                                            then=models.Value(1),
                                        ),
                                        default=models.Value(0),
                                    ),
                                ),
                                "+",
                                models.Case(
                                    models.When(
                                        meetings.models.meetings.HasCode(
                                            "review_reasons", "role_noun"
                                        ),
                                        then=models.Value(1),
                                    ),
                                    default=models.Value(0),
                                ),
                            ),
                        ),
                    ),
                    default=models.Value(0),
                    output_field=models.IntegerField(),
                ),
                output_field=models.IntegerField(),
                verbose_name="doubt",
            ),
        ),
        migrations.AddField(
            model_name="meeting",
            name="reason_flags",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.expressions.CombinedExpression(
                    django.db.models.expressions.CombinedExpression(
                        django.db.models.expressions.CombinedExpression(
                            django.db.models.expressions.CombinedExpression(
                                django.db.models.expressions.CombinedExpression(
                                    django.db.models.expressions.CombinedExpression(
                                        django.db.models.expressions.CombinedExpression(
                                            django.db.models.expressions.CombinedExpression(
                                                django.db.models.expressions.CombinedExpression(
                                                    django.db.models.expressions.CombinedExpression(
                                                        django.db.models.expressions.CombinedExpression(
                                                            django.db.models.expressions.CombinedExpression(
                                                                django.db.models.expressions.CombinedExpression(
                                                                    django.db.models.expressions.CombinedExpression(
                                                                        django.db.models.expressions.CombinedExpression(
                                                                            django.db.models.expressions.CombinedExpression(
                                                                                django.db.models.expressions.CombinedExpression(
                                                                                    models.Case(
                                                                                        models.When(
                                                                                            meetings.models.meetings.HasCode(
                                                                                                "review_reasons",
                                                                                                "no_host",
                                                                                            ),
                                                                                            then=models.Value(
                                                                                                1
                                                                                            ),
                                                                                        ),
                                                                                        default=models.Value(
                                                                                            0
                                                                                        ),
                                                                                    ),
                                                                                    "+",
                                                                                    models.Case(
                                                                                        models.When(
                                                                                            meetings.models.meetings.HasCode(
                                                                                                "review_reasons",
                                                                                                "no_guest",
                                                                                            ),
                                                                                            then=models.Value(
                                                                                                2
                                                                                            ),
                                                                                        ),
                                                                                        default=models.Value(
                                                                                            0
                                                                                        ),
                                                                                    ),
                                                                                ),
                                                                                "+",
                                                                                models.Case(
                                                                                    models.When(
                                                                                        meetings.models.meetings.HasCode(
                                                                                            "review_reasons",
                                                                                            "surname_only",
                                                                                        ),
                                                                                        then=models.Value(
                                                                                            4
                                                                                        ),
                                                                                    ),
                                                                                    default=models.Value(
                                                                                        0
                                                                                    ),
                                                                                ),
                                                                            ),
                                                                            "+",
                                                                            models.Case(
                                                                                models.When(
                                                                                    meetings.models.meetings.HasCode(
                                                                                        "review_reasons",
                                                                                        "role_noun",
                                                                                    ),
                                                                                    then=models.Value(
                                                                                        8
                                                                                    ),
                                                                                ),
                                                                                default=models.Value(
                                                                                    0
                                                                                ),
                                                                            ),
                                                                        ),
                                                                        "+",
                                                                        models.Case(
                                                                            models.When(
                                                                                meetings.models.meetings.HasCode(
                                                                                    "review_reasons",
                                                                                    "place_from_title",
                                                                                ),
                                                                                then=models.Value(
                                                                                    16
                                                                                ),
                                                                            ),
                                                                            default=models.Value(0),
                                                                        ),
                                                                    ),
                                                                    "+",
                                                                    models.Case(
                                                                        models.When(
                                                                            meetings.models.meetings.HasCode(
                                                                                "review_reasons",
                                                                                "place_from_venue",
                                                                            ),
                                                                            then=models.Value(32),
                                                                        ),
                                                                        default=models.Value(0),
                                                                    ),
                                                                ),
                                                                "+",
                                                                models.Case(
                                                                    models.When(
                                                                        meetings.models.meetings.HasCode(
                                                                            "review_reasons",
                                                                            "place_from_dateline",
                                                                        ),
                                                                        then=models.Value(64),
                                                                    ),
                                                                    default=models.Value(0),
                                                                ),
                                                            ),
                                                            "+",
                                                            models.Case(
                                                                models.When(
                                                                    meetings.models.meetings.HasCode(
                                                                        "review_reasons",
                                                                        "place_country_only",
                                                                    ),
                                                                    then=models.Value(128),
                                                                ),
                                                                default=models.Value(0),
                                                            ),
                                                        ),
                                                        "+",
                                                        models.Case(
                                                            models.When(
                                                                meetings.models.meetings.HasCode(
                                                                    "review_reasons",
                                                                    "date_relative",
                                                                ),
                                                                then=models.Value(256),
                                                            ),
                                                            default=models.Value(0),
                                                        ),
                                                    ),
                                                    "+",
                                                    models.Case(
                                                        models.When(
                                                            meetings.models.meetings.HasCode(
                                                                "review_reasons", "date_from_header"
                                                            ),
                                                            then=models.Value(512),
                                                        ),
                                                        default=models.Value(0),
                                                    ),
                                                ),
                                                "+",
                                                models.Case(
                                                    models.When(
                                                        meetings.models.meetings.HasCode(
                                                            "review_reasons", "date_unknown"
                                                        ),
                                                        then=models.Value(1024),
                                                    ),
                                                    default=models.Value(0),
                                                ),
                                            ),
                                            "+",
                                            models.Case(
                                                models.When(
                                                    meetings.models.meetings.HasCode(
                                                        "review_reasons", "date_conflict"
                                                    ),
                                                    then=models.Value(2048),
                                                ),
                                                default=models.Value(0),
                                            ),
                                        ),
                                        "+",
                                        models.Case(
                                            models.When(
                                                meetings.models.meetings.HasCode(
                                                    "review_reasons", "speaker_unknown"
                                                ),
                                                then=models.Value(4096),
                                            ),
                                            default=models.Value(0),
                                        ),
                                    ),
                                    "+",
                                    models.Case(
                                        models.When(
                                            meetings.models.meetings.HasCode(
                                                "review_reasons", "no_meeting"
                                            ),
                                            then=models.Value(8192),
                                        ),
                                        default=models.Value(0),
                                    ),
                                ),
                                "+",
                                models.Case(
                                    models.When(
                                        meetings.models.meetings.HasCode(
                                            "review_reasons", "ambiguous_name"
                                        ),
                                        then=models.Value(16384),
                                    ),
                                    default=models.Value(0),
                                ),
                            ),
                            "+",
                            models.Case(
                                models.When(
                                    meetings.models.meetings.HasCode(
                                        "review_reasons", "possible_duplicate"
                                    ),
                                    then=models.Value(32768),
                                ),
                                default=models.Value(0),
                            ),
                        ),
                        "+",
                        models.Case(
                            models.When(
                                meetings.models.meetings.HasCode("review_reasons", "other"),
                                then=models.Value(65536),
                            ),
                            default=models.Value(0),
                        ),
                    ),
                    "+",
                    models.Case(
                        models.When(
                            meetings.models.meetings.HasCode("review_reasons", "unknown_country"),
                            then=models.Value(131072),
                        ),
                        default=models.Value(0),
                    ),
                ),
                output_field=models.IntegerField(),
                verbose_name="reason bits",
            ),
        ),
        migrations.RunPython(create_queue_index, drop_queue_index),
    ]
