"""Who met whom, and how many meetings: the annotation guide's rules on our own articles.

Every article here is invented for these tests (people, events and words); none is taken
from the news or from the development set.
"""

from __future__ import annotations

from meetings.extraction import ExtractedArticle, extract
from meetings.extraction.records import Meeting

from .helpers import assert_spans_match, roles


def read(text: str) -> ExtractedArticle:
    """Extract an article given as text, checking every span."""
    article = extract(text, "test.txt")
    assert_spans_match(article)
    return article


def pairs(article: ExtractedArticle) -> list[tuple[str, list[str]]]:
    """(host, guests) of each meeting, in order."""
    out = []
    for m in article.meetings:
        r = roles(m)
        hosts = [n for n, role in r.items() if role == "host"]
        assert len(hosts) == 1, r
        out.append((hosts[0], sorted(n for n, role in r.items() if role == "guest")))
    return out


def only(article: ExtractedArticle) -> Meeting:
    assert len(article.meetings) == 1, pairs(article)
    return article.meetings[0]


def test_a_passive_reception_makes_the_agent_the_host() -> None:
    a = read(
        " date 2025-05-06 Büyükelçi Demir kabul edildi\n\n"
        "Türkiye'nin Lizbon Büyükelçisi Selin Demir, Portekiz Cumhurbaşkanı Rui Matos "
        "tarafından kabul edildi.\n"
    )
    assert pairs(a) == [("Rui Matos", ["Selin Demir"])]


def test_a_visit_makes_the_visited_official_the_host() -> None:
    a = read(
        " date 2025-05-06 Bakan Kaya, Başbakan Jansen'i ziyaret etti\n\n"
        "Ticaret Bakanı Orhan Kaya, Hollanda Başbakanı Pieter Jansen'i makamında ziyaret etti.\n"
    )
    assert pairs(a) == [("Pieter Jansen", ["Orhan Kaya"])]


def test_a_headline_saying_only_that_they_met_does_not_make_both_hosts() -> None:
    # The lead says who visited whom; the headline's "ile görüştü" must not outrank it.
    a = read(
        " date 2025-05-06 Bakan Kaya, Şili Devlet Başkanı ile görüştü\n\n"
        "Ticaret Bakanı Orhan Kaya, Şili Devlet Başkanı Andres Rojas'ı Santiago'da ziyaret "
        "etti.\n"
    )
    assert pairs(a) == [("Andres Rojas", ["Orhan Kaya"])]


def test_talks_abroad_are_hosted_by_the_official_of_the_place() -> None:
    a = read(
        " date 2025-05-06 Kaya Lizbon'da\n\n"
        "Ticaret Bakanı Orhan Kaya, Lizbon'da Portekiz Ekonomi Bakanı Joao Pires ile bir "
        "araya geldi.\n"
    )
    assert pairs(a) == [("Joao Pires", ["Orhan Kaya"])]


def test_a_round_of_calls_is_one_meeting_per_call_without_a_place() -> None:
    a = read(
        " date 2025-05-06 Bakan Kaya'dan telefon diplomasisi\n\n"
        "ANKARA – Dışişleri Bakanı Orhan Kaya, Norveç Dışişleri Bakanı Lars Berg, Peru "
        "Dışişleri Bakanı Ana Quispe ve Vietnam Dışişleri Bakanı Tran Van Minh ile ayrı ayrı "
        "telefonda görüştü.\n\n"
        "Kaya, Quispe ile görüşmesinde ticaret anlaşmasını ele aldığını söyledi.\n"
    )
    assert pairs(a) == [
        ("Orhan Kaya", ["Lars Berg"]),
        ("Orhan Kaya", ["Ana Quispe"]),
        ("Orhan Kaya", ["Tran Van Minh"]),
    ]
    assert all(m.kind == "phone_call" and m.location is None for m in a.meetings)
    # The sentence about the call with Quispe belongs to that call.
    assert [len(m.statements) for m in a.meetings] == [0, 1, 0]


