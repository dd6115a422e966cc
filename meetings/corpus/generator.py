"""Synthetic Turkish news articles about diplomatic meetings, drawn from the tables.

Each article gets its own ``random.Random`` seeded from (seed, index), so article *i* is the
same whatever N is: the first 1,000 articles of a 10,000-article corpus are the 1,000-article
corpus. The cast of people (the "world") depends on the seed only, so the same invented
ministers recur across articles, which is what entity resolution needs to be exercised.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import tables as t
from .turkish import abl, acc, also, dat, gen, inflect, loc

MIN_BYTES = 1500
MAX_BYTES = 3000

# Meeting kinds and their weights: most reports are receptions and talks.
KINDS = (
    ("reception", 30),
    ("talks", 20),
    ("met", 20),
    ("hosted", 15),
    ("phone", 15),
)
QUOTE_STYLES = ("dedi", "diye", "ifade", "seklinde", "belirten", "devam", "sunlari", "reported")
DATE_STYLES = (
    ("header_month", 20),
    ("header_day", 12),
    ("header_month_body_day", 10),
    ("header_inline", 5),
    ("body_day", 15),
    ("body_full", 20),
    ("none", 18),
)
AGREEMENT_STATUSES = ("signed", "proposed", "referred")


@dataclass(frozen=True, slots=True)
class Person:
    """An invented office holder."""

    full: str  # "Dmitriy Voronov"
    short: str  # how later sentences refer to them: "Voronov"
    country: t.Country
    office: str  # an Office key, or "head"

    def title(self, other: t.Country | None = None) -> str:
        """The title before the name, country first; ``other`` is the counterpart's country."""
        if self.office == "head":
            assert self.country.head is not None
            return f"{self.country.name} {self.country.head[1]}"
        if self.office == "ambassador":
            # An ambassador is named by the capital they serve in: the counterpart's.
            if other is not None and other is not self.country:
                post = other.capital
            else:
                post = t.HOME.capital if self.country is not t.HOME else "Berlin"
            return f"{gen(self.country.name)} {post} Büyükelçisi"
        return f"{self.country.name} {_OFFICES[self.office].after_country}"

    def bare_title(self) -> str:
        """The title without the country: "Başbakan", "Dışişleri Bakanı"."""
        if self.office == "head":
            assert self.country.head is not None
            return self.country.head[0]
        return _OFFICES[self.office].alone


_OFFICES = {o.key: o for o in t.OFFICES}


@dataclass(slots=True)
class World:
    """Everyone who can appear in the corpus, by country and office."""

    people: dict[str, dict[str, list[Person]]]

    def holders(self, country: t.Country, office: str) -> list[Person]:
        """The people who hold ``office`` in ``country`` (empty if the office does not exist)."""
        return self.people[country.name].get(office, [])

    def everyone(self) -> Iterator[Person]:
        """Every person in the world."""
        for offices in self.people.values():
            for holders in offices.values():
                yield from holders


@lru_cache(maxsize=8)
def build_world(seed: int) -> World:
    """The cast for ``seed``: one head of state, ministers, deputies and an ambassador a country."""
    rng = random.Random(f"world:{seed}")
    used: set[str] = set()
    surnames: set[str] = set()  # within one country: "Bytyqi" alone must say who is meant
    people: dict[str, dict[str, list[Person]]] = {}
    for country in t.COUNTRIES:
        offices: dict[str, list[Person]] = {}
        if country.head is not None:
            offices["head"] = [_invent(rng, country, "head", used, surnames)]
        for office in t.OFFICES:
            if office.key == "pm" and not country.has_pm:
                continue
            offices[office.key] = [
                _invent(rng, country, office.key, used, surnames) for _ in range(office.count)
            ]
        people[country.name] = offices
        surnames.clear()
    return World(people)


