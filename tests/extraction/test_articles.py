"""Short articles of our own, one test each: what a reader takes from them.

They cover countries, people, verbs, quote styles, agreement kinds, dates and encodings the
seeds do not, so that passing them says something about articles nobody has seen yet.
"""

from __future__ import annotations

from .helpers import article, only_meeting, person, roles, said


def test_ile_gorustu_with_a_day_in_the_body_and_a_signed_memorandum() -> None:
    a = article("01_ile_gorustu_mutabakat.txt")
    m = only_meeting(a)  # the headline tells the same meeting, it does not make a second
    assert m.kind == "talks"
    assert (m.date.iso(), m.date.precision) == ("2023-09-12", "day")
    assert m.location and (m.location.name, m.location.country) == ("Ankara", "Türkiye")
    assert roles(m) == {"Hakan Fidan": "host", "Peter Szijjarto": "guest"}
    szijjarto = person(m, "Peter Szijjarto")
    assert szijjarto.title == "Macaristan Dışişleri ve Dış Ticaret Bakanı"
    assert szijjarto.country == "Macaristan"
    assert said(m, "Hakan Fidan", direct=True)[0].startswith("Macaristan ile ilişkilerimiz")
    reported = said(m, "Peter Szijjarto", direct=False)
    assert reported == ["Türkiye'nin bölgedeki arabuluculuk çabalarını desteklediklerini"]
    [memorandum] = m.agreements
    assert memorandum.name == "mutabakat zaptı"
    assert memorandum.status == "signed"
    assert sorted(memorandum.parties) == ["Macaristan", "Türkiye"]


def test_two_meetings_in_one_article_stay_apart() -> None:
    a = article("02_iki_gorusme.txt")
    first, second = a.meetings
    assert set(roles(first)) == {"Hakan Fidan", "Antony Blinken"}
    assert set(roles(second)) == {"Hakan Fidan", "Antonio Guterres"}
    assert first.location and first.location.name == "Washington"
    assert second.location and second.location.name == "New York"
    # In Washington the American minister is the host.
    assert roles(first)["Antony Blinken"] == "host"
    assert person(second, "Antonio Guterres").title == "Birleşmiş Milletler Genel Sekreteri"
    assert said(first, "Antony Blinken", direct=True) == [
        "Türkiye, NATO içinde vazgeçilmez bir müttefiktir"
    ]
    assert said(second, "Antonio Guterres", direct=False) == [
        "insani yardımların kesintisiz ulaştırılması gerektiğini"
    ]
    assert all(m.date.iso() == "2024-01" for m in a.meetings)


def test_agirladi_with_a_first_name_that_is_also_a_month() -> None:
    m = only_meeting(article("03_agirladi.txt"))
    assert m.kind == "reception"
    assert roles(m) == {"Şevket Mirziyoyev": "host", "Kasım Cömert Tokayev": "guest"}
    assert person(m, "Kasım Cömert Tokayev").title == "Kazakistan Cumhurbaşkanı"
    assert m.location and (m.location.name, m.location.country) == ("Taşkent", "Özbekistan")
    [quote] = said(m, "Şevket Mirziyoyev", direct=True)
    assert quote.endswith("10 milyar dolara çıkarmayı hedefliyoruz")
    assert said(m, "Kasım Cömert Tokayev", direct=False)
    # "5 protokol imzalandı" counts documents without naming one: not an agreement (GUIDE).
    assert m.agreements == []


def test_a_telephone_call_has_no_place() -> None:
    a = article("04_telefon.txt")
    m = only_meeting(a)
    assert m.kind == "phone_call"
    assert m.location is None
    assert set(roles(m)) == {"Emmanuel Macron", "Olaf Scholz"}
    assert person(m, "Olaf Scholz").country == "Almanya"
    assert said(m, "Olaf Scholz", direct=False) == [
        "Almanya'nın Fransa ile birlikte hareket etmeye kararlı olduğunu"
    ]
    assert "no date in the article" in a.warnings


def test_cp1254_with_crlf_line_ends() -> None:
    a = article("05_cp1254_crlf.txt")
    assert "\r" not in a.text
    m = only_meeting(a)
    # "İrakli" is a name even though "Iraklı" (from Iraq) folds to the same letters.
    assert roles(m) == {"İrakli Garibaşvili": "host", "Nikol Paşinyan": "guest"}
    assert m.location and (m.location.name, m.location.country) == ("Tiflis", "Gürcistan")
    [quote] = said(m, "İrakli Garibaşvili", direct=True)
    # The hard line break inside the quote is unwrapped to one space.
    assert "istikrarın savunucusu" in quote


