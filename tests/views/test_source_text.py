"""The annotated source text: escaped pieces, spans that nest, spans that cannot are dropped."""

from meetings.templatetags.source_text import SourceSpan, annotate, span_context

TEXT = 'Aliyev, "Barış <b>anlaşması</b> önemli" dedi. Lavrov da konuştu.'


def spans_of(**named):
    return [
        SourceSpan(TEXT.index(part), TEXT.index(part) + len(part), kind, f"/{kind}/", part, "a")
        for kind, part in named.items()
    ]


def test_text_is_escaped_and_spans_are_marked():
    html = annotate(TEXT, spans_of(person="Aliyev"))
    assert html.startswith('<a class="src src-person" href="/person/" title="Aliyev">Aliyev</a>')
    assert "&lt;b&gt;anlaşması&lt;/b&gt;" in html
    assert "<b>" not in html


def test_links_nest_inside_a_statement():
    statement = SourceSpan(9, 38, "statement", "#statement-1", "1", "source-statement-1")
    agreement = SourceSpan(9, 14, "agreement", "/agreements/x/", "Barış")
    html = annotate(TEXT, [agreement, statement])
    assert html.index("<mark") < html.index('<a class="src src-agreement"')
    assert html.index(">Barış</a>") < html.index("</mark>")
    assert html.count("<mark") == html.count("</mark>") == 1


def test_crossing_and_invalid_spans_are_left_out():
    statement = SourceSpan(9, 20, "statement", "#s", "1", "s")
    crossing = SourceSpan(15, 30, "person", "/p/", "x")  # starts inside, ends outside
    outside = SourceSpan(1000, 1005, "person", "/p/", "y")
    backwards = SourceSpan(5, 2, "person", "/p/", "z")
    html = annotate(TEXT, [statement, crossing, outside, backwards])
    assert "src-person" not in html
    assert html.count("<mark") == 1


def test_the_whole_text_survives_any_spans():
    import re

    spans = [SourceSpan(i, i + 7, "person", "/p/", "n") for i in range(0, len(TEXT) - 7, 3)]
    html = annotate(TEXT, spans)
    plain = re.sub(r"<[^>]+>", "", html)
    assert plain == TEXT.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;"
    )


def test_span_context_marks_the_span_in_escaped_context():
    html = span_context(TEXT, TEXT.index("Lavrov"), TEXT.index("Lavrov") + 6, width=20)
    assert "<mark>Lavrov</mark>" in html
    assert html.startswith("… ")