def _invent(
    rng: random.Random, country: t.Country, office: str, used: set[str], surnames: set[str]
) -> Person:
    pool = t.NAME_POOLS[country.culture]
    for attempt in range(300):
        female = rng.random() < 0.25
        given = rng.choice(pool["f" if female else "m"])
        surname = rng.choice(pool["s"])
        if surname in t.RESERVED_SURNAMES:
            continue
        if surname in surnames and attempt < 150:
            continue  # a shared surname within one country only when the pool runs short
        if (
            female
            and country.culture in t.FEMININE_SURNAMES
            and surname.endswith(("ov", "ev", "in"))
        ):
            surname += "a"
        full = f"{surname} {given}" if country.culture in t.SURNAME_FIRST else f"{given} {surname}"
        if full not in used:
            used.add(full)
            surnames.add(surname)
            return Person(full, surname, country, office)
    raise RuntimeError(f"name pool for {country.culture!r} is exhausted")  # pragma: no cover


@dataclass(slots=True)
class GeneratedArticle:
    """One article's text and what went into it (for tests and sanity checks)."""

    name: str
    text: str
    countries: set[str] = field(default_factory=set)
    people: set[str] = field(default_factory=set)
    kinds: list[str] = field(default_factory=list)
    quote_styles: set[str] = field(default_factory=set)
    agreements: list[tuple[str, str]] = field(default_factory=list)  # (name, status)
    date_style: str = "none"
    date: tuple[int, int, int] = (0, 0, 0)  # the meeting's (year, month, day)


def article_name(index: int) -> str:
    """The file name of article ``index`` (1-based): gen_000001.txt."""
    return f"gen_{index:06d}.txt"


def upper_first(text: str) -> str:
    """Capitalise the first letter the Turkish way (i → İ)."""
    if not text:
        return text
    first = {"i": "İ", "ı": "I"}.get(text[0], text[0].upper())
    return first + text[1:]


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


class _Writer:
    """Builds one article; holds the random source and what has been said so far."""

    def __init__(self, world: World, rng: random.Random, name: str) -> None:
        self.world = world
        self.rng = rng
        self.out = GeneratedArticle(name, "")
        self.introduced: set[str] = set()
        self.said: set[str] = set()
        self.curly = rng.random() < 0.15
        self.topic = rng.choice(t.TOPICS)

    # -- people -----------------------------------------------------------------------------

    def pick(self, country: t.Country, offices: tuple[str, ...]) -> Person:
        """Someone from ``country`` holding the first of ``offices`` that exists there."""
        for office in offices:
            holders = self.world.holders(country, office)
            if holders:
                return self.rng.choice(holders)
        return self.rng.choice(self.world.holders(country, "foreign"))

    def ref(self, person: Person, other: t.Country | None = None) -> str:
        """The person as the text names them: full title and name first, then short forms."""
        self.out.people.add(person.full)
        self.out.countries.add(person.country.name)
        if person.full not in self.introduced:
            self.introduced.add(person.full)
            return f"{person.title(other)} {person.full}"
        roll = self.rng.random()
        if roll < 0.6:
            return person.short
        if roll < 0.8 and person.office in ("head", "pm", "foreign"):
            alone = person.bare_title()
            return f"{'Bakan' if alone.endswith('Bakanı') else alone} {person.short}"
        return f"{person.title(other)} {person.short}"

    def snapshot(self) -> tuple:
        """What has been written so far, to roll back a paragraph that does not fit."""
        o = self.out
        return (
            set(o.countries),
            set(o.people),
            list(o.kinds),
            set(o.quote_styles),
            list(o.agreements),
            set(self.introduced),
            set(self.said),
        )

    def restore(self, state: tuple) -> None:
        """Forget everything written since ``snapshot``."""
        o = self.out
        (
            o.countries,
            o.people,
            o.kinds,
            o.quote_styles,
            o.agreements,
            self.introduced,
            self.said,
        ) = (type(x)(x) for x in state)

    def q(self, text: str) -> str:
        """Wrap text in the article's quotation marks."""
        return f"“{text}”" if self.curly else f'"{text}"'

    # -- sentences ----------------------------------------------------------------------------

    def fill(self, template: str, other: t.Country) -> str:
        """Fill a phrase template for a speaker talking about ``other``."""
        return template.format(
            o=other.name,
            o_gen=gen(other.name),
            o_dat=dat(other.name),
            o_abl=abl(other.name),
            o_loc=loc(other.name),
            o_demo=other.demonym,
            topic=upper_first(self.topic[0]) if template.startswith("{topic}") else self.topic[0],
        )

    def quote_text(self, other: t.Country, sentences: int) -> str:
        """A few quoted sentences about relations with ``other``."""
        # No sentence twice in one article, until the pool runs dry.
        fresh = [s for s in t.QUOTE_SENTENCES if s not in self.said] or list(t.QUOTE_SENTENCES)
        chosen = self.rng.sample(fresh, min(sentences, len(fresh)))
        self.said.update(chosen)
        return " ".join(self.fill(s, other) for s in chosen)

    def statement(self, speaker: Person, other: t.Country) -> str:
        """One attributed statement by ``speaker``, talking about ``other``, in a random style."""
        style = self.rng.choice(QUOTE_STYLES)
        self.out.quote_styles.add(style)
        who = self.ref(speaker, other)
        body = self.quote_text(other, self.rng.randint(2, 4))
        if style == "dedi":
            if self.rng.random() < 0.5:
                return f"{who}, {self.q(body)} dedi."
            return f"{who}, {self.q(body[:-1])} dedi."  # the seeds drop the final full stop too
        if style == "diye":
            return f"{who}, {self.q(body)} diye konuştu."
        if style == "ifade":
            return f"{who}, {self.q(body)} ifadelerini kullandı."
        if style == "seklinde":
            return f"{who}, {self.q(body[:-1])} şeklinde konuştu."
        if style == "belirten":
            lead = self.fill(self.rng.choice(t.LEAD_INS), other)
            return f"{upper_first(lead)} {who}, {self.q(body)} dedi."
        if style == "devam":
            gap = "\n\n" if self.rng.random() < 0.5 else " "
            intro = self.fill(self.rng.choice(t.LEAD_INS), other)
            return f"{upper_first(intro)} {who}, şöyle devam etti:{gap}{self.q(body)}"
        if style == "sunlari":
            return f"{who}, şunları kaydetti: {self.q(body)}"
        clause, verb = self.rng.choice(t.REPORTED)
        return f"{who}, {self.fill(clause, other)} {verb}."

    # -- dates --------------------------------------------------------------------------------

    def date(self) -> tuple[int, int, int]:
        """A meeting date in the last decade."""
        year = self.rng.randint(2015, 2025)
        month = self.rng.randint(1, 12)
        return year, month, self.rng.randint(1, 28)


