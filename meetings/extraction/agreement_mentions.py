"""Agreement mentions: noun phrases ending in an agreement noun, with what the context says.

A mention is one of:
- a proper name ("Paris Anlaşması", "Dostane İlişkiler ve İyi Komşuluk Hakkında Atina
  Deklarasyonu");
- a compound ("petrol boru hattı anlaşması", "nükleer anlaşma");
- a noun with what it is about ("enerji alanında işbirliğine ilişkin mutabakat zaptı"), which
  may name the treaty it amends ("… Anlaşması'na ilişkin ek protokol");
- a plain noun with a relative clause ("9 Kasım'da varılan anlaşmalar");
- a reference back ("Bu protokol", "söz konusu belge", "Anlaşmayı") or an abbreviation given
  in brackets after a name ("STA");
- a subheading in capitals or title case ("ORTAK AÇIKLAMA"), which belongs to the document
  the text goes on to name.
Counts ("yedi anlaşma"), bare plurals, organisations named after a treaty, offices and
dignitaries ("Protokol Müdürü", "il protokolü"), press statements and consensus phrases
("anlaşmaya vardılar") are not agreements. Two mentions never overlap.

Finding is linear: each mention looks back a bounded number of tokens. Which mentions name
one agreement is decided in agreements.py.
"""

from __future__ import annotations

import bisect
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .document import Doc, Sentence, Token
from .lexicon import AgreementHead, lexicon
from .people import People
from .turkish import fold

# After the noun: plural, then possessive (kept in a name), then a case ending (dropped).
_SUFFIXES = (
    r"(l[ae]r)?(s?[iu]|l[ae]ri|[iu]?m[iu]z|[iu]?m|[iu]?n[iu]z)?"
    r"(n?[iu]n(?:ki)?|n?d[ae]n|n?t[ae]n|n?d[ae](?:ki)?|n?t[ae](?:ki)?|y?[iu]|y?[ae]|y?l[ae]"
    r"|n[ae]|n[iu])?"
)
_NOT_NAMING = ("bir",)
_PLAIN = ("generic", "bare")
_SENTENCE_ENDS = (".", "!", "?", ":", ",", ";", '"', "”", "»", "…")
_HEADING_WORDS = 10
_TITLE_CASE_LOWER = frozenset({"ve", "ile", "ya", "veya", "icin", "de", "da"})
_CONTEXT_WORDS = 4  # words before a plain noun that may say which agreement it is
_CONTEXT_MIN_LETTERS = 4
# Words of "söz konusu", "adı geçen", "bahse konu" besides the demonstrative itself.
_REFERRING = ("soz", "adi", "bahsi", "bahse")
# Adjectives ("kapsamlı", "bölgesel", "ekonomik"); nouns in -lik ("güvenlik") are no adjectives.
_ADJECTIVE_ENDING = re.compile(r"(?:l[iu]|s[ae]l|(?<!l)[iu]k|c[iu])$")
# Words that cannot modify a compound: participles, genitives, case-marked and relative forms.
_NOT_MODIFIER_ENDING = re.compile(
    r"(?:[ae]n|[dt][iu]g[iu]\w*|[ae]c[ae]k\w*|m[iu]s|n[iu]n|l[ae]r[iu]n|n?d[ae]ki|n?t[ae]ki"
    r"|n[dt][ae]|[dt][ae]n)$"
)
# A sentence's first word that is plainly not part of a name: plural or locative endings.
_COMMON_FIRST_WORD = re.compile(r"(?:l[ae]r|l[ae]r[iu]|n?[dt][ae]|n?[dt][ae]n|[ae]r[ae]k)$")
_INSTITUTION = re.compile(r"l[iu]g[iu]$")
_RELATIVE_CONNECTORS = {"tarafindan", "arasinda", "ile", "arasindaki"}
_CLAUSE_WORDS = {"ve", "ile", ",", "iki", "uc", "ulke", "ulkenin", "taraf", "taraflar"}
_WINDOW_BEFORE, _WINDOW_AFTER = 3, 4
_MAX_NAME_WORDS = 14
_MAX_MODIFIERS = 3
_MAX_DESCRIPTION_WORDS = 6
_MAX_CLAUSE_WORDS = 30