def test_each_ambassador_of_a_credentials_ceremony_has_a_meeting() -> None:
    a = read(
        " date 2025-03-04 Güven mektupları sunuldu\n\n"
        "Norveç ve Peru'nun yeni büyükelçileri, Cumhurbaşkanı Ahmet Yalçın'a güven "
        "mektuplarını sundu.\n\n"
        "Törende Norveç Büyükelçisi Ingrid Dahl ve Peru Büyükelçisi Carlos Huaman sırasıyla "
        "güven mektuplarını sundu.\n"
    )
    assert pairs(a) == [("Ahmet Yalçın", ["Ingrid Dahl"]), ("Ahmet Yalçın", ["Carlos Huaman"])]


def test_a_host_met_by_unnamed_people_is_no_meeting() -> None:
    a = read(
        " date 2025-05-06 Kaya iş dünyasıyla görüştü\n\n"
        "Ticaret Bakanı Orhan Kaya, Lizbon'da iş dünyası temsilcileriyle bir araya geldi.\n"
    )
    assert a.meetings == []


def test_a_meeting_told_in_the_pluperfect_after_the_main_one_is_a_second_meeting() -> None:
    a = read(
        " date 2025-05-06 Vali, konuk bakanı kabul etti\n\n"
        "Macaristan Başbakanı Tomas Varga, Budapeşte'de temaslarda bulunan Ticaret Bakanı "
        "Orhan Kaya'yı dün kabul etti.\n\n"
        "Kaya, kabulden önce aynı gün Macaristan Ekonomi Bakanı Gabor Nemeth ile de "
        "görüşmüştü.\n"
    )
    assert pairs(a) == [("Tomas Varga", ["Orhan Kaya"]), ("Gabor Nemeth", ["Orhan Kaya"])]
    assert [m.date.iso() for m in a.meetings] == ["2025-05-05", "2025-05-05"]
    # The second meeting took place in the city of the visit.
    assert [m.location and m.location.country for m in a.meetings] == ["Macaristan"] * 2


def test_the_inviter_hosts_the_visit() -> None:
    a = read(
        " date 2025-05-06 Konuk bakan Ankara'da\n\n"
        "TBMM Başkanı Murat Ersoy'un davetiyle Türkiye'de bulunan Peru Başbakanı Luis Vargas, "
        "Ersoy ile görüştü.\n"
    )
    assert pairs(a) == [("Murat Ersoy", ["Luis Vargas"])]


def test_a_role_noun_names_the_guest_of_the_article() -> None:
    a = read(
        " date 2025-05-06 Kabul\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Vargas'ı kabul etti.\n\n"
        "Konuk Başbakan, aynı gün TBMM Başkanı Murat Ersoy ile de görüşmüştü.\n"
    )
    assert pairs(a)[1] == ("Murat Ersoy", ["Luis Vargas"])


def test_a_misspelt_later_surname_is_the_same_person() -> None:
    a = read(
        " date 2025-05-06 Kabul\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Valderrama'yı kabul etti.\n\n"
        "Valderama, iki ülke arasındaki ticaretin artacağını söyledi.\n"
    )
    m = only(a)
    assert [p.name for p in m.participants] == ["Ahmet Yalçın", "Luis Valderrama"]
    assert [s.speaker for s in m.statements] == ["Luis Valderrama"]
    assert a.mentioned_persons == []


def test_an_honorific_is_left_out_and_a_shorter_form_is_the_same_person() -> None:
    a = read(
        " date 2025-05-06 Emir Bin Halid, Bakan Kaya'yı kabul etti\n\n"
        "Katar Emiri Şeyh Fahad bin Halid Al Rumi, Ticaret Bakanı Orhan Kaya'yı Doha'da "
        "kabul etti.\n"
    )
    assert pairs(a) == [("Fahad bin Halid Al Rumi", ["Orhan Kaya"])]


def test_a_short_form_in_the_headline_takes_the_full_name_from_the_lead() -> None:
    a = read(
        " date 2025-05-06 Başkan Matos, Kaya'yı kabul etti\n\n"
        "Portekiz Cumhurbaşkanı Rui Matos Ferreira da Costa, Ticaret Bakanı Orhan Kaya'yı "
        "kabul etti.\n"
    )
    assert pairs(a) == [("Rui Matos Ferreira da Costa", ["Orhan Kaya"])]