def _when(style: str, year: int, month: int, day: int, rng: random.Random) -> str:
    """The date phrase inside the lead sentence (empty when the body gives no date)."""
    name = t.MONTHS[month - 1]
    if style in ("body_day", "header_month_body_day"):
        return f"{day} {loc(name)}"
    if style == "body_full":
        if rng.random() < 0.5:
            return f"{day} {name} {loc(str(year))}"
        return f"{day} {name} {year} tarihinde"
    return ""


def generate_article(seed: int, index: int) -> GeneratedArticle:
    """Article number ``index`` (1-based) of the corpus for ``seed``."""
    world = build_world(seed)
    rng = random.Random(f"article:{seed}:{index}")
    w = _Writer(world, rng, article_name(index))
    out = w.out

    host, guest = _pick_countries(rng)
    kind = _weighted(rng, KINDS)
    out.kinds.append(kind)
    host_p, guest_p = _pick_pair(w, host, guest, kind)
    year, month, day = w.date()
    date_style = _weighted(rng, DATE_STYLES)
    out.date_style = date_style
    out.date = (year, month, day)
    when = _when(date_style, year, month, day, rng)

    summit = rng.choice(t.SUMMITS) if kind == "met" and rng.random() < 0.3 else None
    venue = _BY_NAME[summit[2]] if summit else host
    city = summit[1] if summit else host.capital
    city_loc = loc(city)

    paragraphs: list[str] = []
    if rng.random() < 0.2:
        headline = rng.choice(t.HEADLINES).format(
            a=host.name, b=guest.name, city_loc=city_loc, topic=w.topic[0]
        )
        paragraphs.append(upper_first(headline))

    paragraphs.append(_lead(w, kind, host_p, guest_p, when, city, summit, venue))

    # Quotes: the host and the guest each speak, in some order.
    speakers = [(host_p, guest), (guest_p, host)]
    if rng.random() < 0.4:
        speakers.reverse()
    paragraphs.extend(w.statement(p, other) for p, other in speakers)

    # Optional paragraphs are written only when their turn comes, so one that does not fit
    # can be rolled back, leaving the record of who and what the article holds exact.
    optional: list[Callable[[], list[str]]] = []
    if guest_p.office not in ("head", "pm") and rng.random() < 0.6:
        optional.append(lambda: [_greetings(w, guest_p, host, guest)])
    if rng.random() < 0.55:
        optional.append(lambda: [_delegation(w, guest_p, host, kind)])
    if rng.random() < 0.6:
        optional.append(lambda: [_agreement(w, host_p, guest_p, host, guest, year)])
    rng.shuffle(optional)
    if kind != "phone" and rng.random() < 0.2:
        second = lambda: _second_meeting(w, guest_p, host, guest)  # noqa: E731
        optional.insert(rng.randint(0, len(optional)), second)

    target = rng.randint(MIN_BYTES + 100, MAX_BYTES - 100)
    body = _assemble(w, paragraphs, optional, target)
    # Fill up to the target length with more statements by the two sides.
    for _ in range(8):
        if _size(body) >= target:
            break
        p, other = rng.choice(speakers)
        state = w.snapshot()
        extra = w.statement(p, other)
        if _size(body + [extra]) > _LIMIT:
            w.restore(state)
            break
        body.insert(rng.randint(2, len(body)), extra)

    text = _capitalise_sentences("\n\n".join(body) + "\n")
    text = _with_date_header(text, date_style, year, month, day)
    out.text = text
    return out


