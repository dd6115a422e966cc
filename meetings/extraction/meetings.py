"""Meetings: who received or met whom, where, and which kind of meeting it was.

A meeting verb outside quotations ("kabul etti", "ile görüştü", "telefonda görüştü") opens a
meeting; its subject, its object or partner, and a place with a locative ending are read from
the same sentence. A later sentence about the same people adds to that meeting, a sentence
about other people opens another.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .document import Doc, Sentence
from .lexicon import Lexicon, lexicon
from .people import Mention, People, Person, name_like
from .places import find_location, meeting_location
from .reasons import Reason
from .records import Location, Role

# "görüşmüştü", "gelmişlerdi": a verb telling what had happened before the news.
_PLUPERFECT = re.compile(r"m[iu]s(?:ti|tu|lerdi|lardi)\b")


@dataclass(eq=False)
class MeetingDraft:
    """A meeting while it is being read: people in roles, place, kind, where it is told.

    While sentences are read, each principal carries a claim: "host" or "guest" where the
    sentence says so (a reception, a visit, a passive), "partner" where it only says that
    they met. ``settle`` then gives the meeting exactly one host.
    """

    sent: int
    start: int
    kind: str
    roles: dict[int, tuple[Person, Role]] = field(default_factory=dict)
    location: Location | None = None
    sentences: list[int] = field(default_factory=list)
    claims: dict[int, tuple[Person, str]] = field(default_factory=dict)
    home: str | None = None  # the country the meeting is held in, where the text tells
    # sentences merged in whose verb is pluperfect: background ("… ziyaret etmişti")
    background: set[int] = field(default_factory=set)
    review: list[str] = field(default_factory=list)

    def claim(self, person: Person, claim: str) -> None:
        """Record a principal; a said role ("host", "guest") outranks a mere "partner"."""
        current = self.claims.get(id(person))
        if current is None or (current[1] == "partner" and claim != "partner"):
            self.claims[id(person)] = (person, claim)

    def add(self, person: Person, role: Role) -> None:
        """Put a person in a role unless they already have one."""
        self.roles.setdefault(id(person), (person, role))

    def has(self, person: Person) -> bool:
        """Whether the person takes part."""
        return id(person) in self.roles or id(person) in self.claims

    def principals(self) -> list[Person]:
        """The host and guests, not the delegation."""
        if self.claims:
            return [p for p, _ in self.claims.values()]
        return [p for p, role in self.roles.values() if role != "delegation"]

    def claimed(self, claim: str) -> list[Person]:
        """The principals with this claim, in the order they were met."""
        return [p for p, c in self.claims.values() if c == claim]


def find_meetings(doc: Doc, people: People) -> list[MeetingDraft]:
    """Every meeting the article reports, in text order."""
    lex = lexicon()
    starts = [s.start for s in doc.sentences]
    drafts: list[MeetingDraft] = []
    held: dict[int, set[int]] = {}  # id(person) -> indexes of the drafts they are in
    seen_sentences: set[int] = set()
    for match in doc.find(lex.meeting):
        if doc.quote_at(match.start()) >= 0:
            continue
        sent = doc.sentences[bisect.bisect_right(starts, match.start()) - 1]
        if sent.index in seen_sentences:
            continue
        verb = lex.meeting_verbs[" ".join(match.group().split())]
        if verb.needs and not _has_word(doc, sent, match.start(), verb.needs):
            continue
        seen_sentences.add(sent.index)
        verb_tok = _token_at(doc, sent, match.start())
        draft = _read_sentence(doc, people, sent, verb_tok, verb.kind, verb.frame, lex, drafts)
        if draft is None:
            continue
        if _PLUPERFECT.search(match.group()):
            draft.background.add(sent.index)
        for part in _separate(doc, sent, draft, lex):
            _merge_or_add(drafts, part, held)
    drafts = [d for d in drafts if len(d.claims) >= 2]  # a host alone is no meeting
    _inherit_places(drafts)
    for draft in drafts:
        draft.sentences.sort()
        if draft.location is None and draft.kind != "phone_call":
            sentences = [doc.sentences[i] for i in draft.sentences]
            draft.location, reason = meeting_location(doc, people, sentences, lex, draft.home)
            if reason and draft.location is not None:
                draft.review.append(reason)
            if draft.location is not None:
                draft.home = draft.home or draft.location.country
        settle(draft, doc, people, lex)
    _delegations(doc, people, drafts, lex)
    return drafts


class MeetingLocator:
    """Which meeting a sentence speaks of: the one whose people it names best, else the
    meeting told last before it. Built once per article, so each look-up is cheap."""

    def __init__(self, doc: Doc, people: People, drafts: list[MeetingDraft]) -> None:
        self.doc, self.people, self.drafts = doc, people, drafts
        self.starts = [d.start for d in drafts]
        self.holders: dict[int, list[int]] = {}
        for i, draft in enumerate(drafts):
            for key in list(draft.claims) + [k for k in draft.roles if k not in draft.claims]:
                self.holders.setdefault(key, []).append(i)
        self._owners: dict[int, int | None] = {}

    def locate(self, pos: int, speaker: Person | None) -> int:
        """The index of the meeting a statement at ``pos`` by ``speaker`` belongs to."""
        if not self.drafts:
            return 0
        sent = self.doc.tokens[self.doc.token_index(pos)].sent
        owner = self._owner(sent)
        if owner is not None:
            return owner
        index = max(0, bisect.bisect_right(self.starts, pos) - 1)
        if speaker is not None and not self.drafts[index].has(speaker):
            holders = self.holders.get(id(speaker), [])
            if len(holders) == 1:
                return holders[0]
        return index

    def _owner(self, sent_index: int) -> int | None:
        if sent_index not in self._owners:
            sent = self.doc.sentences[sent_index]
            counts: dict[int, int] = {}
            for m in _outside(self.people, self.doc, sent.first, sent.last):
                if m.person is not None:
                    for i in set(self.holders.get(id(m.person), ())):
                        counts[i] = counts.get(i, 0) + 1
            best = max(counts.values(), default=0)
            winners = [i for i, n in counts.items() if n == best]
            self._owners[sent_index] = winners[0] if best and len(winners) == 1 else None
        return self._owners[sent_index]


def _has_word(doc: Doc, sent: Sentence, before: int, words: frozenset[str]) -> bool:
    return any(
        t.fbase in words and t.start < before and t.quote < 0 for t in doc.sentence_tokens(sent)
    )


def _token_at(doc: Doc, sent: Sentence, pos: int) -> int:
    for token in doc.sentence_tokens(sent):
        if token.start >= pos:
            return token.index
    return sent.last


def _outside(people: People, doc: Doc, first: int, last: int) -> list[Mention]:
    return [m for m in people.mentions_in(first, last) if doc.tokens[m.first].quote < 0]


def _next_text(doc: Doc, mention: Mention) -> str:
    nxt = mention.last + 1
    return doc.tokens[nxt].fbase if nxt < len(doc.tokens) else ""


def subject_of(doc: Doc, mentions: list[Mention]) -> Mention | None:
    """The sentence subject: a mention without case ending followed by a comma, else the first."""
    nominative = [m for m in mentions if not m.suffix]
    for m in nominative:
        if _next_text(doc, m) == ",":
            return m
    return nominative[0] if nominative else None


def _read_sentence(
    doc: Doc,
    people: People,
    sent: Sentence,
    verb_tok: int,
    kind: str,
    frame: str,
    lex: Lexicon,
    drafts: list[MeetingDraft],
) -> MeetingDraft | None:
    if people.mention_at(sent.first) is None:
        # "Fidan, … Şeybani ile görüştü": a name opening the sentence is its subject even
        # where the article never gives it a title.
        _untitled_subject(doc, people, sent, verb_tok, lex)
    mentions = _outside(people, doc, sent.first, verb_tok)
    subject = subject_of(doc, mentions)
    others = [m for m in mentions if subject is None or m.person is not subject.person]
    if frame in ("object", "with", "visit") and not any(_fits(doc, m, frame, lex) for m in others):
        extra = _untitled_other(doc, people, sent, verb_tok, frame, lex)
        if extra is not None:
            others.append(extra)
    margin = any(t.fbase in lex.summit_words for t in doc.sentence_tokens(sent))
    draft = MeetingDraft(sent.index, sent.start, "summit" if margin else kind)
    draft.sentences.append(sent.index)
    if kind != "phone_call":
        draft.location = find_location(doc, people, sent, lex)
    draft.home = draft.location.country if draft.location else _destination(doc, sent, lex)
    subject_person = subject.person if subject is not None else None
    if frame in ("object", "with"):
        partners = [m for m in others if _fits(doc, m, frame, lex)]
        partners += _coordinated(doc, others, partners)
        partners.sort(key=lambda m: m.first)
        if frame == "object":
            if subject_person is not None:
                draft.claim(subject_person, "host")
            for m in partners:
                draft.claim(m.person, "guest")  # type: ignore[arg-type]
        else:
            if subject_person is not None:
                draft.claim(subject_person, "guest" if subject.visitor else "partner")  # type: ignore[union-attr]
            for m in partners:
                draft.claim(m.person, "partner")  # type: ignore[arg-type]
    elif frame == "passive":
        for m in others:
            if _next_text(doc, m) == "tarafindan" and m.person:
                draft.claim(m.person, "host")
        if subject_person is not None:
            draft.claim(subject_person, "guest")
    elif frame == "visit":
        if subject_person is not None:
            draft.claim(subject_person, "guest")
        for m in others:
            if m.suffix in lex.suffixes["accusative"] and m.person:
                draft.claim(m.person, "host")
    elif frame == "credentials":
        # "A, B ve C güven mektuplarını X'e sundu": X receives each ambassador in turn.
        receivers = [m for m in mentions if m.suffix in lex.suffixes["dative"] and m.person]
        host = receivers[0].person if receivers else _last_host(drafts)
        if host is not None:
            draft.claim(host, "host")
        for m in mentions:
            if m.person is not None and m.person is not host and not m.suffix:
                draft.claim(m.person, "guest")
    _inviter(doc, people, sent, draft, lex)
    return draft if draft.claims else None


def _last_host(drafts: list[MeetingDraft]) -> Person | None:
    for draft in reversed(drafts):
        hosts = draft.claimed("host")
        if hosts:
            return hosts[0]
    return None


def _inviter(doc: Doc, people: People, sent: Sentence, draft: MeetingDraft, lex: Lexicon) -> None:
    # "X'in davetiyle": X hosts the visit, and so any meeting of the visit X takes part in.
    for m in _outside(people, doc, sent.first, sent.last):
        if m.person is not None and _next_text(doc, m) in lex.invitation_words:
            people.inviters.add(id(m.person))


def _destination(doc: Doc, sent: Sentence, lex: Lexicon) -> str | None:
    """The country a visit goes to ("Etiyopya'ya gerçekleştirdiği", "Kuveyt'te bulunan")."""
    for token in doc.sentence_tokens(sent):
        if not (token.cap and token.suffix) or token.quote >= 0:
            continue
        if token.suffix in lex.suffixes["dative"] or token.suffix in lex.suffixes["locative"]:
            country = lex.country_names.get(token.fbase) or lex.cities.get(token.fbase)
            if country:
                return country
    return None


def _separate(doc: Doc, sent: Sentence, draft: MeetingDraft, lex: Lexicon) -> list[MeetingDraft]:
    """One meeting per counterpart where the text says so ("ayrı ayrı", credentials)."""
    guests = draft.claimed("guest") + draft.claimed("partner")
    hosts = draft.claimed("host")
    separately = draft.kind == "credentials" or doc.find(lex.separately, sent.first, sent.last)
    if not separately or len(guests) < 2 or len(hosts) > 1:
        return [draft]
    host = hosts[0] if hosts else guests.pop(0)
    parts = []
    for guest in guests:
        part = MeetingDraft(draft.sent, draft.start, draft.kind, location=draft.location)
        part.home = draft.home
        part.sentences.append(draft.sent)
        part.claim(host, "host")
        part.claim(guest, "guest")
        parts.append(part)
    return parts


def settle(draft: MeetingDraft, doc: Doc, people: People, lex: Lexicon) -> None:
    """Give the meeting one host; the other principals are guests."""
    hosts = draft.claimed("host")
    partners = draft.claimed("partner")
    guests = draft.claimed("guest")
    host = hosts[0] if hosts else _host_of(draft, partners or guests, people)
    draft.add(host, "host")
    for person in hosts[1:]:
        draft.add(person, "delegation")
    for person in guests + partners:
        draft.add(person, "guest")
    if any(len(p.name.split()) == 1 for p in draft.principals()):
        draft.review.append(Reason.SURNAME_ONLY.value)
    if draft.kind == "credentials":
        draft.kind = "reception"


def _host_of(draft: MeetingDraft, candidates: list[Person], people: People) -> Person:
    """Who hosts a meeting where the text only says that they met."""
    invited = [p for p in candidates if id(p) in people.inviters]
    if invited:
        return invited[0]
    if draft.kind in ("phone_call", "summit") or draft.home is None:
        return candidates[0]  # the sentence's subject
    home = [p for p in candidates if p.country == draft.home]
    if home:
        return home[0]
    unknown = [p for p in candidates if p.country is None]
    if len(unknown) == 1 and draft.home == lexicon().home_country:
        # The one whose country the text leaves out is the one at home ("Cumhurbaşkanı
        # Erdoğan, Beştepe'de …").
        return unknown[0]
    return candidates[0]


def _inherit_places(drafts: list[MeetingDraft]) -> None:
    # A later meeting of the same visit told without its place took place where the visit is.
    last: MeetingDraft | None = None
    for draft in drafts:
        if draft.kind == "phone_call":
            continue
        if draft.location is not None:
            last = draft
        elif last is not None:
            draft.location = last.location
            draft.home = draft.home or last.home


def _fits(doc: Doc, m: Mention, frame: str, lex: Lexicon) -> bool:
    if frame == "object":
        return m.suffix in lex.suffixes["accusative"]
    if frame == "with":
        # "X ile görüştü", "X'le görüştü", and "X ve Y, … bir araya geldi".
        return m.suffix in lex.suffixes["with"] or _next_text(doc, m) in {"ile", "ve"}
    return True


def _coordinated(doc: Doc, others: list[Mention], partners: list[Mention]) -> list[Mention]:
    # "A ve B'yi kabul etti": A, bare and followed by "ve", shares B's role.
    extra = []
    for m in others:
        if m in partners or m.suffix:
            continue
        if _next_text(doc, m) in {"ve", ","} and any(p.first > m.last for p in partners):
            extra.append(m)
    return extra


def _untitled_subject(
    doc: Doc, people: People, sent: Sentence, verb_tok: int, lex: Lexicon
) -> Mention | None:
    tokens = doc.tokens
    last = sent.first - 1
    k = sent.first
    while k < min(verb_tok, sent.first + 3) and name_like(tokens[k], lex) and not tokens[k].suffix:
        last = k
        k += 1
    if last < sent.first or k >= verb_tok or tokens[k].text not in {",", "ile", "ve"}:
        return None
    return people.add_untitled(sent.first, last)


def _untitled_other(
    doc: Doc, people: People, sent: Sentence, verb_tok: int, frame: str, lex: Lexicon
) -> Mention | None:
    tokens = doc.tokens
    for k in range(verb_tok - 1, sent.first - 1, -1):
        token = tokens[k]
        if token.quote >= 0 or people.mention_at(k) or not name_like(token, lex):
            continue
        wanted = (
            lex.suffixes["accusative"] if frame in ("object", "visit") else lex.suffixes["with"]
        )
        followed_by_ile = k + 1 < verb_tok and tokens[k + 1].fbase == "ile"
        if token.suffix in wanted or (frame == "with" and followed_by_ile and not token.suffix):
            first = k
            while first - 1 > sent.first and name_like(tokens[first - 1], lex):
                if tokens[first - 1].suffix or k - first >= 2:
                    break
                first -= 1
            return people.add_untitled(first, k)
    return None


def _merge_or_add(
    drafts: list[MeetingDraft], draft: MeetingDraft, held: dict[int, set[int]]
) -> None:
    """Add a sentence's draft to the meeting it continues, the latest sharing its people."""
    mine = draft.principals()
    # Only drafts with one of these people can be the same meeting: look at those alone.
    for at in sorted({i for p in mine for i in held.get(id(p), ())}, reverse=True):
        other = drafts[at]
        shared = [p for p in mine if other.has(p)]
        if shared and (len(mine) <= 1 or len(other.principals()) <= 1 or len(shared) >= 2):
            for person, claim in draft.claims.values():
                other.claim(person, claim)
                held.setdefault(id(person), set()).add(at)
            other.sentences.append(draft.sent)
            other.background |= draft.background
            if other.location is None:
                other.location = draft.location
            other.home = other.home or draft.home
            if other.kind in ("talks", "other") and draft.kind not in ("talks", "other"):
                other.kind = draft.kind
            return
    for person in mine:
        held.setdefault(id(person), set()).add(len(drafts))
    drafts.append(draft)


