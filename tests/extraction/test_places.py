"""Where a meeting took place: a city in Turkish spelling, never a country, a room or a byline.

Short invented articles, one phenomenon each: venues, "X kentinde", datelines, bylines, a
city in an ambassador's title, calls, future and past events, agreements named after a city.
"""

from __future__ import annotations

from meetings.extraction.document import Doc
from meetings.extraction.gazetteer import gazetteer
from meetings.extraction.lexicon import lexicon
from meetings.extraction.normalise import normalise
from meetings.extraction.people import People
from meetings.extraction.places import (
    dateline,
    earlier_location,
    find_location,
    meeting_location,
    names_city,
    place_from_title,
)
from meetings.extraction.records import Location


def _read(text: str) -> tuple[Doc, People]:
    norm = normalise(text)
    doc = Doc(norm.text, norm.paragraphs)
    return doc, People(doc)


def _place_of(text: str, sentence: int = 0) -> Location | None:
    doc, people = _read(text)
    return find_location(doc, people, doc.sentences[sentence], lexicon())


def _written(text: str, location: Location) -> str:
    norm = normalise(text)
    return norm.text[location.span[0] : location.span[1]]


def test_a_venue_gives_its_city_and_its_span_is_the_venue_as_written() -> None:
    text = (
        "Rusya Devlet Başkanı Vladimir Putin, Moğolistan Cumhurbaşkanı Batbayar Tömör'ü "
        "Kremlin Sarayı'nda kabul etti."
    )
    location = _place_of(text)
    assert location is not None
    assert (location.name, location.country) == ("Moskova", "Rusya")
    assert _written(text, location) == "Kremlin Sarayı"
    assert names_city("Kremlin Sarayı", "Moskova")


def test_a_turkish_venue_with_a_locative_gives_ankara_or_istanbul() -> None:
    ankara = _place_of(
        "Cumhurbaşkanı Yardımcısı Selim Tekin, Moldova Başbakanı Dorin Rusu'yu Çankaya "
        "Köşkü'nde kabul etti."
    )
    istanbul = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Litvanya Dışişleri Bakanı Jonas Petraitis'i "
        "Dolmabahçe Çalışma Ofisi'nde ağırladı."
    )
    assert ankara is not None and ankara.name == "Ankara"
    assert istanbul is not None and istanbul.name == "İstanbul"


def test_a_city_named_before_kent_is_the_place() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Kanada'nın Montreal kentinde düzenlenen "
        "forumda Kanada Dışişleri Bakanı Claire Dubois ile görüştü."
    )
    assert location is not None
    assert (location.name, location.country) == ("Montreal", "Kanada")


def test_a_country_alone_names_no_city() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, İspanya'da düzenlenen forumda Portekiz Dışişleri "
        "Bakanı Rui Costa ile görüştü."
    )
    assert location is None


def test_a_future_event_city_is_not_the_place() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, gelecek ay Prag'da düzenlenecek zirve öncesinde "
        "Çekya Dışişleri Bakanı Pavel Novak ile görüştü."
    )
    assert location is None


def test_a_dated_past_event_city_is_not_the_place() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Mart 2021'de Atina'da imzalanan anlaşmaya atıfta "
        "bulunan Yunanistan Dışişleri Bakanı Nikos Petridis ile görüştü."
    )
    assert location is None


def test_a_city_inside_an_agreement_name_is_not_the_place() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Portekiz Dışişleri Bakanı Rui Costa ile Lizbon "
        "Deklarasyonu'nda yer alan taahhütleri görüştü."
    )
    assert location is None


def test_a_city_as_a_topic_is_not_the_place() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Mısır Dışişleri Bakanı Tarek Nabil ile Gazze'deki "
        "insani durumu görüştü."
    )
    assert location is None
    # "X'teki" before a meeting word is the place: "Brüksel'deki NATO toplantısı marjında".
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Brüksel'deki NATO Dışişleri Bakanları Toplantısı "
        "marjında Litvanya Dışişleri Bakanı Jonas Petraitis ile görüştü."
    )
    assert location is not None and location.name == "Brüksel"


