"""Agreements as a careful reader counts them: one cluster per document, every later reference
in it, and nothing that only sounds like an agreement.

Short invented articles, one phenomenon each (devset GUIDE, "agreements").
"""

from __future__ import annotations

from meetings.extraction import extract
from meetings.extraction.records import Agreement

from .helpers import assert_spans_match

_LEAD = (
    "date 2025-03-04\n"
    "Moldova Cumhurbaşkanı Irina Vasilescu, Kişinev'e gelen Gürcistan Başbakanı Levan "
    "Beridze'yi kabul etti.\n\n"
)


def _agreements(body: str) -> list[Agreement]:
    article = extract(_LEAD + body, "invented.txt")
    assert_spans_match(article)
    return [a for m in article.meetings for a in m.agreements]


def _clusters(body: str) -> list[list[str]]:
    return [[m.text for m in a.mentions] for a in _agreements(body)]


def test_each_document_of_a_signed_list_is_its_own_agreement() -> None:
    body = (
        "Görüşmenin ardından iki ülke arasında Denizcilik Protokolü, turizm alanında "
        "işbirliğine dair mutabakat zaptı, kültür alanında işbirliğine dair mutabakat zaptı "
        "ve Karayolu Taşımacılığı Anlaşması imzalandı."
    )
    assert _clusters(body) == [
        ["Denizcilik Protokolü"],
        ["turizm alanında işbirliğine dair mutabakat zaptı"],
        ["kültür alanında işbirliğine dair mutabakat zaptı"],
        ["Karayolu Taşımacılığı Anlaşması"],
    ]
    assert all(a.status == "signed" for a in _agreements(body))


def test_a_later_mention_of_the_document_joins_it() -> None:
    body = (
        "Görüşmede Bağ ve Şarap Ticareti Protokolü ile Sınır Kapıları Anlaşması imzalandı. "
        "Anlaşmayı Gürcistan adına Ekonomi Bakanı Nino Kapanadze imzaladı.\n\n"
        "Bu protokol, iki ülke arasındaki şarap ticaretini kolaylaştıracak. Vasilescu, sınır "
        'kapıları anlaşmasının "yeni bir dönemin başlangıcı" olduğunu söyledi. Dışişleri '
        "Bakanlığı da bir açıklama yayımladı. Bu açıklamada göç konusuna da değinildi."
    )
    clusters = _clusters(body)
    assert len(clusters) == 2
    protocol, crossings = clusters
    assert protocol == ["Bağ ve Şarap Ticareti Protokolü", "Bu protokol"]
    assert crossings == ["Sınır Kapıları Anlaşması", "Anlaşma", "sınır kapıları anlaşması"]


def test_soz_konusu_belge_refers_to_the_document_named_before() -> None:
    body = (
        "İki lider, Karadeniz'de balıkçılığın korunmasına ilişkin ortak bildiriyi imzaladı. "
        "Söz konusu belge, av yasaklarının birlikte denetlenmesini öngörüyor."
    )
    assert _clusters(body) == [
        [
            "balıkçılığın korunmasına ilişkin ortak bildiri",
            "Söz konusu belge",
        ]
    ]


def test_a_capitals_subheading_belongs_to_the_document_told_below_it() -> None:
    body = (
        "Görüşmede bölgesel konular ele alındı.\n\n"
        "ORTAK BİLDİRİ İMZALANDI\n\n"
        "Heyetler arası görüşmenin ardından taraflar, enerji nakil hatlarına ilişkin ortak "
        "bildiriyi imzaladı. Söz konusu bildiri, 2027 yılına kadar yeni bir hattın "
        "kurulmasını öngörüyor."
    )
    assert _clusters(body) == [
        [
            "ORTAK BİLDİRİ",
            "enerji nakil hatlarına ilişkin ortak bildiri",
            "Söz konusu bildiri",
        ]
    ]
    # The same subheading in title case.
    titled = body.replace("ORTAK BİLDİRİ İMZALANDI", "Ortak Bildiri İmzalandı")
    assert _clusters(titled)[0][0] == "Ortak Bildiri"
    assert len(_clusters(titled)) == 1


def test_a_name_with_ve_is_one_name() -> None:
    body = (
        "Görüşmenin ardından Gençlik ve Spor Alanında İşbirliği Deklarasyonu imzalandı. "
        "Vasilescu, Hukuk ve Adalet Reformu Bildirgesi'nin uygulanmasını da ele aldıklarını "
        "söyledi."
    )
    assert _clusters(body) == [
        ["Gençlik ve Spor Alanında İşbirliği Deklarasyonu"],
        ["Hukuk ve Adalet Reformu Bildirgesi"],
    ]


def test_a_long_name_with_iliskin_stays_one_mention_and_one_agreement() -> None:
    body = (
        "Görüşmede Moldova-Gürcistan Doğal Gaz Boru Hattının İnşasına İlişkin Hükümetlerarası "
        "Anlaşma ile Ulusal Arşivler Kurumu'nun Belgelerinin Paylaşımına İlişkin Protokol "
        'imzalandı. Beridze, "Bugün imzaladığımız boru hattı anlaşması enerji '
        'güvenliğimizi artıracak" dedi.'
    )
    assert _clusters(body) == [
        [
            "Moldova-Gürcistan Doğal Gaz Boru Hattının İnşasına İlişkin Hükümetlerarası Anlaşma",
            "boru hattı anlaşması",
        ],
        ["Ulusal Arşivler Kurumu'nun Belgelerinin Paylaşımına İlişkin Protokol"],
    ]


