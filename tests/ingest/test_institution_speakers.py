"""An institution that speaks ("Dışişleri Bakanlığı") keeps its name and never becomes a person."""

import pytest

from meetings.extraction import extract
from meetings.ingest import Ingestor
from meetings.models import Person, Statement

pytestmark = pytest.mark.django_db

ARTICLE = (
    " date 2025-05-06 Kabul\n\n"
    "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Vargas'ı kabul etti.\n\n"
    'Dışişleri Bakanlığı, "İki ülke arasındaki ilişkiler güçleniyor" ifadelerini kullandı. '
    "Vargas, ziyaretten memnun olduğunu söyledi.\n"
)


@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_an_institution_speaker_is_kept_by_name_without_a_person(chunk):
    article = extract(ARTICLE, "kurum.txt")
    ingestor = Ingestor()
    if chunk:
        ingestor.ingest_new([(article, article.text)])
    else:
        ingestor.ingest(article, article.text)
    said = sorted(Statement.objects.values_list("speaker_name", "speaker__name"))
    assert said == [("Dışişleri Bakanlığı", None), ("Luis Vargas", "Luis Vargas")]
    assert not Person.objects.filter(name="Dışişleri Bakanlığı").exists()