def test_utf16_and_a_joint_statement() -> None:
    m = only_meeting(article("06_utf16_bom.txt"))
    assert roles(m) == {"Fumio Kişida": "host", "Yoon Suk-yeol": "guest"}
    yoon = person(m, "Yoon Suk-yeol")
    assert (yoon.title, yoon.country) == ("Güney Kore Devlet Başkanı", "Güney Kore")
    [statement] = m.agreements
    assert statement.name == "ortak açıklama"
    assert statement.status == "signed"
    assert sorted(statement.parties) == ["Güney Kore", "Japonya"]


def test_typographic_quotes_and_apostrophes() -> None:
    a = article("07_typographic_quotes.txt")
    m = only_meeting(a)
    assert "’" not in a.text  # apostrophes inside words are the plain one now
    assert roles(m) == {"Giorgia Meloni": "host", "Kays Said": "guest"}
    assert said(m, "Giorgia Meloni", direct=True) == [
        "Akdeniz'in iki yakası arasında yeni bir ortaklık kurmamız gerekiyor"
    ]
    assert said(m, "Kays Said", direct=True) == ["Tunus, kimsenin sınır bekçisi olmayacak"]
    [memorandum] = m.agreements
    assert memorandum.status == "proposed"  # "imzalanması için çalışmalar sürüyor"


def test_an_unclosed_quote_ends_at_its_attribution_verb() -> None:
    m = only_meeting(article("08_unclosed_quote.txt"))
    [quote] = said(m, "Justin Trudeau", direct=True)
    assert quote.startswith("Kuzey Amerika'nın ekonomik geleceği")
    assert quote.endswith("Tedarik zincirlerini birlikte güçlendireceğiz.")
    assert "diye konuştu" not in quote
    assert roles(m)["Andres Manuel Lopez Obrador"] == "host"  # they met in Mexico City
    [trade] = m.agreements
    assert trade.mentions[0].text == "serbest ticaret anlaşması"
    assert sorted(trade.parties) == ["Kanada", "Meksika"]


def test_a_colon_before_the_quote_and_a_speaker_after_it() -> None:
    m = only_meeting(article("09_colon_and_postposed.txt"))
    assert (m.date.iso(), m.date.precision) == ("2023-06-14", "day")
    [colon_quote] = said(m, "Jonas Gahr Störe", direct=True)
    assert colon_quote.startswith("Kuzey ülkeleri olarak güvenliğimizi")
    assert said(m, "Sauli Niinistö", direct=True) == [
        "Arktik bölgesinde işbirliğimizi genişletmeye hazırız"
    ]
    assert said(m, "Sauli Niinistö", direct=False) == [
        "iki ülkenin enerji alanında da ortak projeler yürüteceğini"
    ]


def test_a_day_in_the_body_takes_its_year_from_the_header() -> None:
    m = only_meeting(article("10_protokol_day_in_body.txt"))
    assert (m.date.iso(), m.date.precision) == ("2023-11-21", "day")
    host = person(m, "Temim bin Hamed Al Sani")
    assert (host.role, host.title, host.country) == ("host", "Katar Emiri", "Katar")
    assert person(m, "Joko Widodo").role == "guest"
    [protocol] = m.agreements
    assert (protocol.name, protocol.status) == ("protokol", "signed")


def test_no_date_is_a_warning_not_a_guess() -> None:
    a = article("11_deklarasyon_no_date.txt")
    m = only_meeting(a)
    assert m.date.precision == "unknown" and m.date.iso() is None
    assert "no date in the article" in a.warnings
    [declaration] = m.agreements
    assert declaration.status == "signed"
    assert sorted(declaration.parties) == ["Polonya", "Ukrayna"]
    assert said(m, "Andrzej Duda", direct=False)


def test_dr_does_not_end_a_sentence_and_first_name_refers_back() -> None:
    a = article("12_dr_abbreviation_antlasma.txt")
    m = only_meeting(a)
    tedros = person(m, "Tedros Adhanom Ghebreyesus")
    assert tedros.role == "guest"
    assert tedros.title == "Dünya Sağlık Örgütü (DSÖ) Genel Direktörü"
    # "Dr. Tedros, "…" dedi": the same person, not a new one.
    assert said(m, "Tedros Adhanom Ghebreyesus", direct=True)
    assert not a.mentioned_persons
    [treaty] = m.agreements
    assert (treaty.name, treaty.status) == ("Pandemi Antlaşması", "proposed")


def test_delegation_with_a_plural_title() -> None:
    m = only_meeting(article("13_delegation_plural.txt"))
    assert roles(m) == {
        "Serdar Berdimuhamedov": "host",
        "Mehmet Muş": "guest",
        "Rıza Tuna Turagay": "delegation",
        "Sezai Uçarmak": "delegation",
        "Ahmet Yılmaz": "delegation",
    }
    assert person(m, "Sezai Uçarmak").title == "Ticaret Bakan Yardımcısı"
    assert person(m, "Ahmet Yılmaz").country == "Türkiye"  # the guest's delegation
    assert said(m, "Serdar Berdimuhamedov", direct=True)
    assert said(m, "Serdar Berdimuhamedov", direct=False)