def test_counts_plurals_and_unanchored_nouns_are_not_agreements() -> None:
    body = (
        "Görüşmenin ardından iki ülke arasında dört anlaşma imzalandı. İmzalanan belgeler "
        "arasında üç belge tarım alanındaydı. Beridze, anlaşmaların uygulanmasının önemli "
        "olduğunu söyledi. Vasilescu da ticaret anlaşmalarının gözden geçirileceğini, 5 "
        "protokolün hazırlandığını belirtti. Taraflar, vize muafiyeti konusunda anlaşmaya "
        "vardı. Beridze, anlaşmanın önemli olduğunu ekledi."
    )
    assert _agreements(body) == []


def test_organisations_councils_letters_and_press_statements_are_not_agreements() -> None:
    body = (
        "Beridze, Kolektif Güvenlik Antlaşması Örgütü'nün bölgedeki rolünü değerlendirdi. "
        "Taraflar, Yüksek Düzeyli Stratejik İşbirliği Konseyi'nin ilk toplantısını Tiflis'te "
        "yapma kararı aldı. Gürcistan'ın yeni büyükelçisi güven mektubunu sundu. Bakanlığın "
        "açıklamasına göre, iki lider Trans-Karadeniz elektrik kablosu projesini de ele aldı. "
        'Vasilescu, "Her konuda mutabık kaldık" dedi. Liderler görüşmenin ardından basın '
        "bildirisi yayımladı. Törene il protokolü katıldı, Cumhurbaşkanlığı Protokolü eşlik "
        "etti. Dışişleri Bakanlığı da konuya ilişkin bir bildiri yayımladı. Taraflar, "
        "bölgesel konularda mutabakat içinde olduklarını vurguladı."
    )
    assert _agreements(body) == []


def test_a_name_around_a_shorter_one_is_a_single_mention() -> None:
    body = (
        "Görüşmede Tuna Nehri Anlaşması Ek Protokolü imzalandı. Beridze, Ek Protokol'ün "
        "nehir taşımacılığını kolaylaştıracağını söyledi."
    )
    agreements = _agreements(body)
    spans = sorted(m.span for a in agreements for m in a.mentions)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert [[m.text for m in a.mentions] for a in agreements][0][0] == (
        "Tuna Nehri Anlaşması Ek Protokolü"
    )
    assert len(agreements) == 1


def test_an_abbreviation_in_brackets_and_a_name_before_a_lower_case_noun() -> None:
    body = (
        "Görüşmede Tercihli Ticaret Anlaşması (TTA) imzalandı. Beridze, TTA'nın iki yıl içinde "
        "yürürlüğe gireceğini söyledi. Vasilescu da Kişinev anlaşmalarının uygulanmasını ele "
        "aldıklarını belirtti."
    )
    assert _clusters(body) == [
        ["Tercihli Ticaret Anlaşması", "TTA"],
        ["Kişinev anlaşmaları"],
    ]


def test_a_plain_noun_joins_the_agreement_its_neighbouring_words_name() -> None:
    body = (
        "Törende savunma sanayii alanında işbirliğine dair mutabakat zaptı, turizm alanında "
        "işbirliğine dair mutabakat zaptı ve Serbest Ticaret Anlaşması'na ilişkin ek protokol "
        'imzalandı. Beridze, "Savunma sanayiinde imzaladığımız mutabakat zaptı ve serbest '
        'ticaret anlaşmamız ilişkilerimizi güçlendirecek" dedi.'
    )
    assert _clusters(body) == [
        [
            "savunma sanayii alanında işbirliğine dair mutabakat zaptı",
            "imzaladığımız mutabakat zaptı",
        ],
        ["turizm alanında işbirliğine dair mutabakat zaptı"],
        # The protocol is the document; the treaty it amends is part of its description.
        ["Serbest Ticaret Anlaşması'na ilişkin ek protokol"],
        ["serbest ticaret anlaşmamız"],
    ]


def test_compounds_of_nouns_in_lik_are_agreements_of_their_own() -> None:
    body = (
        "Görüşmede vize muafiyeti anlaşması ve sosyal güvenlik anlaşması imzalandı. Sosyal "
        "güvenlik anlaşması ile iki ülkede çalışanların hakları korunacak."
    )
    assert _clusters(body) == [
        ["vize muafiyeti anlaşması"],
        ["sosyal güvenlik anlaşması", "Sosyal güvenlik anlaşması"],
    ]


def test_an_adjective_that_says_which_deal_names_it() -> None:
    body = (
        "Görüşmede İran ile imzalanan nükleer anlaşma ele alındı. Vasilescu, nükleer "
        "anlaşmaya dönülmesi gerektiğini söyledi."
    )
    assert _clusters(body) == [["nükleer anlaşma", "nükleer anlaşma"]]
