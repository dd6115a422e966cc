"""Agreements: which mentions name one document, and its name and status.

The mentions come from agreement_mentions.py. A name, compound or description joins the
agreement with the same words, or a recent one of its kind whose words contain its own; a
reference joins the agreement of its kind named last, or the one its neighbouring words name;
a subheading joins the next one. Clustering is one pass, and each mention is compared with a
bounded number of recent agreements, so it is linear in the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .agreement_mentions import MentionDraft, find_mentions, related_families

__all__ = ["Cluster", "MentionDraft", "cluster", "find_mentions", "name_of", "status_of"]

_RECENT_CLUSTERS = 12
_SAME_WORD_PREFIX = 4


@dataclass(frozen=True)
class _Vocabulary:
    """A name's words, indexed so that "hattı" finds "hattının" without trying every pair.

    Two words are one word with different endings when the shorter, less its last letter,
    begins the longer and has at least three letters ("işbirliği", "işbirliğine").
    """

    words: frozenset[str]
    prefixes: frozenset[str]  # every beginning of three letters or more, short of a whole word
    cuts: frozenset[str]  # each word of four letters or more without its last letter

    @classmethod
    def of(cls, words: frozenset[str]) -> _Vocabulary:
        """The index of a set of words."""
        least = _SAME_WORD_PREFIX - 1
        prefixes = frozenset(w[:k] for w in words for k in range(least, len(w)))
        cuts = frozenset(w[:-1] for w in words if len(w) >= _SAME_WORD_PREFIX)
        return cls(words, prefixes, cuts)

    def has(self, word: str) -> bool:
        """Whether ``word`` is one of the words, endings aside."""
        if word in self.words:
            return True
        if len(word) >= _SAME_WORD_PREFIX and word[:-1] in self.prefixes:
            return True
        least = _SAME_WORD_PREFIX - 1
        return any(word[:k] in self.cuts for k in range(least, len(word)))

    def covers(self, other: _Vocabulary) -> bool:
        """Whether every word of ``other`` is one of these words."""
        return all(self.has(w) for w in other.words)


@dataclass(eq=False)
class Cluster:
    """Mentions that name one agreement."""

    key: tuple[str, ...]
    family: str
    mentions: list[MentionDraft] = field(default_factory=list)
    vocabulary: _Vocabulary | None = None


def cluster(mentions: list[MentionDraft]) -> list[Cluster]:
    """Group mentions naming the same agreement, in one pass.

    A name, compound or description joins the cluster with the same words, or a recent one of
    its kind whose words contain its own (or are contained in them). A reference joins the
    agreement of its kind named last; a subheading joins the next one.
    """
    clusters: list[Cluster] = []
    by_key: dict[tuple[str, ...], Cluster] = {}
    recent: dict[str, list[Cluster]] = {}
    last_of_family: dict[str, Cluster] = {}
    last: Cluster | None = None
    headings: list[tuple[MentionDraft, Cluster | None, Cluster | None]] = []
    related_to = related_families()
    for mention in mentions:
        family = mention.family
        vocabulary = _Vocabulary.of(mention.stems) if mention.stems else None
        if mention.kind == "heading":
            headings.append((mention, last_of_family.get(family), last))
            continue
        target: Cluster | None = None
        if mention.kind in ("named", "compound", "described"):
            target = by_key.get(mention.key) or _similar(vocabulary, recent.get(family, []))
        else:
            target = last_of_family.get(family) if family != "*" else last
            if mention.context and family != "*":
                target = _by_context(mention.context, recent.get(family, [])) or target
            if target is None and mention.kind in ("bare", "reference"):
                # "ortak bildiri" … "Bildiride": a joint statement is a declaration too.
                kin = [last_of_family[f] for f in related_to.get(family, ()) if f in last_of_family]
                target = max(kin, key=lambda c: c.mentions[-1].start, default=None)
            if target is None and mention.any_kind:
                target = last  # "bu anlaşma" after a protocol: a demonstrative has a referent
        if target is None:
            if not mention.can_start or family == "*":
                continue
            target = Cluster(mention.key, family, vocabulary=vocabulary)
            clusters.append(target)
            recent.setdefault(family, []).append(target)
        elif (
            vocabulary is not None
            and mention.kind == "named"
            and (target.vocabulary is None or vocabulary.covers(target.vocabulary))
        ):
            target.vocabulary = vocabulary  # the fuller name is what later mentions are matched to
        if mention.kind in ("named", "compound", "described"):
            by_key.setdefault(mention.key, target)
        target.mentions.append(mention)
        last_of_family[target.family] = target
        last = target
    _place_headings(mentions, headings, clusters)
    for c in clusters:
        c.mentions.sort(key=lambda m: m.start)
    return [c for c in clusters if c.mentions]


def _similar(vocabulary: _Vocabulary | None, recent: list[Cluster]) -> Cluster | None:
    if vocabulary is None:
        return None
    for c in reversed(recent[-_RECENT_CLUSTERS:]):
        other = c.vocabulary
        if other is not None and (other.covers(vocabulary) or vocabulary.covers(other)):
            return c
    return None


def _by_context(context: frozenset[str], recent: list[Cluster]) -> Cluster | None:
    """The latest recent agreement whose words include one of the words before a mention."""
    for c in reversed(recent[-_RECENT_CLUSTERS:]):
        if c.vocabulary is not None and any(c.vocabulary.has(w) for w in context):
            return c
    return None


def _place_headings(
    mentions: list[MentionDraft],
    headings: list[tuple[MentionDraft, Cluster | None, Cluster | None]],
    clusters: list[Cluster],
) -> None:
    """A subheading names the document the text goes on to tell of, else the last one."""
    if not headings:
        return
    owner = {id(m): c for c in clusters for m in c.mentions}
    following: dict[str, Cluster] = {}
    wanted = {id(h): h for h, _, _ in headings}
    after: dict[int, Cluster | None] = {}
    for m in reversed(mentions):
        if id(m) in wanted:
            after[id(m)] = following.get(m.family)
        elif id(m) in owner:
            following[m.family] = owner[id(m)]
    for heading, before, _ in headings:
        target = after.get(id(heading)) or before
        if target is None:
            if not heading.can_start:
                continue
            target = Cluster(heading.key, heading.family)
            clusters.append(target)
        target.mentions.append(heading)


def status_of(c: Cluster) -> str:
    """Signed if any mention says so, else proposed, else referred."""
    statuses = {m.status for m in c.mentions}
    for status in ("signed", "proposed"):
        if status in statuses:
            return status
    return "referred"


def name_of(c: Cluster, text: str) -> str:
    """The agreement's name: a proper name if any mention has one, else the first mention's core."""
    best = next((m for m in c.mentions if m.kind == "named"), None)
    best = best or next((m for m in c.mentions if m.kind == "compound"), None)
    best = best or next((m for m in c.mentions if m.kind not in ("heading", "reference")), None)
    best = best or c.mentions[0]
    return text[best.core_start : best.end]
