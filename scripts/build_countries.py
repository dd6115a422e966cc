"""Build fixtures/countries.json: every country with its ISO code, names and Turkish forms.

Run from the project root (babel is pinned in requirements.txt):

    .venv/bin/python scripts/build_countries.py          # write the fixture
    .venv/bin/python scripts/build_countries.py --check  # exit 1 if the committed one is stale

Sources:

- babel (CLDR, shipped with the package, nothing fetched): the Turkish and English name of
  every ISO 3166-1 alpha-2 territory, plus Kosovo's user-assigned XK;
- this file: ``_NAMES`` where CLDR's name is not the one news uses ("ABD", not "Amerika
  Birleşik Devletleri"; "Filistin", not "Filistin Bölgeleri"), ``_EXTRA`` for a state ISO
  has no code for (the KKTC gets the user-assigned XN), and ``_FORMS``, the hand-kept
  Turkish adjectives, demonyms and other names ("Rus", "Azerbaycanlı", "İngiltere").

A country ``_FORMS`` does not list gets its name as adjective ("Kenya heyeti") and the
regular demonym ("Kenyalı"), made by vowel harmony. The build refuses a form that would name
two countries. load_known_entities loads the result; migration 0008 reads it to merge rows
imported before it existed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from babel import Locale
from django.utils.text import slugify

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meetings.extraction.turkish import fold  # noqa: E402  (plain Python, no Django)

OUT = ROOT / "fixtures" / "countries.json"

# CLDR territory codes that are not countries: continents and unions, pseudo-locales, and
# codes ISO only reserves (Ascension, Clipperton, Diego Garcia, Ceuta, Canaries, Tristan).
_NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "DG", "EA", "IC", "TA"}

# code -> (Turkish, English) where CLDR's default name is not what news writes.
_NAMES: dict[str, tuple[str | None, str | None]] = {
    "BA": (None, "Bosnia and Herzegovina"),
    "CD": ("Kongo Demokratik Cumhuriyeti", "Democratic Republic of the Congo"),
    "CG": ("Kongo Cumhuriyeti", "Republic of the Congo"),
    "CI": ("Fildişi Sahili", None),
    "HK": ("Hong Kong", "Hong Kong"),
    "MM": ("Myanmar", "Myanmar"),
    "MO": ("Makao", "Macao"),
    "PS": ("Filistin", "Palestine"),
    "TL": ("Doğu Timor", None),
    "US": ("ABD", None),  # as Turkish news and agreement names write it
}

# States ISO 3166-1 has no code for: code -> (Turkish, English).
_EXTRA: dict[str, tuple[str, str]] = {
    "XN": ("Kuzey Kıbrıs Türk Cumhuriyeti", "Turkish Republic of Northern Cyprus"),
}

# code -> (adjective, demonym, other names). Adjective and demonym are the forms shown;
# every form, these names included, resolves to the country on import.
_FORMS: dict[str, tuple[str, str, list[str]]] = {
    "AE": ("BAE", "Emirlikli", ["BAE'li", "Emirlik", "Emirates", "UAE"]),
    "AF": ("Afgan", "Afgan", ["Afganistanlı"]),
    "AL": ("Arnavut", "Arnavut", ["Arnavutluklu"]),
    "AM": ("Ermeni", "Ermeni", ["Ermenistanlı", "Ermenistan Cumhuriyeti"]),
    "AZ": ("Azerbaycan", "Azerbaycanlı", ["Azeri", "Azerbaycan Cumhuriyeti"]),
    "BA": ("Bosna-Hersek", "Bosnalı", ["Boşnak", "Bosna"]),
    "BG": ("Bulgar", "Bulgar", ["Bulgaristanlı"]),
    "BS": ("Bahama", "Bahamalı", []),
    "BY": ("Belarus", "Belaruslu", ["Beyaz Rusya"]),
    "CD": ("Kongo Demokratik Cumhuriyeti", "", ["Demokratik Kongo Cumhuriyeti", "KDC"]),
    "CG": ("Kongo Cumhuriyeti", "", ["Kongo-Brazavil"]),
    "CI": ("Fildişi", "Fildişili", ["Côte d’Ivoire", "Fildişi Sahili Cumhuriyeti"]),
    "CN": ("Çin", "Çinli", ["Çin Halk Cumhuriyeti", "ÇHC"]),
    "CV": ("Yeşil Burun", "Yeşil Burunlu", ["Yeşil Burun Adaları"]),
    "CY": (
        "Kıbrıs Rum",
        "Kıbrıslı Rum",
        ["Kıbrıslı", "GKRY", "Güney Kıbrıs", "Güney Kıbrıs Rum Yönetimi", "Kıbrıs Rum Yönetimi"],
    ),
    "CZ": ("Çek", "Çek", ["Çekyalı", "Çek Cumhuriyeti", "Czech Republic"]),
    "DE": ("Alman", "Alman", ["Almanyalı", "Almanya Federal Cumhuriyeti"]),
    "DO": ("Dominik", "Dominikli", []),
    "ES": ("İspanyol", "İspanyol", ["İspanyalı"]),
    "FI": ("Fin", "Fin", ["Finlandiyalı"]),
    "FR": ("Fransız", "Fransız", ["Fransa Cumhuriyeti"]),
    "GB": (
        "İngiliz",
        "İngiliz",
        ["İngiltere", "Britanya", "Büyük Britanya", "Britanyalı", "UK"],
    ),
    "GE": ("Gürcü", "Gürcü", ["Gürcistanlı"]),
    "GR": ("Yunan", "Yunan", ["Yunanistanlı", "Yunanlı"]),
    "HR": ("Hırvat", "Hırvat", ["Hırvatistanlı"]),
    "HU": ("Macar", "Macar", ["Macaristanlı"]),
    "IN": ("Hint", "Hintli", ["Hindistanlı"]),
    "IR": ("İran", "İranlı", ["İran İslam Cumhuriyeti"]),
    "IT": ("İtalyan", "İtalyan", ["İtalyalı"]),
    "JP": ("Japon", "Japon", ["Japonyalı"]),
    "KG": ("Kırgız", "Kırgız", ["Kırgızistanlı"]),
    "KM": ("Komor", "Komorlu", []),
    "KP": ("Kuzey Kore", "Kuzey Koreli", ["Kore Demokratik Halk Cumhuriyeti"]),
    "KR": ("Güney Kore", "Güney Koreli", ["Kore Cumhuriyeti"]),
    "KZ": ("Kazak", "Kazak", ["Kazakistanlı"]),
    "MK": ("Makedon", "Makedonyalı", ["Kuzey Makedonyalı", "Makedonya"]),
    "MM": ("Myanmar", "Myanmarlı", ["Burma", "Birmanya"]),
    "MN": ("Moğol", "Moğol", ["Moğolistanlı"]),
    "MV": ("Maldiv", "Maldivli", []),
    "NL": ("Hollanda", "Hollandalı", ["Felemenk", "Hollanda Krallığı"]),
    "PH": ("Filipin", "Filipinli", []),
    "PL": ("Polonya", "Polonyalı", ["Leh"]),
    "PS": ("Filistin", "Filistinli", ["Filistin Devleti", "Filistin Bölgeleri"]),
    "RO": ("Romen", "Romen", ["Rumen", "Romanyalı"]),
    "RS": ("Sırp", "Sırp", ["Sırbistanlı"]),
    "RU": ("Rus", "Rus", ["Rusyalı", "Rusya Federasyonu"]),
    "SA": ("Suudi", "Suudi", ["Suudi Arabistanlı"]),
    "SC": ("Seyşel", "Seyşelli", []),
    "SE": ("İsveç", "İsveçli", []),
    "SI": ("Sloven", "Sloven", ["Slovenyalı"]),
    "SK": ("Slovak", "Slovak", ["Slovakyalı"]),
    "SZ": ("Esvatini", "Esvatinili", ["Svaziland"]),
    "TJ": ("Tacik", "Tacik", ["Tacikistanlı"]),
    "NP": ("Nepal", "Nepalli", []),  # a palatal l: -li, whatever the vowel before it
    "SN": ("Senegal", "Senegalli", []),
    "TL": ("Doğu Timor", "Doğu Timorlu", ["Timor-Leste"]),
    "TM": ("Türkmen", "Türkmen", ["Türkmenistanlı"]),
    "TR": ("Türk", "Türk", ["Türkiyeli", "Türkiye Cumhuriyeti", "Turkey"]),
    "US": (
        "Amerikan",
        "Amerikalı",
        [
            "Amerika Birleşik Devletleri",
            "ABD'li",
            "Amerika",
            "Birleşik Devletler",
            "USA",
            "United States of America",
        ],
    ),
    "UZ": ("Özbek", "Özbek", ["Özbekistanlı"]),
    "VA": ("Vatikan", "Vatikanlı", ["Vatikan Şehir Devleti", "Holy See"]),
    "XK": ("Kosova", "Kosovalı", ["Kosova Cumhuriyeti"]),
    "XN": ("Kıbrıs Türk", "Kıbrıslı Türk", ["KKTC", "KKTC'li", "Kuzey Kıbrıs", "TRNC"]),
}

# Last words (folded) after which no demonym is made: "Cayman Adaları" has no "-lı" form in
# use, and neither has a compound such as "Ekvator Ginesi" (a last word ending in -sı/-si).
_NO_DEMONYM = {"adalari", "adasi", "cumhuriyeti", "topraklari"}


# The last vowel picks the suffix's vowel; foreign letters count as their nearest Turkish one.
_HARMONY = {
    **dict.fromkeys("aıâá", "lı"),
    **dict.fromkeys("eiîéèí", "li"),
    **dict.fromkeys("ouóû", "lu"),
    **dict.fromkeys("öü", "lü"),
}


def demonym(name: str) -> str:
    """The regular Turkish demonym: the name plus -lı/-li/-lu/-lü by its last vowel
    ("Kenya" -> "Kenyalı", "Peru" -> "Perulu", "Şili" -> "Şilili"); "" where none is used."""
    words = name.split()
    last = fold(words[-1])
    compound = len(words) > 1 and last.endswith(("si", "su"))
    if len(words) > 3 or last in _NO_DEMONYM or compound or "(" in name or " ve " in name:
        return ""
    for ch in reversed(name.lower()):
        suffix = _HARMONY.get(ch)
        if suffix:
            return name + suffix
    return name + "li"


def english(name: str) -> str:
    """CLDR's English name as news writes it: "and" for "&", "Saint" for "St."."""
    return name.replace(" & ", " and ").replace("St. ", "Saint ")