# Sentence starts: "el-Harisi" and "de Groot" are written "El-Harisi", "De Groot" there.
_SENTENCE_START = re.compile(r"(^|\n|[.!?] )([a-zçğıöşü])")


def _capitalise_sentences(text: str) -> str:
    return _SENTENCE_START.sub(lambda m: m.group(1) + upper_first(m.group(2)), text)


_LIMIT = MAX_BYTES - 20  # room for a date header


def _size(paragraphs: list[str]) -> int:
    return len("\n\n".join(paragraphs).encode()) + 1


def _assemble(
    w: _Writer, paragraphs: list[str], optional: list[Callable[[], list[str]]], target: int
) -> list[str]:
    """The required paragraphs plus optional groups while they fit under ``target`` bytes."""
    body = list(paragraphs)
    for write in optional:
        state = w.snapshot()
        group = write()
        if _size(body + group) <= target:
            body.extend(group)
        else:
            w.restore(state)
    return body


def _with_date_header(text: str, style: str, year: int, month: int, day: int) -> str:
    if style in ("header_month", "header_month_body_day"):
        return f"date {year}-{month:02d}\n{text}"
    if style == "header_day":
        return f"date {year}-{month:02d}-{day:02d}\n{text}"
    if style == "header_inline":
        # As in the first seed: a leading space and the header on the first line of text.
        return f" date {year}-{month:02d} {text}"
    return text


def _pick_countries(rng: random.Random) -> tuple[t.Country, t.Country]:
    """Host and guest countries: usually one of them is Türkiye."""
    others = t.COUNTRIES[1:]
    roll = rng.random()
    if roll < 0.35:
        return t.HOME, rng.choice(others)
    if roll < 0.6:
        return rng.choice(others), t.HOME
    host, guest = rng.sample(others, 2)
    return host, guest


_BY_NAME = {c.name: c for c in t.COUNTRIES}
_MINISTRIES = ("defence", "economy", "energy", "trade", "health", "interior", "agriculture")


def _pick_pair(w: _Writer, host: t.Country, guest: t.Country, kind: str) -> tuple[Person, Person]:
    """Who meets whom: a leader receives a minister, or counterparts meet."""
    rng = w.rng
    if kind in ("reception", "hosted") and rng.random() < 0.7:
        host_p = w.pick(host, rng.choice((("head", "pm"), ("pm", "head"), ("speaker",))))
        guest_p = w.pick(
            guest,
            rng.choice((("foreign",), (rng.choice(_MINISTRIES),), ("deputy_pm",), ("ambassador",))),
        )
        return host_p, guest_p
    level = rng.choice(
        (("head", "pm"), ("pm", "head"), ("foreign",), ("foreign",), (rng.choice(_MINISTRIES),))
    )
    return w.pick(host, level), w.pick(guest, level)


