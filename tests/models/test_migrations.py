"""Migrations that fill new columns from existing rows leave a database that works at once."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets=None):
    """Migrate the test database to targets (default: the newest); return the models there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_people_and_aliases_stored_before_surname_keys_get_them():
    old = migrate([("meetings", "0005_search_meeting_vectors")])
    try:
        Person = old.get_model("meetings", "Person")
        putin = Person.objects.create(name="Vladimir Putin", name_key="vladimir putin", slug="p")
        Person.objects.create(name="Todorović", name_key="todorovic", slug="t")
        old.get_model("meetings", "PersonAlias").objects.create(
            person=putin, name="Wladimir Putin", key="wladimir putin"
        )
        new = migrate([("meetings", "0006_person_surname_keys")])
        people = dict(
            new.get_model("meetings", "Person").objects.values_list("name", "surname_key")
        )
        aliases = list(new.get_model("meetings", "PersonAlias").objects.values_list("surname_key"))
    finally:
        migrate()  # the schema every other test expects
    assert people == {"Vladimir Putin": "putin", "Todorović": "todorovic"}
    assert aliases == [("putin",)]