def build() -> list[dict]:
    """The fixture's entries, sorted by ISO code."""
    tr, en = Locale("tr").territories, Locale("en").territories
    codes = {c for c in tr if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES}
    names = {c: (tr[c], english(en[c])) for c in codes}
    for code, (name_tr, name_en) in _NAMES.items():
        old_tr, old_en = names[code]
        names[code] = (name_tr or old_tr, name_en or old_en)
    names.update(_EXTRA)
    entries = []
    owner: dict[str, str] = {}
    for code in sorted(names):
        name_tr, name_en = names[code]
        adjective, demonym_, aliases = _FORMS.get(code, (name_tr, demonym(name_tr), []))
        aliases = [a for a in aliases if a not in (name_tr, name_en, adjective, demonym_)]
        for form in (name_tr, name_en, adjective, demonym_, *aliases):
            key = " ".join(fold(form).replace("\u2019", "'").replace("-", " ").split())
            if key and owner.setdefault(key, code) != code:
                raise SystemExit(f"{form!r} would name both {owner[key]} and {code}")
        entries.append(
            {
                "model": "meetings.country",
                "fields": {
                    "iso_code": code,
                    "name_tr": name_tr,
                    "name_en": name_en,
                    "adjective": adjective,
                    "demonym": demonym_,
                    "aliases": aliases,
                    "slug": slugify(fold(name_en)),
                },
            }
        )
    return entries


def render(entries: list[dict]) -> str:
    """The fixture's text: one country per line, so a change shows as a one-line diff."""
    lines = [json.dumps(entry, ensure_ascii=False) for entry in entries]
    return "[\n" + ",\n".join(lines) + "\n]\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the fixture is stale")
    args = parser.parse_args()
    text = render(build())
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{OUT.relative_to(ROOT)} is stale: run {Path(__file__).name}")
        return
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {text.count(chr(10)) - 2} countries")


if __name__ == "__main__":
    main()