def test_a_call_has_no_place_even_where_a_room_is_named() -> None:
    location = _place_of(
        "Rusya Devlet Başkanı Vladimir Putin, Kremlin'deki çalışma ofisinden Moğolistan "
        "Cumhurbaşkanı Batbayar Tömör ile video konferans yoluyla görüştü."
    )
    assert location is None


def test_a_city_after_an_untitled_name_is_the_city_alone() -> None:
    text = "Karaman ile Petraitis Vilnius'ta bir araya geldi."
    location = _place_of(text)
    assert location is not None
    assert (location.name, _written(text, location)) == ("Vilnius", "Vilnius")


def test_a_dateline_gives_the_city_in_turkish_spelling() -> None:
    doc, _ = _read(
        "Karaman, Macar mevkidaşıyla görüştü\n\n"
        "BUDAPEŞTE (AA) – Dışişleri Bakanı Ayşe Karaman, Macaristan Dışişleri Bakanı "
        "Peter Nagy ile bir araya geldi."
    )
    location = dateline(doc)
    assert location is not None
    assert (location.name, location.country) == ("Budapeşte", "Macaristan")
    assert doc.text[location.span[0] : location.span[1]] == "BUDAPEŞTE"


def test_a_dateline_with_a_day_and_month() -> None:
    doc, _ = _read("Başlık\n\nRiyad, 3 Mart (AA) – Bakan Karaman, Suudi mevkidaşıyla görüştü.")
    location = dateline(doc)
    assert location is not None and location.name == "Riyad"


def test_a_byline_is_never_a_place_the_dateline_after_it_is() -> None:
    doc, _ = _read(
        "Porto / Deniz Kaya\n\nLİZBON – Dışişleri Bakanı Ayşe Karaman, Portekiz Dışişleri "
        "Bakanı Rui Costa ile bir araya geldi."
    )
    location = dateline(doc)
    assert location is not None and location.name == "Lizbon"
    # A headline opening with a city and a dash is not a dateline either.
    doc, _ = _read(
        "Madrid - Lizbon hattında yeni dönem\n\nLİZBON – Dışişleri Bakanı Ayşe Karaman, "
        "Portekiz Dışişleri Bakanı Rui Costa ile bir araya geldi."
    )
    location = dateline(doc)
    assert location is not None and location.name == "Lizbon"


def test_an_ambassadors_posting_is_the_last_resort() -> None:
    text = (
        "Türkiye'nin Lizbon Büyükelçisi Murat Aksu, Portekiz Cumhurbaşkanı Rui Lopes "
        "tarafından kabul edildi."
    )
    doc, people = _read(text)
    location = place_from_title(doc, doc.sentences, lexicon())
    assert location is not None
    assert (location.name, location.country) == ("Lizbon", "Portekiz")
    assert meeting_location(doc, people, doc.sentences, lexicon()) == (location, "place_from_title")


def test_a_city_the_text_names_beats_the_ambassadors_posting() -> None:
    doc, people = _read(
        "Fas'ın Ankara Büyükelçisi Yusuf Alami, Konya'ya gelerek Konya Valisi Ahmet Demir'i "
        "makamında ziyaret etti."
    )
    location, reason = meeting_location(doc, people, doc.sentences, lexicon())
    assert location is not None and location.name == "Konya"
    assert reason is None  # told in the meeting's own sentence


def test_a_meeting_without_a_place_takes_the_place_told_just_before() -> None:
    doc, people = _read(
        "Dışişleri Bakanı Ayşe Karaman, Sofya'da temaslarda bulundu. Karaman, daha sonra "
        "Bulgaristan Dışişleri Bakanı Ivan Petrov ile bir araya geldi."
    )
    location = earlier_location(doc, people, doc.sentences[1], lexicon())
    assert location is not None and location.name == "Sofya"


