"""Countries come from the ISO table, and the rows imported before it are merged into it.

Until now the importer created a country for every name it did not know: "Amerika Birleşik
Devletleri" beside the known "ABD", and dozens of rows with no ISO code whose English name was
the Turkish one. Now fixtures/countries.json (built from babel's CLDR names by
scripts/build_countries.py) lists every country with its ISO code, names and Turkish forms.

This migration adds the countries' other names (``aliases``), then gives each existing row
the ISO code one of its names has in that table. Rows that are one country are merged into
one: the row that already had the code (else the oldest) keeps its id and slug, people,
meetings and agreements' parties are moved onto it, and the others are deleted. Its names
and forms become the table's, except the fields an editor locked. A row that no name in the
table matches is left as it is, for an editor. load_known_entities then adds the countries
no article has named yet. Search documents keep the old country names until the next
``reindex_search`` (or an import of the meetings concerned).
"""

import json
from collections import defaultdict
from pathlib import Path

from django.db import migrations, models

from meetings.extraction.turkish import fold

TABLE = Path(__file__).resolve().parents[2] / "fixtures" / "countries.json"
FIELDS = ("name_tr", "name_en", "adjective", "demonym", "aliases")


def key(name):
    return " ".join(fold(name).replace("\u2019", "'").replace("-", " ").split())


def read_table():
    """The table's fields by ISO code, and each folded form's code (own names first)."""
    table = {}
    for entry in json.loads(TABLE.read_text(encoding="utf-8")):
        fields = entry["fields"]
        table[fields["iso_code"]] = {f: fields.get(f) for f in FIELDS}
    codes = {}
    for primary in (True, False):
        for code, fields in sorted(table.items()):
            if primary:
                forms = [fields["name_tr"], fields["name_en"]]
            else:
                forms = [fields["adjective"], fields["demonym"], *(fields["aliases"] or [])]
            for form in forms:
                if form:
                    codes.setdefault(key(form), code)
    return table, codes


def code_of(country, codes, table):
    """The ISO code a row stands for: its own, else the one its names have in the table."""
    if country.iso_code:
        return country.iso_code if country.iso_code in table else None
    for form in (country.name_tr, country.name_en, country.adjective, country.demonym):
        if form and key(form) in codes:
            return codes[key(form)]
    return None


def merge(apps, schema_editor):
    Country = apps.get_model("meetings", "Country")
    Person = apps.get_model("meetings", "Person")
    Meeting = apps.get_model("meetings", "Meeting")
    Parties = apps.get_model("meetings", "Agreement").parties.through
    table, codes = read_table()
    groups = defaultdict(list)
    for country in Country.objects.order_by("pk"):
        code = code_of(country, codes, table)
        if code:
            groups[code].append(country)
    for code, rows in sorted(groups.items()):
        keeper = next((c for c in rows if c.iso_code == code), rows[0])
        gone = [c.pk for c in rows if c.pk != keeper.pk]
        if gone:
            Person.objects.filter(country_id__in=gone).update(country_id=keeper.pk)
            Meeting.objects.filter(country_id__in=gone).update(country_id=keeper.pk)
            held = set(
                Parties.objects.filter(country_id=keeper.pk).values_list("agreement_id", flat=True)
            )
            for party in Parties.objects.filter(country_id__in=gone).order_by("pk"):
                if party.agreement_id in held:
                    party.delete()
                else:
                    held.add(party.agreement_id)
                    Parties.objects.filter(pk=party.pk).update(country_id=keeper.pk)
            Country.objects.filter(pk__in=gone).delete()
        keeper.iso_code = code
        locked = set(keeper.locked_fields or [])
        for field in FIELDS:
            if field not in locked:
                setattr(keeper, field, table[code][field] or ([] if field == "aliases" else ""))
        if Country.objects.filter(name_tr=keeper.name_tr).exclude(pk=keeper.pk).exists():
            # Another row, one no name in the table matched to this code, has the name.
            keeper.name_tr = Country.objects.get(pk=keeper.pk).name_tr
        keeper.save()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0007_review_reason_codes"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="aliases",
            field=models.JSONField(
                blank=True,
                default=list,
                help_text='Other names, short forms, adjectives and demonyms articles use ("ABD", '
                '"İngiltere", "Azeri"); each resolves to this country on import.',
                verbose_name="other names",
            ),
        ),
        migrations.AlterField(
            model_name="country",
            name="iso_code",
            field=models.CharField(
                blank=True,
                help_text="ISO 3166-1 alpha-2; where ISO has none, a user-assigned X code "
                "(XK Kosovo, XN Northern Cyprus).",
                max_length=2,
                null=True,
                unique=True,
                verbose_name="ISO code",
            ),
        ),
        migrations.RunPython(merge, migrations.RunPython.noop),
    ]
