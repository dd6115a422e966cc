"""The normalised article as the readers see it: tokens, sentences and quotations."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from .lexicon import Phrases, lexicon
from .quotemarks import QuoteRegion, find_regions
from .turkish import fold_aligned

# A word keeps its apostrophe ending and inner hyphens: "Fidan'ın", "Nur-Sultan", "2020'de".
_TOKEN = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*|\S")
_BOUNDARY = re.compile(r"[.!?…]+[\"”»’)]*\s+")
_NEXT_STARTS = re.compile(r"[\"“«„(\d]|[^\W\d_]")


class Token(NamedTuple):
    """One word or punctuation mark; ``base`` is a word without its apostrophe case ending."""

    index: int
    start: int
    end: int
    base_end: int
    text: str
    fbase: str
    suffix: str
    is_word: bool
    cap: bool
    quote: int
    sent: int

    @property
    def base(self) -> str:
        """The word without its apostrophe case ending."""
        return self.text[: self.base_end - self.start]


# Tokens are many: build them with the C-level tuple constructor, not NamedTuple.__new__.
_new_token = tuple.__new__


@dataclass(slots=True)
class Sentence:
    """A sentence: a quotation and its attribution stay together in one sentence."""

    index: int
    start: int
    end: int
    first: int
    last: int  # one past the last token
    para: int


def _between(positions: list[int], first: int, last: int) -> list[int]:
    """The sorted positions in [first, last)."""
    if first <= 0 and (not positions or positions[-1] < last):
        return positions
    return positions[bisect.bisect_left(positions, first) : bisect.bisect_left(positions, last)]


class Doc:
    """The article's normalised text with its tokens, sentences, paragraphs and quotations."""

    def __init__(self, text: str, paragraphs: list[tuple[int, int]]) -> None:
        self.text = text
        self.folded = fold_aligned(text)
        self.paragraphs = paragraphs
        self.quotes: list[QuoteRegion] = find_regions(text, paragraphs)
        self._quote_starts = [q.start for q in self.quotes]
        self.sentences: list[Sentence] = []
        self.tokens: list[Token] = []
        self._split()
        self._token_starts: list[int] | None = None
        # Where each word occurs: phrase search looks only where a phrase's first word is.
        self.word_index: dict[str, list[int]] = {}
        for token in self.tokens:
            if token.is_word:
                self.word_index.setdefault(token.fbase, []).append(token.index)

    def quote_at(self, pos: int) -> int:
        """The index of the quotation whose marks enclose ``pos``, or -1."""
        i = bisect.bisect_right(self._quote_starts, pos) - 1
        if i >= 0 and self.quotes[i].start <= pos < self.quotes[i].end:
            return i
        return -1

    def token_index(self, pos: int) -> int:
        """The index of the token at or before character ``pos``."""
        if self._token_starts is None:
            self._token_starts = [t.start for t in self.tokens]
        return max(0, bisect.bisect_right(self._token_starts, pos) - 1)

    def find(
        self, phrases: Phrases, first: int = 0, last: int | None = None
    ) -> list[re.Match[str]]:
        """Matches of the phrases that start at a token in [first, last), in text order."""
        last = len(self.tokens) if last is None else last
        index = self.word_index
        # Each word's positions are in text order: cut out [first, last) instead of reading
        # them all, so one sentence's search does not cost the whole article's.
        candidates = sorted(
            i
            for word in phrases.first_words
            if word in index
            for i in _between(index[word], first, last)
        )
        found: list[re.Match[str]] = []
        after = -1
        for i in candidates:
            start = self.tokens[i].start
            if start >= after:
                match = phrases.regex.match(self.folded, start)
                if match is not None:
                    found.append(match)
                    after = match.end()
        return found

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        """The tokens of one sentence."""
        return self.tokens[sent.first : sent.last]

    def _split(self) -> None:
        for para_index, (para_start, para_end) in enumerate(self.paragraphs):
            start = para_start
            for match in _BOUNDARY.finditer(self.text, para_start, para_end):
                cut = match.end()
                if cut >= para_end or self._inside_quote(match.start(), cut):
                    continue
                if not _NEXT_STARTS.match(self.text, cut) or self._abbreviation_before(
                    match.start()
                ):
                    continue
                if self.text[cut].islower():
                    continue
                self._add_sentence(start, match.end(), para_index)
                start = cut
            self._add_sentence(start, para_end, para_index)

    def _inside_quote(self, mark: int, cut: int) -> bool:
        q = self.quote_at(mark)
        return q >= 0 and cut < self.quotes[q].end

    def _abbreviation_before(self, dot: int) -> bool:
        if self.text[dot] != ".":
            return False
        word_start = dot
        while word_start > 0 and (self.text[word_start - 1].isalnum()):
            word_start -= 1
        word = self.folded[word_start:dot]
        if not word:
            return False
        if word in lexicon().abbreviations:
            return True
        # An initial ("J. Smith") or an ordinal ("2. Dünya Savaşı") does not end a sentence.
        return (len(word) == 1 and self.text[word_start].isupper()) or (
            word.isdigit() and len(word) <= 2
        )

    def _add_sentence(self, start: int, end: int, para: int) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start >= end:
            return
        sent_index = len(self.sentences)
        tokens = self.tokens
        first = len(tokens)
        text, folded = self.text, self.folded
        quotes = self.quotes
        q = max(bisect.bisect_right(self._quote_starts, start) - 1, 0)
        n_quotes = len(quotes)
        quote_start, quote_end = (quotes[q].start, quotes[q].end) if quotes else (-1, -1)
        find = text.find
        new = _new_token
        index = first
        s = start
        # findall and find are C loops: much faster than a match object per token. Every
        # non-space character belongs to a token, so a token starts at its first find.
        for word in _TOKEN.findall(text, start, end):
            s = find(word, s)
            e = s + len(word)
            # Tokens come in text order, so the enclosing quotation only moves forward.
            while s >= quote_end and q < n_quotes - 1:
                q += 1
                quote_start, quote_end = quotes[q].start, quotes[q].end
            quote = q if quote_start <= s < quote_end else -1
            if word[0].isalnum():
                apos = word.find("'")
                if apos > 0:
                    base_end = s + apos
                    token = (
                        index,
                        s,
                        e,
                        base_end,
                        word,
                        folded[s:base_end],
                        folded[base_end + 1 : e],
                        True,
                        word[0].isupper(),
                        quote,
                        sent_index,
                    )
                else:
                    token = (
                        index,
                        s,
                        e,
                        e,
                        word,
                        folded[s:e],
                        "",
                        True,
                        word[0].isupper(),
                        quote,
                        sent_index,
                    )
            else:
                token = (index, s, e, e, word, word, "", False, False, quote, sent_index)
            tokens.append(new(Token, token))
            index += 1
            s = e
        self.sentences.append(Sentence(sent_index, start, end, first, len(tokens), para))
