"""Apostrophe case endings: vowel harmony, buffer consonants and hardening."""

import pytest

from meetings.corpus.turkish import (
    abl,
    acc,
    also,
    case_ending,
    dat,
    gen,
    inflect,
    loc,
    lower_tr,
    number_word,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Lavrov", "Lavrov'u"),
        ("Aliyev", "Aliyev'i"),
        ("Erdoğan", "Erdoğan'ı"),
        ("Ertürk", "Ertürk'ü"),
        ("Kaya", "Kaya'yı"),
        ("Şoygu", "Şoygu'yu"),
        ("Bakü", "Bakü'yü"),
        ("Kapanadze", "Kapanadze'yi"),
        ("Sergey Lavrov", "Sergey Lavrov'u"),
    ],
)
def test_accusative(word, expected):
    assert acc(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Lavrov", "Lavrov'un"),
        ("Aliyev", "Aliyev'in"),
        ("Erdoğan", "Erdoğan'ın"),
        ("Ürdün", "Ürdün'ün"),
        ("Şoygu", "Şoygu'nun"),
        ("Bakü", "Bakü'nün"),
        ("Rusya", "Rusya'nın"),
        ("Türkiye", "Türkiye'nin"),
        # Abbreviations spelled out: "abede'nin", "be'nin", "kakatece'nin"; NATO and AGİT are words.
        ("ABD", "ABD'nin"),
        ("AB", "AB'nin"),
        ("KKTC", "KKTC'nin"),
        ("NATO", "NATO'nun"),
        ("AGİT", "AGİT'in"),
        # Loanwords in -l whose ending is front although the written vowel is back.
        ("Senegal", "Senegal'in"),
    ],
)
def test_genitive(word, expected):
    assert gen(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Ankara", "Ankara'da"),
        ("Bakü", "Bakü'de"),
        ("Moskova", "Moskova'da"),
        ("Paris", "Paris'te"),
        ("Taşkent", "Taşkent'te"),
        ("Aşkabat", "Aşkabat'ta"),
        ("Tiflis", "Tiflis'te"),
        ("Berlin", "Berlin'de"),
        ("Washington", "Washington'da"),
        ("Riyad", "Riyad'da"),
        ("Buenos Aires", "Buenos Aires'te"),
        ("Abu Dabi", "Abu Dabi'de"),
        ("Seul", "Seul'de"),
        ("Stockholm", "Stockholm'de"),
        ("ABD", "ABD'de"),
        ("Kasım", "Kasım'da"),
        ("Mart", "Mart'ta"),
        ("Eylül", "Eylül'de"),
        ("Aralık", "Aralık'ta"),
    ],
)
def test_locative(word, expected):
    assert loc(word) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("2023", "2023'te"),  # üç
        ("2020", "2020'de"),  # yirmi
        ("2019", "2019'da"),  # dokuz
        ("2024", "2024'te"),  # dört
        ("2025", "2025'te"),  # beş
        ("2016", "2016'da"),  # altı
        ("2000", "2000'de"),  # bin
        ("1990", "1990'da"),  # doksan
        ("2010", "2010'da"),  # on
        ("1940", "1940'ta"),  # kırk
        ("100", "100'de"),  # yüz
    ],
)
def test_numbers_are_read_aloud(number, expected):
    assert loc(number) == expected


def test_dative_and_ablative():
    assert [dat(w) for w in ("Bakü", "Ankara", "Paris", "Erivan", "Moskova")] == [
        "Bakü'ye",
        "Ankara'ya",
        "Paris'e",
        "Erivan'a",
        "Moskova'ya",
    ]
    assert [abl(w) for w in ("Paris", "Bakü", "Ankara", "Aşkabat")] == [
        "Paris'ten",
        "Bakü'den",
        "Ankara'dan",
        "Aşkabat'tan",
    ]


@pytest.mark.parametrize(
    ("name", "case", "expected"),
    [
        ("Kasım 2020 Bildirgesi", "dat", "Kasım 2020 Bildirgesi'ne"),
        ("Müttefik Etkileşim Bildirgesi", "acc", "Müttefik Etkileşim Bildirgesi'ni"),
        ("Kasım 2020 Bildirgesi", "gen", "Kasım 2020 Bildirgesi'nin"),
        ("Enerji Protokolü", "acc", "Enerji Protokolü'nü"),
        ("Turizm Mutabakat Zaptı", "acc", "Turizm Mutabakat Zaptı'nı"),
        ("Bakü Deklarasyonu", "dat", "Bakü Deklarasyonu'na"),
        ("Ticaret Anlaşması", "loc", "Ticaret Anlaşması'nda"),
        ("Ticaret Anlaşması", "abl", "Ticaret Anlaşması'ndan"),
    ],
)
def test_possessive_compounds_take_n(name, case, expected):
    assert inflect(name, case, possessive=True) == expected


def test_sound_overrides_spelling():
    assert case_ending("Barrot", "gen", sound="Barro") == "nun"


def test_unknown_case_is_refused():
    with pytest.raises(ValueError):
        case_ending("Bakü", "ins")  # type: ignore[arg-type]


def test_clitic_de_da():
    assert also("Sergey Voronov") == "da"
    assert also("Steven Kent") == "de"
    assert also("Ayşe Ertürk") == "de"


def test_number_words_and_turkish_lowercase():
    assert [number_word(n) for n in (0, 3, 20, 1900, 2000, 1_000_000)] == [
        "sıfır",
        "üç",
        "yirmi",
        "yüz",
        "bin",
        "milyon",
    ]
    assert lower_tr("IĞDIR İSTANBUL") == "ığdır istanbul"
