"""Synthetic Turkish meeting articles for benchmarks and tests (plain Python, no Django)."""

from .generator import (
    GeneratedArticle,
    article_name,
    build_world,
    generate,
    generate_article,
    write_corpus,
)

__all__ = [
    "GeneratedArticle",
    "article_name",
    "build_world",
    "generate",
    "generate_article",
    "write_corpus",
]