def _delegations(doc: Doc, people: People, drafts: list[MeetingDraft], lex: Lexicon) -> None:
    if not drafts:
        return
    starts = [d.start for d in drafts]
    for sent in doc.sentences:
        # "hazır bulundu", "eşlik etti", "imzaladı" put the named people in the room; "katıldı"
        # and "yer aldı" only with a word that names the meeting ("görüşmeye katıldı").
        if not doc.find(lex.delegation_present, sent.first, sent.last) and not (
            doc.find(lex.delegation_marker, sent.first, sent.last)
            and doc.find(lex.delegation_verb, sent.first, sent.last)
        ):
            continue
        draft = drafts[max(0, bisect.bisect_right(starts, sent.start) - 1)]
        _untitled_present(doc, people, sent, lex)
        mentions = _outside(people, doc, sent.first, sent.last)
        leaders = [m.person for m in mentions if m.suffix in lex.suffixes["genitive"] and m.person]
        leader = leaders[0] if leaders else None
        if leader is not None and not draft.has(leader):
            continue
        for m in mentions:
            person = m.person
            if person is None or person is leader or draft.has(person):
                continue
            draft.add(person, "delegation")
            if person.country in (None, person.home_default) and leader is not None:
                person.inferred_country = leader.country


def _untitled_present(doc: Doc, people: People, sent: Sentence, lex: Lexicon) -> None:
    """ "Görüşmede Uşakov da hazır bulundu": a name never given a title, said to be present."""
    tokens = doc.tokens
    k = sent.first
    while k < sent.last:
        if people.mention_at(k) or tokens[k].quote >= 0 or not name_like(tokens[k], lex):
            k += 1
            continue
        first = k
        while k + 1 < sent.last and k - first < 2 and not tokens[k].suffix:
            if people.mention_at(k + 1) or not name_like(tokens[k + 1], lex):
                break
            k += 1
        nxt = tokens[k + 1].fbase if k + 1 < sent.last else ""
        if first > sent.first and nxt in lex.present_particles and not tokens[k].suffix:
            people.add_untitled(first, k)
        k += 1
