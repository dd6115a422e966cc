"""The records-quality check: what a set of imported articles must never leave behind, and how
many records it made beside what the dev set's gold says a careful reader finds.

Used by tests/ingest/test_records_quality.py (the dev set plus 200 generated articles) and by
tests/bench/bench_records_quality.py (1,000), on whatever database Django is connected to.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.db.models import Count, Q

from meetings.extraction.lexicon import lexicon
from meetings.extraction.turkish import fold, name_key
from meetings.ingest.agreement_names import agreement_name_kind
from meetings.models import Agreement, AgreementMention, Country, Meeting, Participation, Person

ROOT = Path(__file__).resolve().parents[2]
DEVSET = ROOT / "tests" / "extraction" / "devset"
# "(Azerbaycan, Türkiye; 2021)": the parties (and year) a generic noun signed at a meeting is
# recorded with (agreement_names.with_parties).
_PARTIES = re.compile(r"\s*\(([^()]*)\)\s*$")


@cache
def generic_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The folded words an agreement's name may consist of and still name no document in
    particular (the adjectives the extractor reads as no part of a name, such as "ikili" and
    "ortak", counts and vague words), and the agreement nouns' stems, which also stand in
    their plurals and possessives."""
    words = lexicon()
    path = ROOT / "meetings" / "extraction" / "lexicon" / "agreements.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    stems = {fold(h["stem"]) for h in data["heads"]}
    before = {fold(h["after"]) for h in data["heads"] if "after" in h}  # "ortak", "mutabakat"
    plain = frozenset(
        stems | before | words.agreement_adjectives | words.agreement_not_specific
    ) | {fold(c) for c in data["counts"]}
    return plain, tuple(sorted(stems))


def is_only_generic(name: str) -> bool:
    """Whether an agreement's name is only a generic noun ("anlaşma", "Protokol", "ikili
    anlaşma", "Ortak Bildiri"), or several or a number of documents ("anlaşmalar",
    "Aramızdaki anlaşmalar", "yedi anlaşma"; the ingest's own reading, agreement_name_kind).

    A singular generic noun signed at a meeting between two or more parties is a record by
    design, named with them ("ikili anlaşma (Azerbaycan, Türkiye; 2021)"); with fewer, the
    parties anchor nothing."""
    plain, stems = generic_words()
    parties = _PARTIES.search(name)
    base = name[: parties.start()] if parties else name
    keys = name_key(base).split()
    if not keys or agreement_name_kind(base) in ("plural", "count"):
        return True
    if not all(key in plain or key.startswith(stems) for key in keys):
        return False
    named = [p for p in (parties.group(1).split(";")[0].split(",") if parties else []) if p.strip()]
    return len(named) < 2


@dataclass
class Quality:
    """What the check found: each kind of defect, listed, and the records counted."""

    generic_agreements: list[str] = field(default_factory=list)
    lone_surnames: list[str] = field(default_factory=list)
    duplicate_participations: list[str] = field(default_factory=list)
    countries_without_code: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def defects(self) -> dict[str, list[str]]:
        """Each kind of defect that was found, with its examples."""
        found = {
            "agreements named only by a generic noun": self.generic_agreements,
            "people known by a surname alone that one other person bears": self.lone_surnames,
            "people taking part twice in one meeting": self.duplicate_participations,
            "countries without an ISO code": self.countries_without_code,
        }
        return {what: rows for what, rows in found.items() if rows}


def check_records() -> Quality:
    """Run every check over the database's records."""
    quality = Quality()
    quality.generic_agreements = sorted(
        name for name in Agreement.objects.values_list("name", flat=True) if is_only_generic(name)
    )
    quality.lone_surnames = _lone_surnames()
    quality.duplicate_participations = _duplicate_participations()
    quality.countries_without_code = sorted(
        Country.objects.filter(Q(iso_code__isnull=True) | Q(iso_code="")).values_list(
            "name_tr", flat=True
        )
    )
    quality.counts = {
        "people": Person.objects.count(),
        "people who took part in a meeting": Person.objects.filter(participations__isnull=False)
        .distinct()
        .count(),
        "agreements": Agreement.objects.count(),
        "meetings": Meeting.objects.count(),
    }
    return quality


def _lone_surnames() -> list[str]:
    """People named by one word while exactly one full-named person has it as surname."""
    full = Counter(
        key for key, name in Person.objects.values_list("surname_key", "name_key") if " " in name
    )
    return sorted(
        name
        for name, key in Person.objects.exclude(name_key__contains=" ").values_list(
            "name", "name_key"
        )
        if full[key] == 1
    )


def _duplicate_participations() -> list[str]:
    """Meeting and person of every person listed twice in one meeting: by their person, or,
    when unresolved, by the name as written."""
    twice = (
        Participation.objects.filter(person__isnull=False)
        .values("meeting__slug", "person__name")
        .annotate(n=Count("pk"))
        .filter(n__gt=1)
    )
    found = [f"{row['meeting__slug']}: {row['person__name']} ×{row['n']}" for row in twice]
    unresolved = Counter(
        (slug, name_key(raw))
        for slug, raw in Participation.objects.filter(person__isnull=True).values_list(
            "meeting__slug", "raw_name"
        )
    )
    found += [f"{slug}: {name} ×{n}" for (slug, name), n in unresolved.items() if n > 1]
    return sorted(found)


@dataclass
class GoldCounts:
    """What the dev set's gold implies, beside what its articles' import made."""

    gold: dict[str, int]
    imported: dict[str, int]

    def ratios(self) -> dict[str, float]:
        """Imported over gold, for each count."""
        return {k: self.imported[k] / self.gold[k] for k in self.gold if self.gold[k]}


def devset_counts(files: list[str] | None = None) -> GoldCounts:
    """Distinct people taking part in meetings, distinct agreements and meetings: in the gold,
    and among the records imported from the dev-set articles (by file name)."""
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))
    if files is not None:
        gold = [g for g in gold if g["file"] in files]
    names = {g["file"] for g in gold}
    meetings = [m for g in gold for m in g["meetings"]]
    gold_counts = {
        "people in meetings": len({name_key(p) for m in meetings for p in m["participants"]}),
        "agreements": len({name_key(a["name"]) for m in meetings for a in m["agreements"]}),
        "meetings": len(meetings),
    }
    ours = Meeting.objects.filter(reports__article__filename__in=names).distinct()
    imported = {
        "people in meetings": Person.objects.filter(participations__meeting__in=ours)
        .distinct()
        .count(),
        "agreements": AgreementMention.objects.filter(article__filename__in=names)
        .values("agreement")
        .distinct()
        .count(),
        "meetings": ours.count(),
    }
    return GoldCounts(gold_counts, imported)


def report(quality: Quality, gold: GoldCounts | None = None) -> str:
    """The check's findings and counts, as lines to print."""
    lines = [", ".join(f"{what}: {n}" for what, n in quality.counts.items())]
    if gold is not None:
        for what, ratio in gold.ratios().items():
            lines.append(
                f"dev set {what}: {gold.imported[what]} imported, {gold.gold[what]} in the gold"
                f" ({ratio:.2f})"
            )
    defects = quality.defects()
    for what, rows in defects.items():
        lines.append(f"{what}: {len(rows)}, e.g. {'; '.join(rows[:5])}")
    if not defects:
        lines.append(
            "no defects: no generic agreement, lone surname, duplicate participation "
            "or country without an ISO code"
        )
    return "\n".join(lines)