def test_ziyaret_etti_and_name_particles() -> None:
    m = only_meeting(article("14_ziyaret_etti_particles.txt"))
    assert m.kind == "visit"
    assert roles(m) == {"Abdulfettah es-Sisi": "host", "Muhammed bin Selman": "guest"}
    assert person(m, "Muhammed bin Selman").country == "Suudi Arabistan"
    assert said(m, "Abdulfettah es-Sisi", direct=True)  # "Sisi" refers back to "es-Sisi"


def test_the_passive_tarafindan_kabul_edildi() -> None:
    m = only_meeting(article("15_passive_kabul_edildi.txt"))
    assert roles(m) == {"Luiz Inacio Lula da Silva": "host", "Wang Yi": "guest"}
    assert m.location and m.location.country == "Brezilya"
    assert said(m, "Luiz Inacio Lula da Silva", direct=True)
    assert said(m, "Wang Yi", direct=False)


def test_an_article_without_a_meeting_keeps_its_quote() -> None:
    a = article("16_no_meeting.txt")
    assert "no meeting found" in a.warnings
    [m] = a.meetings
    assert m.kind == "other" and not m.participants
    assert said(m, "Karl Nehammer", direct=True)
    assert [p.name for p in a.mentioned_persons] == ["Karl Nehammer"]


def test_a_quote_nobody_is_said_to_have_said_is_kept_with_a_warning() -> None:
    a = article("17_unknown_speaker.txt")
    m = only_meeting(a)
    assert said(m, None, direct=True) == [
        "İki ülke arasında sınır ticaretini kolaylaştıracak yeni adımlar atılacak."
    ]
    assert any(w.startswith("a quote with an unknown speaker") for w in a.warnings)
    assert said(m, "Javier Milei", direct=True)
    assert person(m, "Gabriel Boric").country == "Şili"


def test_iso_8859_9_and_a_headline_repeated_by_the_lead() -> None:
    a = article("18_iso8859_9_headline.txt")
    m = only_meeting(a)
    assert a.source.title.startswith("Sırbistan Cumhurbaşkanı Vucic:")
    quotes = said(m, "Aleksandar Vucic", direct=True)
    assert quotes == ["Macaristan ile ilişkilerimiz hiç bu kadar iyi olmamıştı"]
    assert roles(m) == {"Aleksandar Vucic": "host", "Viktor Orban": "guest"}


def test_a_counterpart_takes_the_office_of_the_one_he_meets() -> None:
    m = only_meeting(article("19_mevkidas.txt"))
    arakci = person(m, "Abbas Arakçi")
    assert (arakci.title, arakci.country) == ("İran Dışişleri Bakanı", "İran")
    assert roles(m) == {"Abbas Arakçi": "host", "Hakan Fidan": "guest"}  # they met in Tehran


def test_a_quote_over_two_paragraphs_and_a_second_meeting_of_ministers() -> None:
    a = article("20_multi_paragraph_quote.txt")
    leaders, ministers = a.meetings
    assert leaders.location and leaders.location.name == "İstanbul"
    assert leaders.location.country == "Türkiye"
    assert roles(leaders) == {"Recep Tayyip Erdoğan": "host", "Viktor Orban": "guest"}
    # The second paragraph reopens the quotation mark: one quotation, still Erdoğan speaking.
    [quote] = said(leaders, "Recep Tayyip Erdoğan", direct=True)
    assert quote.startswith("Macaristan ile ilişkilerimizi")
    assert quote.endswith("Bu yıl yeni projeleri hayata geçireceğiz.")
    assert not any(w.startswith("a quote with an unknown speaker") for w in a.warnings)
    assert set(roles(ministers)) == {"Hakan Fidan", "Peter Szijjarto"}
    assert person(ministers, "Peter Szijjarto").title is None  # "mevkidaşı" names no office
    assert (ministers.date.iso(), ministers.date.precision) == ("2024-02-07", "day")


def test_two_leaders_as_one_subject_at_a_summit_abroad() -> None:
    m = only_meeting(article("21_coordinated_summit.txt"))
    assert m.kind == "summit"
    assert m.location and (m.location.name, m.location.country) == ("Vilnius", "Litvanya")
    # "Biden ve Erdoğan, … bir araya geldi" in a third country: neither is at home, so the
    # sentence's subject (the one the comma closes) hosts, as the annotation guide says.
    assert roles(m) == {"Joe Biden": "guest", "Recep Tayyip Erdoğan": "host"}
    assert said(m, "Joe Biden", direct=True) == [
        "İsveç'in üyeliği konusunda attığınız adım için teşekkür ederim."
    ]
    assert said(m, "Recep Tayyip Erdoğan", direct=False) == [
        "Türkiye'nin F-16 taleplerinin karşılanmasını beklediğini"
    ]