def test_people_present_and_signatories_join_the_meeting() -> None:
    a = read(
        " date 2025-05-06 Kabul\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Vargas'ı kabul etti. Kabulde "
        "Dışişleri Bakanı Orhan Kaya da hazır bulundu.\n\n"
        "Anlaşmayı Türkiye adına Kaya, Peru adına ise Dışişleri Bakanı Rosa Mamani imzaladı.\n"
    )
    assert roles(only(a)) == {
        "Ahmet Yalçın": "host",
        "Luis Vargas": "guest",
        "Orhan Kaya": "delegation",
        "Rosa Mamani": "delegation",
    }


def test_at_a_summit_abroad_the_sentence_subject_hosts() -> None:
    a = read(
        " date 2025-05-06 Zirvede görüşme\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Brezilya'da düzenlenen zirve marjında Norveç Başbakanı "
        "Erik Holm ile bir araya geldi.\n"
    )
    m = only(a)
    assert pairs(a) == [("Ahmet Yalçın", ["Erik Holm"])]
    assert m.kind == "summit"


def test_an_untitled_subject_opening_the_sentence_is_found() -> None:
    a = read(
        " date 2025-05-06 Kaya ile Holm görüştü\n\n"
        "Kaya, Oslo'da Norveç Dışişleri Bakanı Erik Holm ile görüşme gerçekleştirdi.\n"
    )
    assert pairs(a) == [("Erik Holm", ["Kaya"])]
    assert "surname_only" in only(a).review


def test_a_name_given_no_title_and_said_to_be_present_is_delegation() -> None:
    a = read(
        " date 2025-05-06 Kabul\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Vargas'ı kabul etti. Görüşmede "
        "Quispe de hazır bulundu. Peru İnsan Hakları ve Adalet Bakanlığı da temsil edildi.\n"
    )
    assert roles(only(a)) == {
        "Ahmet Yalçın": "host",
        "Luis Vargas": "guest",
        "Quispe": "delegation",
    }


def test_a_short_form_keeps_naming_the_person_it_named_first() -> None:
    # Two princes share "bin Halid"; the short form the article used for the host stays his.
    a = read(
        " date 2025-05-06 Emir Bin Halid, Bakan Kaya'yı kabul etti\n\n"
        "Katar Emiri Şeyh Fahad bin Halid Al Rumi, Ticaret Bakanı Orhan Kaya'yı kabul etti. "
        "Bin Halid, görüşmede ticaretin önemine değindi. Görüşmeye Katar Ulusal Güvenlik "
        "Danışmanı Şeyh Nasır bin Halid Al Rumi de katıldı.\n\n"
        "Bin Halid, iki ülkenin ortaklığını genişletmeye kararlı olduklarını söyledi.\n"
    )
    assert [s.speaker for s in only(a).statements] == ["Fahad bin Halid Al Rumi"]


def test_statements_without_a_meeting_are_kept_under_one_flagged_for_review() -> None:
    a = read(
        " date 2025-05-06 Açıklama\n\n"
        "Dışişleri Bakanı Orhan Kaya, bölgedeki gelişmelerin yakından izlendiğini söyledi.\n"
    )
    m = only(a)
    assert (m.kind, m.participants, m.review) == ("other", [], ["no_meeting"])
    assert [s.speaker for s in m.statements] == ["Orhan Kaya"]


def test_a_call_is_hosted_by_the_subject_of_the_headline_and_lead() -> None:
    a = read(
        "Yalçın ile Holm telefonda görüştü\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Norveç Başbakanı Erik Holm ile telefonda görüştü.\n"
    )
    assert pairs(a) == [("Ahmet Yalçın", ["Erik Holm"])]


def test_a_name_never_runs_over_a_paragraph_break() -> None:
    a = read(
        " date 2025-05-06 Başlık\n\n"
        "Norveç Başbakanı Erik Holm Ankara'ya geldi. Yalçın, Erik\n\nHolm ile görüştü.\n"
    )
    spans = [
        a.text[s:e]
        for p in a.mentioned_persons + [q for m in a.meetings for q in m.participants]
        for s, e in p.spans
    ]
    assert spans and all("\n" not in s for s in spans), spans
