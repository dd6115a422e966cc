"""Statements in short articles of our own: who said what, in quotation marks or reported.

Each article exercises one way Turkish news gives a statement: a single-quoted post, a
quotation over paragraphs, an institution or a role noun as the speaker, relayed speech, a few
quoted words inside reported speech. People and events are invented.
"""

from __future__ import annotations

from meetings.extraction import extract
from meetings.extraction.records import ExtractedArticle, Statement
from meetings.extraction.speakers import is_institution_name

from .helpers import assert_spans_match


def _read(text: str) -> ExtractedArticle:
    article = extract(text)
    assert_spans_match(article)
    return article


def _statements(text: str) -> list[Statement]:
    return [s for m in _read(text).meetings for s in m.statements]


def _by_start(statements: list[Statement], start: str) -> Statement:
    found = [s for s in statements if s.text.startswith(start)]
    assert len(found) == 1, [(s.speaker, s.text[:40]) for s in statements]
    return found[0]


LEAD = (
    "Şili Dışişleri Bakanı Camila Rojas, Portekiz Dışişleri Bakanı Tiago Almeida Serrão ile "
    "Santiago'da bir araya geldi.\n\n"
)


def test_a_single_quoted_post_is_a_direct_quote() -> None:
    statements = _statements(
        LEAD + "Rojas, görüşmenin ardından sosyal medya hesabından yaptığı paylaşımda, "
        "'Portekiz ile yenilenebilir enerji alanında yeni bir sayfa açıyoruz.' "
        "ifadesini kullandı.\n"
    )
    post = _by_start(statements, "Portekiz ile yenilenebilir enerji")
    assert (post.speaker, post.direct) == ("Camila Rojas", True)
    assert post.text.endswith("açıyoruz.")


def test_scare_quotes_and_a_quoted_capitals_subheading_are_not_statements() -> None:
    statements = _statements(
        LEAD + "Toplantıya 'gözlemci ülke' sıfatıyla katılan Portekiz'in bakanı konuştu.\n\n"
        '"ENERJİDE YENİ BİR SAYFA AÇIYORUZ ARTIK"\n\n'
        'Rojas, "Enerjide yeni bir sayfa açıyoruz artık" dedi.\n'
    )
    assert [(s.speaker, s.text) for s in statements if s.direct] == [
        ("Camila Rojas", "Enerjide yeni bir sayfa açıyoruz artık")
    ]


def test_a_quotation_closed_only_in_the_next_paragraph_is_one_statement() -> None:
    statements = _statements(
        LEAD + "Serrão, ortak basın toplantısında şunları söyledi:\n\n"
        "\"Şili, Latin Amerika'daki en yakın ortaklarımızdan biri. Ticaretimiz büyüyor.\n\n"
        'Önümüzdeki yıl bir iş forumu düzenleyeceğiz."\n'
    )
    [quote] = [s for s in statements if s.direct]
    assert quote.speaker == "Tiago Almeida Serrão"
    assert quote.text.startswith("Şili, Latin Amerika'daki")
    assert quote.text.endswith("iş forumu düzenleyeceğiz.")


def test_a_quoted_paragraph_on_its_own_goes_on_with_the_last_speaker() -> None:
    statements = _statements(
        LEAD + 'Rojas, "Portekiz ile ilişkilerimiz her alanda gelişiyor," dedi.\n\n'
        '"Gelecek ay iki ülkenin iş insanları Lizbon\'da bir araya gelecek."\n'
    )
    second = _by_start(statements, "Gelecek ay iki ülkenin")
    assert (second.speaker, second.direct) == ("Camila Rojas", True)
    assert len([s for s in statements if s.direct]) == 2  # a statement of its own


def test_quoted_words_inside_reported_speech_are_not_a_direct_quote() -> None:
    statements = _statements(
        LEAD + 'Rojas, iki ülke arasındaki ticaretin "yeni bir döneme gireceğini" söyledi.\n\n'
        'Serrão ise görüşmenin "son derece samimi ve verimli bir ortamda" geçtiğini belirtti.\n'
    )
    assert not [s for s in statements if s.direct]
    first = _by_start(statements, "iki ülke arasındaki ticaretin")
    assert first.speaker == "Camila Rojas"
    assert first.text.endswith('"yeni bir döneme gireceğini"')
    second = _by_start(statements, "görüşmenin")
    assert second.speaker == "Tiago Almeida Serrão"


