"""Articles get a source, their identity beside their content's hash; and deleting a person
leaves the rows that name them unresolved (SET_NULL), never gone or blocked.

Articles imported before knew only their bare file name, which is what made a/news.txt and
b/news.txt one article. Each is given: the seed's path (fixtures/articles/NAME) where the
seeds hold a file of that name, so re-importing the seeds changes nothing; "pasted:" and its
hash where it has no file name; else "legacy:NAME". A legacy article is found again by its
content, and then takes the path it is imported from (see meetings/ingest/writers.py).
"""

from pathlib import Path

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SEEDS = "fixtures/articles"


def fill_sources(apps, schema_editor):
    Article = apps.get_model("meetings", "Article")
    seeds = Path(settings.BASE_DIR) / SEEDS
    taken = set()
    for article in Article.objects.order_by("pk").only("pk", "filename", "sha256"):
        if not article.filename:
            source = f"pasted:{article.sha256}"
        elif (seeds / article.filename).is_file():
            source = f"file:{SEEDS}/{article.filename}"
        else:
            source = f"legacy:{article.filename}"
        if source in taken:  # two contents once under one name: tell them apart
            source = f"{source}#{article.sha256[:12]}"
        taken.add(source)
        Article.objects.filter(pk=article.pk).update(source=source)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0008_countries_iso"),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="source",
            field=models.CharField(max_length=1000, null=True, verbose_name="source"),
        ),
        migrations.RunPython(fill_sources, migrations.RunPython.noop, elidable=False),
        migrations.AlterField(
            model_name="article",
            name="source",
            field=models.CharField(
                help_text=(
                    "What the article is, whatever its content: 'file:' and the path it was "
                    "imported from, 'pasted:' and its hash, or its URL. New content under the "
                    "same source replaces the article's records."
                ),
                max_length=1000,
                unique=True,
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="participation",
            name="person",
            field=models.ForeignKey(
                blank=True,
                help_text="Empty when the name could not be resolved to one person.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="participations",
                to="meetings.person",
                verbose_name="person",
            ),
        ),
        migrations.AlterField(
            model_name="personmention",
            name="person",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="mentions",
                to="meetings.person",
                verbose_name="person",
            ),
        ),
    ]