def _lead(
    w: _Writer,
    kind: str,
    host_p: Person,
    guest_p: Person,
    when: str,
    city: str,
    summit: tuple[str, str, str] | None,
    venue: t.Country,
) -> str:
    """The opening paragraph: who met whom, where and (sometimes) when."""
    rng = w.rng
    host = host_p.country
    h = w.ref(host_p, guest_p.country)
    g = w.ref(guest_p, host)
    w.out.countries.add(venue.name)
    when_ = f"{when} " if when else ""
    city_loc = loc(city)
    where = f"{gen(venue.name)} başkenti {city_loc}" if rng.random() < 0.3 else city_loc
    travelling = guest_p.office != "ambassador"  # an ambassador does not "come to" the host
    if kind == "reception":
        options = [f"{h}, {when_}{where} {acc(g)} kabul etti."]
        if travelling:
            options += [
                f"{h}, {dat(city)} resmi ziyarette bulunan {acc(g)} {when_}kabul etti.",
                f"{h}, {when_}{dat(host.name)} gelen {acc(g)} {where} kabul etti.",
            ]
        first = rng.choice(options)
    elif kind == "hosted":
        first = rng.choice(
            (
                f"{h}, {when_}{acc(g)} {where} ağırladı.",
                f"{h}, resmi ziyaret için {dat(host.name)} gelen {acc(g)} {when_}"
                "resmi törenle ağırladı.",
            )
        )
    elif kind == "talks":
        first = rng.choice(
            (
                f"{h}, {when_}{where} {g} ile görüştü.",
                f"{h}, {when_}{dat(city)} gelen {g} ile görüştü.",
            )
        )
    elif kind == "met":
        if summit:
            first = (
                f"{h} ile {g}, {when_}{city_loc} düzenlenen {summit[0]} marjında bir araya geldi."
            )
        else:
            first = f"{h} ile {g}, {when_}{where} bir araya geldi."
    else:
        first = rng.choice(
            (
                f"{h}, {when_}{g} ile telefonda görüştü.",
                f"{h} ile {g} {when_}telefonda görüştü.",
            )
        )
    office = "Cumhurbaşkanlığı" if host_p.office == "head" else "Dışişleri Bakanlığı"
    second = rng.choice(
        (
            f"{host.name} {office} tarafından yapılan açıklamada, görüşmede ikili ilişkilerin "
            "yanı sıra bölgesel ve uluslararası konuların ele alındığı belirtildi.",
            f"Görüşmede, {w.topic[0]} başta olmak üzere iki ülke arasındaki işbirliği "
            "olanaklarının değerlendirildiği bildirildi.",
            "Basına kapalı gerçekleşen görüşme yaklaşık bir saat sürdü.",
            f"{upper_first(guest_p.country.adjective)} heyeti, görüşmenin ardından bir dizi "
            "temasta bulundu.",
        )
    )
    return f"{first} {second}"


def _greetings(w: _Writer, guest_p: Person, host: t.Country, guest: t.Country) -> str:
    """A mention of someone not at the meeting: the guest passes on their leader's greetings."""
    leader = w.pick(guest, ("head", "pm"))
    greeter = w.ref(guest_p, host)
    mention = w.ref(leader, host)
    body = w.quote_text(host, 2)
    return f"{gen(mention)} selamlarını ileten {greeter}, {w.q(body)} dedi."


def _delegation(w: _Writer, guest_p: Person, host: t.Country, kind: str) -> str:
    """Who travelled with the guest (or joined on the host's side for a phone call)."""
    rng = w.rng
    side = host if kind == "phone" else guest_p.country
    offices = [o.key for o in t.OFFICES if o.delegation]
    members: list[Person] = []
    for office in rng.sample(offices, rng.randint(2, 4)):
        holders = w.world.holders(side, office)
        candidates = [p for p in holders if p.full != guest_p.full]
        if candidates:
            members.append(rng.choice(candidates))
    names = [f"{m.bare_title()} {m.full}" for m in members]
    for m in members:
        w.out.people.add(m.full)
    listed = ", ".join(names[:-1]) + f" ve {names[-1]}" if len(names) > 1 else names[0]
    too = also(listed)
    if kind == "phone":
        return f"Görüşmede {host.name} tarafında {listed} {too} hazır bulundu."
    return rng.choice(
        (
            f"{gen(guest_p.short)} beraberindeki heyette {listed} {too} yer aldı.",
            f"Görüşmeye {upper_first(side.adjective)} heyetinde yer alan {listed} {too} katıldı.",
        )
    )


