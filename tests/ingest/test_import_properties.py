"""Whatever extraction returns, the import stores it or reports it, never a database error."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pytest
from django.db import DatabaseError, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetings.extraction.records import Agreement
from meetings.extraction.records import AgreementMention as Mention
from meetings.ingest import Ingestor
from meetings.ingest.files import MAX_BYTES, import_one, read_article
from meetings.models import AgreementMention
from tests.conftest import SEEDS
from tests.ingest.builders import ALIYEV, ArticleBuilder

pytestmark = pytest.mark.django_db

SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
# Invented pieces that steer extraction, and so the import, into its less common paths:
# agreements named twice, plurals and counts, lone surnames and namesakes, repeated people.
PIECES = [
    " Şuşa Beyannamesi",
    " Şuşa Beyannamesi çerçevesinde hazırlanan Şuşa Beyannamesi uygulama protokolü",
    " Aramızdaki anlaşmalar",
    " yedi anlaşma imzalandı.",
    " ikili anlaşma imzalandı.",
    " Lojistik Bildirgesi",
    " Lojistik Bildirgesi'ni imzaladı.",
    " Kasım 2020 Bildirgesi",
    " 9 Kasım'da varılan anlaşmalar",
    " üçlü anlaşma",
    " Kenya Dışişleri Bakanı Joseph Otieno",
    " Otieno,",
    " Uganda Dışişleri Bakanı Mary Otieno",
    " Otieno'yu kabul etti.",
    " Lavrov",
    " Aliyev, ",
    " Sergey Lavrov'u kabul etti.",
    " ile görüştü.",
    " bir araya geldi.",
    ' "Dostluğumuz güçleniyor" dedi.',
    " diye konuştu.",
    " heyette ",
    " yer aldı.",
    " ve ",
    ", ",
    ". ",
    "\n\n",
    "'",
    '"',
    " Bakü'de",
    " Nairobi'de",
    " 12 Mart 2024",
    " Cumhurbaşkanı ",
    " Dışişleri Bakanı ",
]
PROPERTY = settings(
    max_examples=int(os.environ.get("INGEST_EXAMPLES", "12")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


class Rollback(Exception):
    """Undoes one way of importing, so the other starts from the same database."""


@st.composite
def articles(draw) -> list[str]:
    """A few articles: seeds with pieces spliced in, and articles made of pieces alone."""
    texts = []
    for _ in range(draw(st.integers(1, 4))):
        if draw(st.booleans()):
            text = draw(st.sampled_from(SEED_TEXTS))
            for where, piece in draw(
                st.lists(st.tuples(st.floats(0, 1), st.sampled_from(PIECES)), max_size=10)
            ):
                at = int(where * len(text))
                text = text[:at] + piece + text[at:]
        else:
            text = "".join(draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40)))
        texts.append(text)
    return texts


def write(folder: Path, texts: list[str]) -> list[Path]:
    paths = []
    for n, text in enumerate(texts):
        path = folder / f"{n:03d}_hypothesis.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@PROPERTY
@given(texts=articles())
def test_no_database_error_comes_out_of_the_import(known_entities, texts):
    with tempfile.TemporaryDirectory() as folder:
        paths = write(Path(folder), texts)
        read = []
        for path in paths:
            with contextlib.suppress(ValueError):  # not an article: import_one reports it
                read.append(read_article(path, MAX_BYTES))
        # As a chunk: the writer of new files, which must not fail at all.
        new = list({item.extracted.source.sha256: item for item in read}.values())
        with pytest.raises(Rollback), transaction.atomic():
            if new:
                Ingestor().ingest_new(new)
            raise Rollback
        # One at a time, then once more: each file is stored, or fails for its content.
        with pytest.raises(Rollback), transaction.atomic():
            ingestor = Ingestor()
            for _ in range(2):
                for path in paths:
                    try:
                        outcome, error = import_one(ingestor, path, MAX_BYTES)
                    except DatabaseError as exc:  # pragma: no cover - the property's failure
                        pytest.fail(f"{path.name}: {exc!r}")
                    assert error is None or "could not be imported" not in error, error
            raise Rollback


@pytest.mark.parametrize("chunk", [False, True], ids=["one by one", "chunk"])
def test_two_clusters_around_one_agreement_make_one_mention_each_place(known_entities, chunk):
    """A short name and a longer phrase around it, read as two clusters of one agreement."""
    b = ArticleBuilder("overlap.txt")
    meeting = b.meeting(ALIYEV, ("Recep Tayyip Erdoğan", "Türkiye Cumhurbaşkanı", "Türkiye"))
    b.write("Taraflar, ")
    start = b.length
    b.write("Şuşa Beyannamesi")
    long_span = b.write(" çerçevesinde hazırlanan Şuşa Beyannamesi uygulama protokolü")
    b.write(". ")
    short = ("Şuşa Beyannamesi", (start, start + len("Şuşa Beyannamesi")))
    longer = (b.build().text[start : long_span[1]], (start, long_span[1]))
    parties = ["Azerbaycan", "Türkiye"]
    meeting.agreements += [
        Agreement("Şuşa Beyannamesi", parties, "referred", [Mention(*short)]),
        Agreement("Şuşa Beyannamesi", parties, "signed", [Mention(*short), Mention(*longer)]),
    ]
    article = b.build()
    if chunk:
        Ingestor().ingest_new([(article, article.text)])
    else:
        Ingestor().ingest(article, article.text)
    mentions = AgreementMention.objects.all()
    assert {m.agreement.name for m in mentions} == {"Şuşa Beyannamesi"}
    assert [(m.span_start, m.span_end) for m in mentions] == [longer[1]]
    assert mentions[0].agreement.status == "signed"