def test_the_gazetteer_spells_cities_the_turkish_way() -> None:
    gaz = gazetteer()

    def city(name: str) -> str | None:
        words = tuple(name.split())
        return next((p.city for p in gaz.ending_at(words[-1]) if p.words == words), None)

    assert city("moscow") == "Moskova"
    assert city("beijing") == "Pekin"
    assert city("riyadh") == "Riyad"
    assert city("abu dhabi") == "Abu Dabi"
    assert city("addis ababa") == "Addis Ababa"
    assert city("kuveyt") == "Kuveyt"  # the city-state's city, not only the country
    assert city("gaziantep") == "Gaziantep"


def test_a_city_the_guest_travelled_to_is_the_place() -> None:
    location = _place_of(
        "Pekin'e iki günlük resmi bir ziyaret gerçekleştiren Dışişleri Bakanı Ayşe Karaman, "
        "Çin Dışişleri Bakanı Li Wei ile görüştü."
    )
    assert location is not None and (location.name, location.country) == ("Pekin", "Çin")


def test_a_city_the_guest_visits_is_the_place() -> None:
    location = _place_of(
        "Ankara'yı ziyaret eden Moldova Başbakanı Dorin Rusu, Cumhurbaşkanı Yardımcısı "
        "Selim Tekin ile görüştü."
    )
    assert location is not None and location.name == "Ankara"


def test_an_embassy_stands_in_its_city() -> None:
    text = (
        "Dışişleri Bakanı Ayşe Karaman, Türkiye'nin Londra Büyükelçiliği'nde İngiltere "
        "Dışişleri Bakanı Tom Hale ile görüştü."
    )
    location = _place_of(text)
    assert location is not None and location.name == "Londra"
    assert _written(text, location) == "Londra"


def test_a_seat_of_government_gives_the_hosts_capital() -> None:
    text = (
        "Kenya Devlet Başkanı Samuel Otieno, Türk heyetini Devlet Başkanlığı binasında kabul etti."
    )
    doc, people = _read(text)
    location, reason = meeting_location(doc, people, doc.sentences, lexicon(), host_country="Kenya")
    assert location is not None and (location.name, location.country) == ("Nairobi", "Kenya")
    assert reason == "place_from_venue"
    written = doc.text[location.span[0] : location.span[1]]
    assert written == "Devlet Başkanlığı binası"
    assert names_city(written, "Nairobi")


def test_a_dateline_gives_way_to_the_country_the_meeting_is_told_in() -> None:
    doc, people = _read(
        "Başlık\n\nANKARA (AA) – Dışişleri Bakanı Ayşe Karaman, İtalya'da düzenlenen "
        "zirvenin marjında Japonya Dışişleri Bakanı Kenji Sato ile görüştü."
    )
    location = dateline(doc)
    assert location is not None and location.name == "Ankara"
    assert meeting_location(doc, people, doc.sentences[1:], lexicon()) == (None, None)
    # A country as the topic of the talks does not overrule it.
    doc, people = _read(
        "Başlık\n\nANKARA (AA) – Dışişleri Bakanı Ayşe Karaman, Japonya Dışişleri Bakanı "
        "Kenji Sato ile Suriye'de kalıcı barışın sağlanmasını görüştü."
    )
    location, reason = meeting_location(doc, people, doc.sentences[1:], lexicon())
    assert location is not None and location.name == "Ankara"
    assert reason == "place_from_dateline"


def test_a_district_of_a_large_turkish_city_gives_the_city() -> None:
    location = _place_of(
        "Dışişleri Bakanı Ayşe Karaman, Moldova Dışişleri Bakanı Ion Rusu ile Üsküdar'da "
        "bir araya geldi."
    )
    assert location is not None and (location.name, location.country) == ("İstanbul", "Türkiye")