def _agreement(
    w: _Writer, host_p: Person, guest_p: Person, host: t.Country, guest: t.Country, year: int
) -> str:
    """An agreement paragraph: signed at the meeting, proposed, or referred to."""
    rng = w.rng
    status = rng.choice(AGREEMENT_STATUSES)
    head, noun = rng.choice(t.AGREEMENT_KINDS)
    prefix = rng.choice(
        (
            w.topic[1],
            f"{host.name}-{guest.name} {w.topic[1]}",
            host.capital
            if head in ("Bildirgesi", "Deklarasyonu", "Ortak Açıklaması")
            else w.topic[1],
        )
    )
    name = f"{prefix} {head}"
    w.out.agreements.append((name, status))

    def case(c: str) -> str:
        return inflect(name, c, possessive=True)  # type: ignore[arg-type]

    speaker = rng.choice((host_p, guest_p))
    who = w.ref(speaker, guest if speaker is host_p else host)
    if status == "signed":
        return rng.choice(
            (
                f"Görüşmenin ardından {host.name} ile {guest.name} arasında {name} imzalandı.",
                f"Taraflar, görüşmenin ardından {case('acc')} imzaladı.",
                f"Ziyaret kapsamında iki ülke arasında {w.topic[0]} alanında bir {noun} imzalandı.",
                f"Heyetler arası görüşmenin ardından {case('dat')} imza atıldı.",
            )
        )
    if status == "proposed":
        return rng.choice(
            (
                f"{who}, {gen(name)} en kısa sürede imzalanmasını önerdi.",
                f"{who}, {w.topic[0]} alanında yeni bir {noun} imzalanması teklifinde bulundu.",
                f"Taraflar, {name} taslağı üzerinde çalışmaya başlama kararı aldı.",
            )
        )
    earlier = rng.randint(2005, max(2006, year - 1))
    return rng.choice(
        (
            f"{earlier} yılında imzalanan {case('acc')} hatırlatan {who}, belgenin "
            "uygulanmasının ilişkilere ivme kazandırdığını söyledi.",
            f"Görüşmede, daha önce imzalanan {gen(name)} uygulanması da ele alındı.",
            f"{who}, {case('dat')} atıfta bulunarak tarafların yükümlülüklerini yerine getirmesi "
            "gerektiğini vurguladı.",
        )
    )


def _second_meeting(w: _Writer, guest_p: Person, host: t.Country, guest: t.Country) -> list[str]:
    """A second meeting in the same article: the guest also sees another host official."""
    rng = w.rng
    w.out.kinds.append("met")
    other = w.pick(host, rng.choice((("pm", "head"), ("speaker",), ("defence",), ("economy",))))
    g = w.ref(guest_p, host)
    o = w.ref(other, guest)
    when = rng.choice(("aynı gün", "ertesi gün", "ziyaretinin ikinci gününde", "daha sonra"))
    verb = rng.choice((f"{o} ile de bir araya geldi.", f"{o} ile de görüştü."))
    first = f"{g}, {when} {verb}"
    return [first, w.statement(other, guest)]


def generate(seed: int, count: int, start: int = 1) -> Iterator[GeneratedArticle]:
    """Articles ``start`` … ``start + count - 1`` of the corpus for ``seed``."""
    for index in range(start, start + count):
        yield generate_article(seed, index)


def write_corpus(out: Path, count: int, seed: int = 1) -> tuple[int, int]:
    """Write ``count`` articles into ``out`` (which must exist); return (files, bytes)."""
    total = 0
    for article in generate(seed, count):
        data = article.text.encode("utf-8")
        (out / article.name).write_bytes(data)
        total += len(data)
    return count, total
