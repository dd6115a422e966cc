"""Two agreements with one proper name and parties that clash: which keeps the plain name, and
which is named with its parties, does not depend on the order the articles come in."""

from itertools import permutations
from pathlib import Path

import pytest
from django.core.management import call_command

from meetings.models import Agreement, AgreementMention

pytestmark = pytest.mark.django_db

# Armenia and the US sign a "Lojistik Bildirgesi"; so, a month later, do Kenya and the US; a
# third article refers to the Kenyan one.
ARTICLES = sorted((Path(__file__).parent / "order_articles").glob("lojistik_*.txt"))
ORDERS = list(permutations(ARTICLES))


def _agreements() -> list:
    return sorted(
        (
            a.name,
            a.slug,
            sorted(c.iso_code for c in a.parties.all()),
            sorted(
                set(
                    AgreementMention.objects.filter(agreement=a).values_list(
                        "article__filename", flat=True
                    )
                )
            ),
        )
        for a in Agreement.objects.filter(name__startswith="Lojistik").prefetch_related("parties")
    )


@pytest.mark.parametrize("chunk_size", [1, 10], ids=["one by one", "one chunk"])
@pytest.mark.parametrize("order", ORDERS, ids=lambda o: ",".join(p.stem[9:] for p in o))
def test_the_plain_name_goes_to_the_same_agreement_in_any_order(known_entities, order, chunk_size):
    files = [str(p) for p in order]
    call_command("import_articles", *files, "--chunk-size", str(chunk_size), verbosity=0)
    assert _agreements() == [
        # The parties that sort first by ISO code (AM, US before KE, US) keep the plain name.
        (
            "Lojistik Bildirgesi",
            "lojistik-bildirgesi",
            ["AM", "US"],
            ["lojistik_erivan.txt"],
        ),
        (
            "Lojistik Bildirgesi (ABD, Kenya)",
            "lojistik-bildirgesi-abd-kenya",
            ["KE", "US"],
            ["lojistik_nairobi.txt", "lojistik_nairobi_2.txt"],
        ),
    ]