def test_relayed_speech_belongs_to_the_one_whose_words_are_relayed() -> None:
    statements = _statements(
        LEAD + "Bakanlık, Rojas'ın Şili'nin Avrupa ile bağlarını güçlendireceğini "
        "vurguladığını bildirdi.\n\n"
        "Açıklamada, Serrão'nun iki ülkenin balıkçılık alanında ortak çalışacağını "
        "söylediği aktarıldı.\n"
    )
    first = _by_start(statements, "Şili'nin Avrupa ile bağlarını")
    assert (first.speaker, first.direct) == ("Camila Rojas", False)
    second = _by_start(statements, "iki ülkenin balıkçılık alanında")
    assert (second.speaker, second.direct) == ("Tiago Almeida Serrão", False)


def test_an_impersonal_passive_and_unnamed_sources_are_not_statements() -> None:
    statements = _statements(
        LEAD + "Görüşmede iki ülkenin işbirliğini artıracağı belirtildi.\n\n"
        "Diplomatik kaynaklar, iki bakanın yeniden görüşmesinin beklendiğini bildirdi.\n"
    )
    assert statements == []


def test_more_reporting_verbs() -> None:
    statements = _statements(
        LEAD + "Rojas, Portekiz'in Şili için önemli bir ortak olduğuna dikkat çekti. "
        "Serrão da ülkesinin Şili'ye desteğini sürdüreceğini yineledi.\n"
    )
    first = _by_start(statements, "Portekiz'in Şili için")
    assert (first.speaker, first.direct) == ("Camila Rojas", False)
    second = _by_start(statements, "ülkesinin Şili'ye desteğini")
    assert (second.speaker, second.direct) == ("Tiago Almeida Serrão", False)


def test_an_institution_speaks_under_the_name_printed_before() -> None:
    statements = _statements(
        LEAD + "Şili Dışişleri Bakanlığından yapılan açıklamada görüşmenin ayrıntıları verildi.\n\n"
        'Bakanlık, sosyal medya hesabından yaptığı paylaşımda, "Bakanımız, Portekizli '
        'mevkidaşıyla enerji ve ticaret konularını ele aldı" ifadelerini kullandı.\n\n'
        "Kremlin, görüşmeye ilişkin yaptığı açıklamada, Rusya'nın bölgedeki gelişmeleri "
        "yakından izlediğini bildirdi.\n"
    )
    post = _by_start(statements, "Bakanımız, Portekizli")
    assert (post.speaker, post.direct) == ("Şili Dışişleri Bakanlığı", True)
    kremlin = _by_start(statements, "Rusya'nın bölgedeki")
    assert (kremlin.speaker, kremlin.direct) == ("Kremlin", False)


def test_a_role_noun_names_the_one_person_of_that_country_and_office() -> None:
    statements = _statements(
        "Türkiye'nin Lima Büyükelçisi Oya Tanrıverdi, Peru Devlet Başkanı Mateo Quispe "
        "tarafından kabul edildi.\n\n"
        'Türk Büyükelçi, görüşmenin ardından "Peru ile ilişkilerimiz güçleniyor" dedi. '
        "Peru lideri, Türkiye ile ticareti artırmak istediklerini söyledi.\n"
    )
    quote = _by_start(statements, "Peru ile ilişkilerimiz")
    assert (quote.speaker, quote.direct) == ("Oya Tanrıverdi", True)
    reported = _by_start(statements, "Türkiye ile ticareti")
    assert (reported.speaker, reported.direct) == ("Mateo Quispe", False)


def test_a_speaker_named_by_one_word_of_a_name_before_a_colon() -> None:
    statements = _statements(
        "Çin Ticaret Bakanı Zhao Minghua, Kenya Ticaret Bakanı Grace Wanjiru ile Pekin'de "
        "görüştü.\n\n"
        "Zhao, görüşmenin ardından şunları kaydetti:\n\n"
        '"Kenya ile ticaretimizi dengeli bir biçimde büyütmek istiyoruz."\n'
    )
    quote = _by_start(statements, "Kenya ile ticaretimizi")
    assert (quote.speaker, quote.direct) == ("Zhao Minghua", True)


