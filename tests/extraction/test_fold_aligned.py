"""fold_aligned gives, for every text, what folding it character by character gives: its
quick path (whole-text replaces, for text that folds to ASCII) changes the speed only."""

import random

import pytest

from meetings.corpus.generator import generate
from meetings.extraction.turkish import _ALIGNED, fold, fold_aligned


def one_by_one(text: str) -> str:
    """The fold of each character on its own (the table fold_aligned always used)."""
    return text.translate(_ALIGNED)


CHARACTERS = [chr(c) for c in range(0x0000, 0x0530)] + list("ẞİıŞşĞğ’ʼ😀中ﬁŉ")


@pytest.mark.parametrize("char", CHARACTERS)
def test_each_character_alone(char):
    assert fold_aligned(char) == one_by_one(char)
    assert fold_aligned(f"ALİYEV{char}ŞOYGU") == one_by_one(f"ALİYEV{char}ŞOYGU")


def test_generated_articles_and_their_upper_case():
    for generated in generate(3, 40):
        for text in (generated.text, generated.text.upper(), generated.text.title()):
            assert fold_aligned(text) == one_by_one(text)
            assert len(fold_aligned(text)) == len(text)


def test_random_mixtures_of_scripts():
    rng = random.Random(5)
    pool = "aIİıŞşÇçĞğÖöÜüÂâ ΣσςΑθήναМинистрéñßﬁİ’'-.,0123"
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randrange(1, 30)))
        assert fold_aligned(text) == one_by_one(text), text


def test_it_folds_as_fold_does_where_fold_keeps_the_length():
    assert fold_aligned("İSTANBUL'da Şoygu ILGAZ") == fold("İSTANBUL'da Şoygu ILGAZ")
    assert fold_aligned("İSTANBUL'da Şoygu ILGAZ") == "istanbul'da soygu ilgaz"
