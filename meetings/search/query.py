"""The search language: words, "exact phrases" and -exclusions, folded the Turkish way.

A user types ``aliyev "barış anlaşması" -lavrov``. Each word is folded with the same
``fold_tokens`` that built the index, so "ALİYEV'in" and "aliyev" are the same token. A word
of three letters or more matches any indexed token it begins ("anlaşma" finds
"anlaşmaların"); a phrase matches its tokens exactly and in order. Whatever is typed, the
result is a valid query for either engine: only folded word tokens ever reach them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from meetings.extraction.turkish import fold_tokens

MAX_QUERY_CHARS = 500
MAX_TERMS = 12
# Shorter words match only themselves: "ab" should find AB, not every word beginning "ab".
MIN_PREFIX = 3
# A phrase in straight or typographic double quotes, or a run of non-space characters.
_PIECE = re.compile(r'(-?)["“”„«»]([^"“”„«»]*)["“”„«»]?|(\S+)')


@dataclass(frozen=True)
class Term:
    """One condition: a word (matched as a prefix) or a phrase (matched exactly)."""

    tokens: tuple[str, ...]
    phrase: bool = False

    @property
    def prefix(self) -> bool:
        """Single words match as prefixes, so Turkish suffixes do not hide a match."""
        return not self.phrase and len(self.tokens[0]) >= MIN_PREFIX


@dataclass(frozen=True)
class Query:
    """A parsed query: every positive term must match, no excluded term may."""

    include: tuple[Term, ...] = ()
    exclude: tuple[Term, ...] = ()
    text: str = field(default="", compare=False)

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)


def parse_query(text: str | None) -> Query:
    """Parse what the user typed; anything that folds to no word token is ignored."""
    text = (text or "")[:MAX_QUERY_CHARS]
    include: list[Term] = []
    exclude: list[Term] = []
    for match in _PIECE.finditer(text):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            tokens = tuple(fold_tokens(quoted))
            # A quoted single word is exact; several are a phrase.
            term = Term(tokens, phrase=True)
        else:
            negated = "-" if bare.startswith("-") and len(bare) > 1 else ""
            tokens = tuple(fold_tokens(bare.lstrip("-") if negated else bare))
            # "Kasım-2020" folds to two tokens: they must stand together, as written.
            term = Term(tokens, phrase=len(tokens) > 1)
        if not tokens:
            continue
        target = exclude if negated else include
        if term not in target:
            target.append(term)
    return Query(tuple(include[:MAX_TERMS]), tuple(exclude[:MAX_TERMS]), text=text)


Words = dict[str, list[str] | None]


def _fts5_term(term: Term, words: Words | None = None) -> str:
    # Tokens are folded word characters only, so quoting them cannot break the syntax.
    quoted = '"' + " ".join(term.tokens) + '"'
    if not term.prefix:
        return quoted
    beginning = (words or {}).get(term.tokens[0])
    if beginning:  # the indexed words with this prefix, each matched as a whole word
        return "(" + " OR ".join('"' + word.replace('"', '""') + '"' for word in beginning) + ")"
    return quoted + "*"


def to_fts5(query: Query, words: Words | None = None) -> str:
    """The FTS5 MATCH expression for the positive terms, minus the excluded ones.

    ``words`` gives, for a prefix, the indexed words that begin with it (see
    ``meetings.search.vocabulary``): the term is then matched as any of those words, which
    FTS5 reads newest first, rather than as a prefix, whose matches it must all gather.
    """
    expression = " AND ".join(_fts5_term(t, words) for t in query.include)
    if query.exclude:
        excluded = " OR ".join(_fts5_term(t, words) for t in query.exclude)
        expression = f"({expression}) NOT ({excluded})"
    return expression


def to_fts5_any(terms: tuple[Term, ...], words: Words | None = None) -> str:
    """An FTS5 expression matching any of the terms (for exclusion-only queries)."""
    return " OR ".join(_fts5_term(t, words) for t in terms)


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _tsquery_term(term: Term, words: Words | None = None) -> str:
    if not term.prefix:
        return "(" + " <-> ".join(term.tokens) + ")"
    beginning = (words or {}).get(term.tokens[0])
    if beginning:  # the indexed words with this prefix, as for FTS5 (see to_fts5)
        return "(" + " | ".join(_lexeme(word) for word in beginning) + ")"
    return f"{term.tokens[0]}:*"


def to_tsquery(query: Query, words: Words | None = None) -> str:
    """The PostgreSQL tsquery text (for to_tsquery('simple', …)) with the same meaning;
    ``words`` expands prefixes to the indexed words that begin with them, as for FTS5."""
    parts = [_tsquery_term(t, words) for t in query.include]
    parts += [f"!{_tsquery_term(t, words)}" for t in query.exclude]
    return " & ".join(parts)


def to_tsquery_any(terms: tuple[Term, ...], words: Words | None = None) -> str:
    """A tsquery matching any of the terms."""
    return " | ".join(_tsquery_term(t, words) for t in terms)