def test_a_sentence_with_two_reporting_verbs_gives_two_statements_by_one_speaker() -> None:
    statements = _statements(
        LEAD + "Rojas, bölgesel işbirliğinin önemli olduğunu belirterek, iki ülkenin "
        "Pasifik'te ortak projeler geliştireceğini söyledi. Serrão ile görüşmesinde ise "
        "Şili'nin Avrupa pazarına açılmak istediğini vurguladı.\n"
    )
    first = _by_start(statements, "bölgesel işbirliğinin önemli")
    second = _by_start(statements, "iki ülkenin Pasifik'te")
    third = _by_start(statements, "Şili'nin Avrupa pazarına")
    assert {first.speaker, second.speaker, third.speaker} == {"Camila Rojas"}
    assert not (first.direct or second.direct or third.direct)


def test_a_quotation_inside_a_sentence_that_reads_as_a_whole_statement_is_direct() -> None:
    statements = _statements(
        LEAD + 'Rojas, görüşmede "Portekiz ile birlikte yeni pazarlara açılacağız" '
        "mesajını verdi.\n"
    )
    quote = _by_start(statements, "Portekiz ile birlikte")
    assert (quote.speaker, quote.direct) == ("Camila Rojas", True)


def test_a_headline_or_subheading_that_repeats_a_quotation_is_not_a_statement() -> None:
    statements = _statements(
        'Rojas: "Portekiz ile yeni bir dönem başlıyor"\n\n'
        + LEAD
        + '"Yeni bir dönem başlıyor"\n\n'
        + 'Rojas, "Portekiz ile ilişkilerimizde yeni bir dönem başlıyor," dedi.\n'
    )
    assert [s.text for s in statements if s.direct] == [
        "Portekiz ile ilişkilerimizde yeni bir dönem başlıyor,"
    ]


def test_reported_speech_with_altini_cizdi_and_sozlerine_ekledi() -> None:
    statements = _statements(
        LEAD + "Rojas, iki ülkenin ortak değerlere sahip olduğunun altını çizdi. "
        "Serrão ise ticaretin iki katına çıkabileceğini sözlerine ekledi.\n"
    )
    first = _by_start(statements, "iki ülkenin ortak değerlere")
    assert (first.speaker, first.direct) == ("Camila Rojas", False)
    second = _by_start(statements, "ticaretin iki katına")
    assert (second.speaker, second.direct) == ("Tiago Almeida Serrão", False)


def test_an_institution_speaker_can_be_told_from_a_person() -> None:
    assert is_institution_name("Şili Dışişleri Bakanlığı")
    assert is_institution_name("Kremlin")
    assert is_institution_name("Bakanlık")
    assert not is_institution_name("Camila Rojas")
    assert not is_institution_name("Zhao Minghua")


def test_a_quoted_name_in_title_case_is_not_a_statement() -> None:
    statements = _statements(
        LEAD + 'İki bakan, "Pasifik Kıyısı Yenilenebilir Enerji Ortaklığı Girişimi" '
        "kapsamındaki projeleri ele aldı.\n"
    )
    assert [s for s in statements if s.direct] == []


def test_a_quotation_opening_its_sentence_is_by_the_one_the_last_sentence_named() -> None:
    statements = _statements(
        LEAD + "Rojas, görüşmenin ardından gazetecilerin sorularını yanıtladı. "
        '"Portekiz ile enerji alanında yeni adımlar atacağız," dedi.\n'
    )
    quote = _by_start(statements, "Portekiz ile enerji alanında")
    assert (quote.speaker, quote.direct) == ("Camila Rojas", True)


def test_a_written_statement_of_an_institution_quoted_after_a_colon() -> None:
    statements = _statements(
        LEAD + "Portekiz Dışişleri Bakanlığından yapılan yazılı açıklamada şu ifadelere "
        'yer verildi: "Şili ile ilişkilerimizi her alanda derinleştirmeye kararlıyız."\n'
    )
    quote = _by_start(statements, "Şili ile ilişkilerimizi")
    assert (quote.speaker, quote.direct) == ("Portekiz Dışişleri Bakanlığı", True)


def test_a_clause_after_an_adverbial_goes_on_with_the_last_speaker() -> None:
    statements = _statements(
        LEAD + "Rojas, iki ülkenin ticaret hacmini artırmak istediğini söyledi. "
        "Öte yandan, Portekiz'in Şili'deki yatırımlarının süreceğini vurguladı.\n"
    )
    second = _by_start(statements, "Portekiz'in Şili'deki")
    assert (second.speaker, second.direct) == ("Camila Rojas", False)