@dataclass(frozen=True)
class _Words:
    """The word lists of lexicon/agreements.json that only this module reads, folded."""

    counts: frozenset[str]
    organisations: tuple[str, ...]
    not_documents: frozenset[str]
    name_linkers: frozenset[str]
    linkers: frozenset[str]
    stops: frozenset[str]
    demonstratives: frozenset[str]
    references: tuple[AgreementHead, ...]
    consensus_after: tuple[str, ...]
    statement_after: tuple[str, ...]
    key_stopwords: frozenset[str]
    not_after: tuple[str, ...]
    one_sided: frozenset[str]
    naming_adjectives: frozenset[str]
    related: dict[str, tuple[str, ...]]
    not_modifiers: dict[str, frozenset[str]]


@cache
def _words() -> _Words:
    path = Path(__file__).resolve().parent / "lexicon" / "agreements.json"
    data = json.loads(path.read_text(encoding="utf-8"))

    def folds(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in data[key])

    return _Words(
        counts=folds("counts"),
        organisations=tuple(sorted(folds("organisation_words"))),
        not_documents=folds("not_document_modifiers"),
        name_linkers=folds("name_linkers"),
        linkers=folds("descriptor_linkers"),
        stops=folds("descriptor_stops"),
        demonstratives=folds("demonstratives"),
        references=tuple(AgreementHead(fold(r["stem"]), r["family"]) for r in data["references"]),
        consensus_after=tuple(sorted(folds("consensus_after"))),
        statement_after=tuple(sorted(folds("statement_after"))),
        key_stopwords=folds("key_stopwords"),
        not_after=tuple(sorted(folds("not_after"))),
        one_sided=folds("one_sided_stems"),
        naming_adjectives=folds("naming_adjectives"),
        related={family: tuple(others) for family, others in data["related_families"].items()},
        not_modifiers={
            family: frozenset(fold(w) for w in listed)
            for family, listed in data["not_modifiers"].items()
        },
    )


@dataclass(eq=False)
class MentionDraft:
    """One agreement mention: its words, what kind of name it is, and what the context says."""

    start: int
    end: int
    head: int
    family: str
    key: tuple[str, ...]
    core_start: int
    status: str
    parties: list[str]
    uses_ile: bool
    needs_meeting_countries: bool
    first_token: int = 0
    kind: str = "generic"
    # The words of a name, compound or description, compared with other agreements' words.
    stems: frozenset[str] = frozenset()
    can_start: bool = True
    # A reference whose noun names any document ("bu anlaşma", "söz konusu belge") may refer
    # to the last agreement of another kind; "bu açıklama" only to a joint statement.
    any_kind: bool = False
    # Words just before a plain noun ("savunma sanayiinde imzaladığımız mutabakat zaptı"):
    # they pick the agreement it refers to when there are several of its kind.
    context: frozenset[str] = frozenset()


@cache
def _head_patterns() -> tuple[tuple[AgreementHead, re.Pattern[str]], ...]:
    return tuple(
        (head, re.compile(rf"{re.escape(head.stem)}{_SUFFIXES}\Z"))
        for head in lexicon().agreement_heads
    )


@cache
def _reference_patterns() -> tuple[tuple[AgreementHead, re.Pattern[str]], ...]:
    return tuple(
        (head, re.compile(rf"{re.escape(head.stem)}{_SUFFIXES}\Z")) for head in _words().references
    )


