"""Where a query's words are marked: at the start of a word only, never inside one."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from meetings.extraction.turkish import fold_aligned
from meetings.search import highlight, parse_query, snippet

LETTER = r"[^\W_]"


def marked(html: str) -> list[str]:
    return re.findall(r"<mark>(.*?)</mark>", str(html))


def test_a_word_is_marked_where_a_word_begins_with_it_and_nowhere_inside_a_word():
    text = "Bakan, Başbakan ve bakanlık; _bakan 2bakan (bakan) 'bakan'ın"
    assert marked(highlight(text, "bakan")) == ["Bakan", "bakanlık", "bakan", "bakan", "bakan"]


def test_the_first_word_of_the_text_is_marked():
    assert marked(highlight("Lavrov'un ziyareti", "lavrov")) == ["Lavrov"]


def test_a_phrase_is_marked_across_a_case_ending_and_only_from_a_word_start():
    text = "Dışişleri Bakanı'nın açıklaması; AltDışişleri Bakanı değil."
    assert marked(highlight(text, '"dışişleri bakanı"')) == ["Dışişleri Bakanı"]


def test_an_exact_word_is_not_marked_as_the_start_of_a_longer_one():
    text = '"AB" dedi; ABD değil, AB\'nin üyesi.'
    assert marked(highlight(text, '"ab"')) == ["AB", "AB"]


def test_a_snippet_marks_what_the_whole_text_marks_inside_its_passage():
    text = "Erdoğan ve Aliyev görüştü. " * 3
    assert marked(snippet(text, "aliyev görüş")) == ["Aliyev", "görüştü"] * 3


# The specification, as plainly as it can be written: a term matches where its words follow one
# another and no letter comes before the first (the site's patterns are faster equivalents).
def reference_spans(text: str, query: str) -> list[tuple[int, int]]:
    gap = r"(?:['’][^\W_]*)?[\W_]+"
    terms = []
    for term in parse_query(query).include:
        body = gap.join(re.escape(token) for token in term.tokens)
        tail = rf"{LETTER}*" if term.prefix else rf"(?!{LETTER})"
        terms.append(rf"(?<!{LETTER}){body}{tail}")
    pattern = re.compile("|".join(terms))
    return [m.span() for m in pattern.finditer(fold_aligned(text)) if m.end() > m.start()]


def spans_of(html: str, text: str) -> list[tuple[int, int]]:
    """The marked spans of highlight(text), as offsets in text (the text holds no markup)."""
    import html as html_module

    spans, offset = [], 0
    for piece in re.split(r"(<mark>.*?</mark>)", str(html)):
        if piece.startswith("<mark>"):
            inner = html_module.unescape(piece[6:-7])
            spans.append((offset, offset + len(inner)))
            offset += len(inner)
        else:
            offset += len(html_module.unescape(piece))
    return spans


WORDS = ["bakan", "Bakanı", "başbakan", "AB", "abd", "Şoygu", "şoygu'nun", "işbirliği", "x_y"]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=12),
    gaps=st.lists(st.sampled_from([" ", ", ", "'", "_", "2", "", " (", "’"]), min_size=12),
    query=st.sampled_from(["bakan", '"bakani"', "ab", '"ab"', "soygu", '"bakan ab"', "abd bakan"]),
)
def test_marks_are_where_the_plain_definition_puts_them(words, gaps, query):
    text = "".join(word + gap for word, gap in zip(words, gaps, strict=False))
    if not text.strip():
        return
    assert spans_of(highlight(text, query), text) == reference_spans(text, query)
