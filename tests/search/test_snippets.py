"""Snippets: the passage around a query's first match, marked; only the matches that can show
are looked for, and the result is what marking every match of the text gave."""

import random

import pytest

from meetings.corpus.generator import generate
from meetings.extraction.turkish import fold_aligned
from meetings.search import snippet
from meetings.search.highlight import _as_query, _marked, _pattern


def every_match_snippet(text, query, width=240):
    """The snippet as it was written before: every match of the whole text marked."""
    text = " ".join((text or "").split())
    pattern = _pattern(_as_query(query))
    spans = []
    if pattern is not None and text:
        spans = [m.span() for m in pattern.finditer(fold_aligned(text)) if m.end() > m.start()]
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        first = spans[0][0] if spans else 0
        start = max(0, first - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + _marked(text, spans, start, end) + suffix


def queries_for(text, rng):
    words = [w.strip(".,;:\"“”'()") for w in text.split()]
    words = [w for w in words if w]
    picked = [rng.choice(words) for _ in range(4)]
    i = rng.randrange(max(1, len(words) - 2))
    return [
        picked[0],
        picked[1][:3],
        f"{picked[2]} {picked[3]}",
        f'"{" ".join(words[i : i + 2])}"',
        f"{picked[0]} -{picked[1]}",
        "-" + picked[2],
        "zzzqxw",
        "",
        None,
    ]


@pytest.mark.parametrize("seed", range(4))
def test_a_snippet_is_the_one_every_match_gave(seed):
    rng = random.Random(seed)
    for generated in generate(seed + 1, 30):
        text = generated.text[: rng.choice([60, 240, 1200, 5000])]
        for query in queries_for(text, rng):
            for width in (40, 240):
                assert snippet(text, query, width) == every_match_snippet(text, query, width)


def test_marks_after_the_passage_are_not_looked_for_but_those_in_it_are():
    text = "Bakü " + "söz " * 100 + "Bakü sonra"
    shown = snippet(text, "bakü", width=60)
    assert shown.startswith("<mark>Bakü</mark> söz")
    assert shown.count("<mark>") == 1 and shown.endswith(" …")


@pytest.mark.parametrize(
    "text",
    [
        " " * 600 + "Görüşme Bakü'de yapıldı. " * 30,  # white space fills the first part read
        "\n\n  Başlık\n\n" + "kelime\t\t " * 200,  # runs of white space of every kind
        "a" * 700 + " sonra",  # one word longer than any passage
        "söz " * 60 + "x",  # ends just past the passage
        ("söz " * 120)[: 2 * 240],  # ends exactly where the first part read ends
        "kısa metin",
        "",
    ],
)
@pytest.mark.parametrize("width", [40, 240])
def test_with_no_query_the_opening_is_the_one_spacing_the_whole_text_gave(text, width):
    """With no query only the opening can show, so only it is spaced; the passage is the
    same as when the whole text was."""
    assert snippet(text, None, width) == every_match_snippet(text, None, width)
    assert snippet(text, "", width) == every_match_snippet(text, "", width)
