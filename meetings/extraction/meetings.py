"""Meetings: who received or met whom, where, and which kind of meeting it was.

A meeting verb outside quotations ("kabul etti", "ile görüştü", "telefonda görüştü") opens a
meeting; its subject, its object or partner, and a place with a locative ending are read from
the same sentence. A later sentence about the same people adds to that meeting, a sentence
about other people opens another.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .document import Doc, Sentence
from .lexicon import Lexicon, lexicon
from .people import Mention, People, Person, name_like
from .places import find_location
from .records import Location, Role


@dataclass(eq=False)
class MeetingDraft:
    """A meeting while it is being read: people in roles, place, kind, where it is told."""

    sent: int
    start: int
    kind: str
    roles: dict[int, tuple[Person, Role]] = field(default_factory=dict)
    location: Location | None = None
    sentences: list[int] = field(default_factory=list)

    def add(self, person: Person, role: Role) -> None:
        """Put a person in a role unless they already have one."""
        self.roles.setdefault(id(person), (person, role))

    def has(self, person: Person) -> bool:
        """Whether the person takes part."""
        return id(person) in self.roles

    def principals(self) -> list[Person]:
        """The host and guests, not the delegation."""
        return [p for p, role in self.roles.values() if role != "delegation"]


def find_meetings(doc: Doc, people: People) -> list[MeetingDraft]:
    """Every meeting the article reports, in text order."""
    lex = lexicon()
    starts = [s.start for s in doc.sentences]
    drafts: list[MeetingDraft] = []
    seen_sentences: set[int] = set()
    for match in doc.find(lex.meeting):
        if doc.quote_at(match.start()) >= 0:
            continue
        sent = doc.sentences[bisect.bisect_right(starts, match.start()) - 1]
        if sent.index in seen_sentences:
            continue
        seen_sentences.add(sent.index)
        verb = lex.meeting_verbs[" ".join(match.group().split())]
        verb_tok = _token_at(doc, sent, match.start())
        draft = _read_sentence(doc, people, sent, verb_tok, verb.kind, verb.frame, lex)
        if draft is None:
            continue
        _merge_or_add(drafts, draft)
    for draft in drafts:
        draft.sentences.sort()
    _delegations(doc, people, drafts, lex)
    return drafts


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
    doc: Doc, people: People, sent: Sentence, verb_tok: int, kind: str, frame: str, lex: Lexicon
) -> MeetingDraft | None:
    mentions = _outside(people, doc, sent.first, verb_tok)
    subject = subject_of(doc, mentions)
    if subject is None:
        subject = _untitled_subject(doc, people, sent, verb_tok, lex)
        mentions = _outside(people, doc, sent.first, verb_tok)
    others = [m for m in mentions if subject is None or m.person is not subject.person]
    if not any(_fits(doc, m, frame, lex) for m in others):
        extra = _untitled_other(doc, people, sent, verb_tok, frame, lex)
        if extra is not None:
            others.append(extra)
    summit = any(t.fbase in lex.summit_words for t in doc.sentence_tokens(sent))
    draft = MeetingDraft(sent.index, sent.start, "summit" if summit else kind)
    draft.sentences.append(sent.index)
    draft.location = find_location(doc, people, sent, lex)
    hosts: list[Person] = []
    guests: list[Person] = []
    if frame in ("object", "with"):
        partners = [m for m in others if _fits(doc, m, frame, lex)]
        partners += _coordinated(doc, others, partners)
        if subject is not None:
            hosts.append(subject.person)  # type: ignore[arg-type]
        guests += [m.person for m in partners if m.person is not None]
    elif frame == "passive":
        hosts += [m.person for m in others if _next_text(doc, m) == "tarafindan" and m.person]
        if subject is not None:
            guests.append(subject.person)  # type: ignore[arg-type]
    elif frame == "visit":
        if subject is not None:
            guests.append(subject.person)  # type: ignore[arg-type]
        hosts += [m.person for m in others if m.suffix in lex.suffixes["accusative"] and m.person]
    if frame == "with" and draft.kind != "phone_call":
        hosts, guests = _by_location(draft, hosts + guests)
    for person in hosts:
        draft.add(person, "host")
    for person in guests:
        draft.add(person, "guest")
    return draft if draft.roles else None


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


def _by_location(draft: MeetingDraft, people: list[Person]) -> tuple[list[Person], list[Person]]:
    country = draft.location.country if draft.location else None
    if country is None:
        return people[:1], people[1:]
    home = [p for p in people if p.country == country]
    if not home:
        unknown = [p for p in people if p.country is None]
        if len(unknown) != 1:
            return [], people  # neutral ground, or nothing to tell: nobody is the host
        # The one whose country the text leaves out is the one at home ("Cumhurbaşkanı
        # Erdoğan, Beştepe'de …").
        home = unknown
    return home[:1], [p for p in people if p is not home[0]]


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
    for k in range(verb_tok - 1, sent.first, -1):
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


def _merge_or_add(drafts: list[MeetingDraft], draft: MeetingDraft) -> None:
    mine = draft.principals()
    for other in reversed(drafts):
        shared = [p for p in mine if other.has(p)]
        if shared and (len(mine) <= 1 or len(other.principals()) <= 1 or len(shared) >= 2):
            for person, role in draft.roles.values():
                other.add(person, role)
            other.sentences.append(draft.sent)
            if other.location is None:
                other.location = draft.location
            if other.kind in ("talks", "other") and draft.kind not in ("talks", "other"):
                other.kind = draft.kind
            return
    drafts.append(draft)


def _delegations(doc: Doc, people: People, drafts: list[MeetingDraft], lex: Lexicon) -> None:
    if not drafts:
        return
    starts = [d.start for d in drafts]
    for sent in doc.sentences:
        if not doc.find(lex.delegation_marker, sent.first, sent.last):
            continue
        if not doc.find(lex.delegation_verb, sent.first, sent.last):
            continue
        draft = drafts[max(0, bisect.bisect_right(starts, sent.start) - 1)]
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
            if person.country is None and leader is not None:
                person.inferred_country = leader.country