def test_a_bare_office_names_the_one_person_holding_it() -> None:
    statements = _statements(
        "Şili Dışişleri Bakanı Camila Rojas, Portekiz Devlet Başkanı Tiago Almeida Serrão "
        "tarafından Lizbon'da kabul edildi.\n\n"
        'Bakan, görüşmenin ardından "Portekiz ile ilişkilerimiz güçleniyor" dedi.\n'
    )
    quote = _by_start(statements, "Portekiz ile ilişkilerimiz")
    assert (quote.speaker, quote.direct) == ("Camila Rojas", True)


def test_a_speaker_never_titled_is_kept_as_printed() -> None:
    statements = _statements(
        LEAD + 'Sözcü Marisol Peña ise "Görüşme son derece verimli geçti" dedi. '
        'Valdivia de "İki ülke arasında yeni bir dönem başlıyor" diye konuştu.\n'
    )
    quote = _by_start(statements, "İki ülke arasında")
    assert (quote.speaker, quote.direct) == ("Valdivia", True)


def test_a_speaker_in_the_genitive_before_a_colon() -> None:
    statements = _statements(
        LEAD + "Rojas'ın görüşmenin ardından yaptığı açıklama şöyle:\n\n"
        '"Portekiz ile enerji ve ticaret alanlarında yeni anlaşmalar imzalayacağız."\n'
    )
    quote = _by_start(statements, "Portekiz ile enerji")
    assert (quote.speaker, quote.direct) == ("Camila Rojas", True)


def test_quoted_words_before_dikkat_cekti_are_reported_speech() -> None:
    statements = _statements(
        LEAD + 'Rojas, ticaretin "son yıllarda iki katına çıktığına" dikkat çekti.\n'
    )
    assert not [s for s in statements if s.direct]
    reported = _by_start(statements, "ticaretin")
    assert reported.speaker == "Camila Rojas"


def test_a_speaker_given_by_a_participle_and_a_name_nobody_titled() -> None:
    statements = _statements(
        LEAD + "Görüşmeyi değerlendiren el-Mansuri, şöyle devam etti: "
        '"İki ülke arasındaki bağlar her geçen gün güçleniyor."\n'
    )
    quote = _by_start(statements, "İki ülke arasındaki bağlar")
    assert (quote.speaker, quote.direct) == ("el-Mansuri", True)


def test_reported_speech_by_a_participle_and_a_name_nobody_titled() -> None:
    statements = _statements(
        LEAD + "Görüşmenin verimli geçtiğini belirten el-Mansuri, iki ülkenin yakında yeni "
        "bir anlaşma imzalayacağını söyledi.\n"
    )
    first = _by_start(statements, "Görüşmenin verimli geçtiğini")
    assert (first.speaker, first.direct) == ("el-Mansuri", False)


def test_a_quoted_paragraph_after_reported_speech_goes_on_with_its_speaker() -> None:
    statements = _statements(
        LEAD + "Serrão, iki ülkenin yenilenebilir enerjide birlikte çalışacağını söyledi.\n\n"
        '"Şili ile ortak projelerimizi önümüzdeki yıl hayata geçireceğiz."\n'
    )
    quote = _by_start(statements, "Şili ile ortak projelerimizi")
    assert (quote.speaker, quote.direct) == ("Tiago Almeida Serrão", True)


def test_a_quotation_with_a_quoted_term_inside_is_one_quotation() -> None:
    statements = _statements(
        LEAD + 'Rojas, "Biz bu süreci "yeşil dönüşüm" olarak görüyoruz ve kararlıyız" dedi.\n'
    )
    [quote] = [s for s in statements if s.direct]
    assert quote.speaker == "Camila Rojas"
    assert quote.text == 'Biz bu süreci "yeşil dönüşüm" olarak görüyoruz ve kararlıyız'


def test_an_institution_speaker_is_marked_so_it_never_becomes_a_person() -> None:
    article = extract(
        " date 2025-05-06 Kabul\n\n"
        "Cumhurbaşkanı Ahmet Yalçın, Peru Başbakanı Luis Vargas'ı kabul etti.\n\n"
        'Dışişleri Bakanlığı, "İki ülke arasındaki ilişkiler güçleniyor" ifadelerini '
        "kullandı. Vargas, ziyaretten memnun olduğunu söyledi.\n",
        "institution.txt",
    )
    said = [(s.speaker, s.institution) for m in article.meetings for s in m.statements]
    assert said == [("Dışişleri Bakanlığı", True), ("Luis Vargas", False)]