class _Finder:
    """One article's agreement mentions, found left to right."""

    def __init__(self, doc: Doc, people: People) -> None:
        self.doc = doc
        self.people = people
        self.lex = lexicon()
        self.words = _words()
        self.tokens = doc.tokens
        self.signed = [m.start() for m in doc.find(self.lex.signed)]
        self._headings: dict[int, bool] = {}
        self._previous: MentionDraft | None = None  # the mention found last, while finding

    def mentions(self) -> list[MentionDraft]:
        """The mentions in text order, none inside another."""
        heads = _head_patterns()
        refs = _reference_patterns()
        prefixes = tuple({h.stem[:5] for h, _ in heads + refs})
        index = self.doc.word_index
        places = sorted(i for w, where in index.items() if w.startswith(prefixes) for i in where)
        found: list[MentionDraft] = []
        floor = 0  # a description or clause never reaches back into the previous mention
        for i in places:
            self._previous = found[-1] if found else None
            draft = self._at(i, heads, refs, floor)
            if draft is None:
                continue
            # One span, one mention: a name around shorter ones ("Paris Anlaşması Uygulama
            # Protokolü") is the mention; those inside it are not.
            while found and draft.start < found[-1].end:
                if draft.end - draft.start <= found[-1].end - found[-1].start:
                    break
                found.pop()
            if found and draft.start < found[-1].end:
                continue
            found.append(draft)
            floor = i + 1
        aliases = self._aliases(found)
        if aliases:
            found = sorted(found + aliases, key=lambda m: m.start)
        return found

    def _aliases(self, found: list[MentionDraft]) -> list[MentionDraft]:
        """Later uses of an abbreviation given in brackets: "Serbest Ticaret Anlaşması (STA)"."""
        tokens = self.tokens
        covered = {j for m in found for j in range(m.first_token, m.head + 1)}
        out: list[MentionDraft] = []
        for m in found:
            h = m.head
            if m.kind != "named" or h + 3 >= len(tokens):
                continue
            short = tokens[h + 2]
            bracketed = tokens[h + 1].text == "(" and tokens[h + 3].text == ")"
            if not bracketed or not _is_abbreviation(short):
                continue
            for j in self.doc.word_index.get(short.fbase, ()):
                t = tokens[j]
                if j <= h + 3 or j in covered or not _is_abbreviation(t, suffix_ok=True):
                    continue
                covered.add(j)
                out.append(
                    MentionDraft(
                        start=t.start,
                        end=t.base_end,
                        head=j,
                        family=m.family,
                        key=m.key,
                        core_start=t.start,
                        status="referred",
                        parties=[],
                        uses_ile=False,
                        needs_meeting_countries=False,
                        first_token=j,
                        kind="named",
                        stems=m.stems,
                        can_start=False,
                    )
                )
        return out

    def _at(
        self,
        i: int,
        heads: tuple[tuple[AgreementHead, re.Pattern[str]], ...],
        refs: tuple[tuple[AgreementHead, re.Pattern[str]], ...],
        floor: int,
    ) -> MentionDraft | None:
        tokens = self.tokens
        token = tokens[i]
        if i + 1 < len(tokens) and tokens[i + 1].sent == token.sent:
            after = tokens[i + 1].fbase
            for head, pattern in heads:
                if head.after == token.fbase and not token.suffix and pattern.match(after):
                    return None  # "mutabakat" of "mutabakat zaptı": the second word is the head
        # Two-word heads ("ortak açıklama") come first in the table, so they win.
        for head, pattern in heads:
            match = pattern.match(token.fbase)
            if match is None:
                continue
            first = i
            if head.after is not None:
                before = tokens[i - 1] if i > 0 else None
                if before is None or before.fbase != head.after or before.suffix:
                    continue
                if before.sent != token.sent:
                    continue
                first -= 1
            return self._mention(token, first, head, match, floor, reference=False)
        for head, pattern in refs:
            match = pattern.match(token.fbase)
            if match is not None:
                return self._mention(token, i, head, match, floor, reference=True)
        return None

    def _mention(
        self,
        token: Token,
        first: int,
        head: AgreementHead,
        match: re.Match[str],
        floor: int,
        reference: bool,
    ) -> MentionDraft | None:
        lex, words, tokens = self.lex, self.words, self.tokens
        sent = self.doc.sentences[token.sent]
        lo = max(floor, sent.first)
        plural = bool(match.group(1))
        possessive = bool(match.group(2))
        nxt = tokens[token.index + 1] if token.index + 1 < sent.last else None
        if nxt is not None and nxt.fbase.startswith(words.organisations + words.not_after):
            # "Kolektif Güvenlik Antlaşması Örgütü" is an organisation, "Protokol Müdürü" an office.
            return None
        heading = self._heading(sent)

        kind = "generic"
        core = first
        start = first
        if heading:
            kind = "heading"
        elif reference:
            kind = "reference"
        elif token.cap or (possessive and self._name_before(first, lo, token)):
            named_first = self._named_start(first)
            if named_first < first:
                kind, core, start = "named", named_first, named_first
        # Adjectives and demonstratives before the noun: "söz konusu", "Bu", "üçlü", "ortak bir".
        if kind != "named":
            while (
                start - 1 >= lo
                and self._adjective(tokens[start - 1])
                and self._same(start - 1, token)
            ):
                start -= 1
        before = tokens[start - 1] if start - 1 >= lo and self._same(start - 1, token) else None
        if kind != "named" and before is not None:
            f = before.fbase
            if (
                f in lex.agreement_not_specific
                or f in words.counts
                or (f[:1].isdigit() and (heading or not token.cap))
                or f in words.not_documents
            ):
                return None  # "yedi anlaşma", "diğer anlaşmalar", "basın bildirisi"
        ceremonial = words.not_modifiers.get(head.family, frozenset())
        if ceremonial:
            around = (
                tokens[max(lo, start - 1) : first] if kind != "named" else tokens[first - 1 : first]
            )
            if any(t.fbase in ceremonial and self._same(t.index, token) for t in around):
                return None  # "il protokolü", "devlet protokolü": dignitaries, not a document
        adjectives = [tokens[j].fbase for j in range(start, first)] if kind != "named" else []
        demonstrative = any(a in words.demonstratives for a in adjectives)
        if reference and (plural or not demonstrative):
            return None  # "belge" and "açıklama" refer back only after "bu", "söz konusu"
        if kind == "generic":
            modifiers = start
            if possessive:
                modifiers = self._modifiers(start, lo, token)
            elif before is not None and before.fbase in words.naming_adjectives:
                modifiers = start - 1  # "nükleer anlaşma": an adjective that says which one
            if modifiers < start:
                kind, core = "compound", modifiers
                start = modifiers
                while (
                    start - 1 >= lo
                    and self._adjective(tokens[start - 1])
                    and self._same(start - 1, token)
                ):
                    start -= 1
        described = start
        if kind in ("generic", "compound", "named"):
            described = self._described_start(start, lo, token)
        if kind == "generic" and described < start:
            kind = "described"
        if kind == "generic" and demonstrative:
            kind = "reference"

        text_first = described
        clause_first, parties, uses_ile, two = self._relative_clause(text_first, lo)
        if kind == "generic":
            # A plain noun is told apart by its clause ("9 Kasım'da varılan anlaşmalar"); a
            # name, compound or description by its own words, so the clause stays outside.
            text_first = clause_first
        has_clause = clause_first < described
        status = self._status(token, first, clause_first)

        # A plain noun must be anchored by something: a dated clause for a plural, a clause,
        # a description or an earlier agreement for a singular.
        can_start = True
        if plural and kind != "named" and not (has_clause and self._dated(clause_first, described)):
            return None  # "anlaşmalar", "ticaret anlaşmaları", "imzalanan anlaşmalar"
        if kind == "generic" and not has_clause:
            kind = "bare"
            specific = head.after is not None or self._signed_by_hand(token)
            specific = specific or any(a not in ("bir", "yeni") for a in adjectives)
            can_start = specific
        consensus = nxt is not None and nxt.fbase.startswith(words.consensus_after)
        if kind in ("generic", "bare", "described") and consensus:
            return None  # "anlaşmaya vardılar", "anlaşma sağlandı"
        said = nxt is not None and nxt.fbase.startswith(words.statement_after)
        if head.family == "joint_statement" and said:
            can_start = False  # "ortak açıklamaya göre", "ortak açıklama yaptı"
        if kind in ("reference", "heading"):
            can_start = kind == "heading" and (head.after is not None or status == "signed")
        if kind != "named" and head.after is None and head.stem in words.one_sided:
            # A ministry's "bildiri" is a press release; one is a document when it is signed.
            can_start = can_start and self._signed_by_hand(token)

        keep = len(head.stem) + len(match.group(1) or "")
        if kind in ("named", "compound", "described") and possessive:
            keep += len(match.group(2))
        # An apostrophe ending is dropped as written; otherwise keep the noun, plural, possessive.
        end = token.base_end if token.suffix else token.start + keep
        key_words = [t.fbase for t in tokens[core:first] if t.fbase != "ve"]
        if kind == "described":
            key_words = [t.fbase for t in tokens[described:start]]
        # What a name or compound is about counts when later mentions are compared with it.
        about = [t.fbase for t in tokens[described:start]] if kind != "described" else []
        key: tuple[str, ...]
        if kind in ("named", "compound", "described"):
            key = (kind, *key_words, head.family)
        else:
            key = (kind, head.family)
        # The name starts after "bir" and "bu", "söz konusu": "üçlü anlaşma", "ortak açıklama".
        named_from = first
        if kind in ("generic", "bare", "described", "reference"):
            named_from = start
            for j in range(start, first):
                f = tokens[j].fbase
                if f in _NOT_NAMING or f in words.demonstratives or f in _REFERRING:
                    named_from = j + 1
        # The text does not open with the article "bir" ("Bir barış anlaşması").
        while text_first < first and tokens[text_first].fbase in _NOT_NAMING:
            text_first += 1
        text_start = tokens[text_first].start
        return MentionDraft(
            start=text_start,
            end=max(end, text_start + 1),
            head=token.index,
            family=head.family,
            key=key,
            core_start=tokens[core if kind in ("named", "compound") else named_from].start,
            status=status,
            parties=parties,
            uses_ile=uses_ile,
            needs_meeting_countries=two,
            first_token=text_first,
            kind=kind,
            stems=_stems(key_words + about, words) if len(key) > 2 else frozenset(),
            can_start=can_start,
            any_kind=kind == "reference" and (not reference or head.family == "*"),
            context=self._context(text_first, first, token) if kind in _PLAIN else frozenset(),
        )

    def _context(self, text_first: int, first: int, token: Token) -> frozenset[str]:
        """Content words of a plain noun's clause and the few tokens before its text."""
        words, lex = self.words, self.lex
        out = set()
        for k in range(max(0, text_first - _CONTEXT_WORDS), first):
            t = self.tokens[k]
            f = t.fbase
            if not self._same(k, token) or not t.is_word or len(f) < _CONTEXT_MIN_LETTERS:
                continue
            if f in words.stops or f in words.linkers or f in lex.agreement_adjectives:
                continue
            if lex.relative_participle_re.fullmatch(f):
                continue
            out.add(f)
        return frozenset(out)

    def _name_before(self, first: int, lo: int, token: Token) -> bool:
        """Whether a lower-case noun follows a capitalised name: "Minsk anlaşmaları"."""
        if first - 1 < lo or not self._same(first - 1, token):
            return False
        t = self.tokens[first - 1]
        return t.is_word and t.cap and not t.suffix and not self._opens(first - 1)

    def _same(self, k: int, token: Token) -> bool:
        t = self.tokens[k]
        return t.sent == token.sent and t.quote == token.quote

    def _heading(self, sent: Sentence) -> bool:
        """A subheading: a short paragraph of its own in capitals or title case, unpunctuated."""
        found = self._headings.get(sent.index)
        if found is None:
            para = self.doc.paragraphs[sent.para]
            text = self.doc.text[sent.start : sent.end].strip()
            found = (
                para[0] <= sent.start <= para[0] + 1
                and sent.end >= para[1] - 1
                and any(c.isalpha() for c in text)
                and (not any(c.islower() for c in text) or self._title_case(sent, text))
            )
            self._headings[sent.index] = found
        return found

    def _title_case(self, sent: Sentence, text: str) -> bool:
        """ "Ortak Açıklama İmzalandı": a few words, each capitalised, and no full stop."""
        if text.endswith(_SENTENCE_ENDS):
            return False
        words = [t for t in self.doc.sentence_tokens(sent) if t.is_word and t.text[0].isalpha()]
        return 0 < len(words) <= _HEADING_WORDS and all(
            t.cap or t.fbase in _TITLE_CASE_LOWER for t in words
        )

    def _adjective(self, token: Token) -> bool:
        f = token.fbase
        return (
            token.is_word
            and not token.suffix
            and f in self.lex.agreement_adjectives
            and f not in ("imzalanan", "varilan")
        )

    def _named_start(self, head: int) -> int:
        """Where a capitalised name before the noun begins; ``head`` if there is none."""
        tokens, people, lex, words = self.tokens, self.people, self.lex, self.words
        h = tokens[head]
        sent = self.doc.sentences[h.sent]
        lo = max(sent.first, head - _MAX_NAME_WORDS)
        first = head
        linked = False  # a name with "Arasında", "İlişkin"… takes countries and genitives in
        k = head - 1
        while k >= lo:
            t = tokens[k]
            if t.quote != h.quote or not t.is_word or people.mention_at(k) is not None:
                break
            if t.text == "ve" or (t.text == "ile" and linked):
                # "Dostane İlişkiler ve İyi Komşuluk": "ve" between two words of one name,
                # never between two documents of a list ("… Anlaşması ve … Protokolü"); "ile"
                # only in a name that says "Arasında".
                b = tokens[k - 1] if k - 1 >= lo else None
                if (
                    b is None
                    or not b.is_word
                    or not b.cap
                    or b.suffix
                    or b.quote != h.quote
                    or self._is_head_word(b)
                    or people.mention_at(k - 1) is not None
                ):
                    break
                k -= 1
                continue
            if not (t.cap or t.fbase[:1].isdigit()) or t.fbase in words.demonstratives:
                break
            if self._opens(k):
                break
            if t.suffix and not (linked and t.cap and not t.fbase[:1].isdigit()):
                break
            if not linked and (
                lex.country_of_word(t.fbase) is not None or t.fbase in lex.title_heads
            ):
                break  # "Rusya Minsk Anlaşması'nı", "Bakanı Ortak Bildiri'yi": not the name
            first = k
            if t.fbase in words.name_linkers:
                linked = True
            k -= 1
        while first < head and tokens[first].fbase in words.name_linkers:
            first += 1  # a name does not begin with "İle" or "Arasında"
        return first

    def _opens(self, k: int) -> bool:
        """Whether a capitalised word is only capitalised because it opens a sentence or quote."""
        tokens, lex = self.tokens, self.lex
        t = tokens[k]
        sent = self.doc.sentences[t.sent]
        at_start = k == sent.first or not tokens[k - 1].is_word
        if not at_start:
            return False
        f = t.fbase
        if f in lex.sentence_openers or f in lex.title_heads or f in self.words.counts:
            return True
        if t.suffix or f in lex.cities or lex.country_of_word(f):
            return False
        return bool(_COMMON_FIRST_WORD.search(f))

    def _is_head_word(self, token: Token) -> bool:
        return any(pattern.match(token.fbase) for _, pattern in _head_patterns())

    def _modifiers(self, start: int, lo: int, token: Token) -> int:
        """Where the nouns of a compound begin: "petrol boru hattı anlaşması"."""
        k = start - 1
        first = start
        while k >= lo and start - k <= _MAX_MODIFIERS and self._same(k, token):
            # Next to the noun a modifier is a noun ("işbirliği"); further out an adjective
            # may stand too ("askeri işbirliği", "gümrük işbirliği").
            if not self._is_modifier(self.tokens[k], strict=k == start - 1) or self._opens(k):
                break
            first = k
            k -= 1
        return first

    def _is_modifier(self, token: Token, strict: bool) -> bool:
        f = token.fbase
        lex, words = self.lex, self.words
        return (
            token.is_word
            and not token.suffix
            and not f[:1].isdigit()
            and f not in lex.agreement_adjectives
            and f not in lex.agreement_not_specific
            and f not in words.stops
            and f not in words.counts
            and f not in words.linkers
            and f not in lex.title_heads
            and not (strict and _ADJECTIVE_ENDING.search(f))
            and not _NOT_MODIFIER_ENDING.search(f)
            and lex.country_of_word(f) is None
            and not self._is_head_word(token)
        )

    def _described_start(self, start: int, lo: int, token: Token) -> int:
        """Where "X alanında işbirliğine ilişkin" before the noun begins; ``start`` if absent."""
        tokens, words, lex = self.tokens, self.words, self.lex
        k = start - 1
        if k < lo or not self._same(k, token) or tokens[k].fbase not in words.linkers:
            return start
        linker = k
        first = linker
        k -= 1
        while k >= lo and linker - k <= _MAX_DESCRIPTION_WORDS and self._same(k, token):
            t = tokens[k]
            f = t.fbase
            if not t.is_word or self.people.mention_at(k) is not None:
                break
            if f in words.stops and f != "ve":
                break
            if f == "ve":
                b = tokens[k - 1] if k - 1 >= lo else None
                if b is None or not b.is_word or b.cap or b.fbase in words.stops:
                    break
            if f in words.counts or f in lex.title_heads or self._is_head_word(t):
                break
            if t.cap and _INSTITUTION.search(f):
                break  # "Bakanlığı", "Cumhurbaşkanlığı": who speaks, not what it is about
            if lex.relative_participle_re.fullmatch(f) or self._opens(k):
                break
            if t.suffix and t.suffix[:1] in "dt" and not t.suffix.startswith(("dir", "dur")):
                break  # "Ankara'da …": a place, not what the document is about
            first = k
            k -= 1
        previous = self._previous
        if (
            previous is not None
            and previous.kind == "named"
            and k == previous.head == lo - 1
            and linker - k <= _MAX_DESCRIPTION_WORDS
            and tokens[k].suffix
            and self._same(k, token)
        ):
            # "Serbest Ticaret Anlaşması'na ilişkin ek protokol": one document, the protocol;
            # the name inside its description is no mention of its own.
            first = previous.first_token
        while first < linker and tokens[first].fbase == "ve":
            first += 1
        return start if first == linker else first

    def _dated(self, first: int, last: int) -> bool:
        return any(
            t.fbase[:1].isdigit() or t.fbase in self.lex.months for t in self.tokens[first:last]
        )

    def _relative_clause(self, start: int, lo: int) -> tuple[int, list[str], bool, bool]:
        """The relative clause before a mention ("… tarafından imzalanan"): start and parties."""
        doc, people, lex, tokens = self.doc, self.people, self.lex, self.tokens
        sent = tokens[start].sent
        k = start - 1
        if k < lo or tokens[k].sent != sent:
            return start, [], False, False
        line = doc.folded[max(0, tokens[k].start - 40) : tokens[k].end]
        match = None
        for m in lex.relative_participle_re.finditer(line):
            if m.end() == len(line):
                match = m
        if match is None:
            return start, [], False, False
        participle_start = tokens[k].end - (len(line) - match.start())
        while k >= lo and tokens[k].start > participle_start:
            k -= 1
        if k < lo:
            return start, [], False, False
        participle_first = k if tokens[k].start == participle_start else k + 1
        k = participle_first - 1
        first = participle_first
        bottom = max(lo, participle_first - _MAX_CLAUSE_WORDS)
        while k >= bottom and tokens[k].sent == sent:
            t = tokens[k]
            in_clause = (
                t.fbase in _RELATIVE_CONNECTORS
                or t.fbase in _CLAUSE_WORDS
                or t.fbase[:1].isdigit()
                or t.fbase in lex.months
                or (t.cap and t.is_word and t.fbase not in lex.sentence_openers)
            )
            if not in_clause:
                break
            first = k
            k -= 1
        while first < participle_first and (
            tokens[first].text in {",", "ve", "ile"} or not tokens[first].is_word
        ):
            first += 1
        clause = tokens[first:participle_first]
        parties: list[str] = []
        for t in clause:
            mention = people.mention_at(t.index)
            country = mention.person.country if mention and mention.person else None
            country = country or (lex.country_of_word(t.fbase) if t.cap else None)
            if country and country not in parties:
                parties.append(country)
        folded = {t.fbase for t in clause}
        uses_ile = "ile" in folded and not folded & {"arasinda", "arasindaki", "tarafindan"}
        two = "iki" in folded and bool(folded & {"ulke", "ulkenin", "taraf"})
        return first, parties, uses_ile, two

    def _signed_by_hand(self, token: Token) -> bool:
        """Whether the sentence goes on to say the document was signed ("imzalandı")."""
        sent = self.doc.sentences[token.sent]
        at = bisect.bisect_left(self.signed, token.end)
        return (
            at < len(self.signed)
            and self.signed[at] < sent.end
            and self.doc.folded.startswith("imza", self.signed[at])
        )

    def _status(self, token: Token, first: int, clause_first: int) -> str:
        tokens, lex = self.tokens, self.lex
        sent = self.doc.sentences[token.sent]
        lo = max(sent.first, min(first, clause_first) - _WINDOW_BEFORE)
        hi = min(sent.last, token.index + 1 + _WINDOW_AFTER)
        window = [t for t in tokens[lo:hi] if t.quote == token.quote]
        if any(t.fbase.startswith(lex.proposed_words) for t in window if t.index != token.index):
            return "proposed"
        # A signing verb later in the sentence: found once for the article, looked up here.
        at = bisect.bisect_left(self.signed, token.end)
        if at < len(self.signed) and self.signed[at] < sent.end:
            return "signed"
        return "referred"


def _is_abbreviation(token: Token, suffix_ok: bool = False) -> bool:
    """An abbreviation in capitals ("STA", "KEK"), with its case ending where allowed."""
    base = token.base
    return (
        token.is_word
        and (suffix_ok or not token.suffix)
        and 2 <= len(base) <= 8
        and base.isalpha()
        and base.isupper()
    )


def _stems(words: list[str], lists: _Words) -> frozenset[str]:
    """The words a name is compared by: hyphenated parts split, linkers left out."""
    out = set()
    for word in words:
        for part in word.split("-"):
            if part and part not in lists.key_stopwords:
                out.add(part)
    return frozenset(out)


def find_mentions(doc: Doc, people: People) -> list[MentionDraft]:
    """Every agreement mention in text order; no two of them overlap."""
    return _Finder(doc, people).mentions()


def related_families() -> dict[str, tuple[str, ...]]:
    """Kinds of document a plain reference may stand for besides its own ("bildiri")."""
    return _words().related
