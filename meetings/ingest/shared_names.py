"""One proper name, several agreements: which keeps the plain name whatever the import order.

Two documents can share a proper name ("Lojistik Bildirgesi") and differ in their parties
(Armenia and the US; Kenya and the US). Each is its own record: the one whose parties come
first by their ISO codes keeps the plain name, every other is named with its parties
("Lojistik Bildirgesi (ABD, Kenya)", see agreement_names.with_parties). When a document that comes
first arrives after another took the plain name, that one is renamed with its parties, so the
outcome is the same in any order.
"""

from __future__ import annotations

from collections.abc import Iterable

from meetings.extraction.turkish import name_key
from meetings.models import Agreement
from meetings.models.base import slug_base, unique_slugs


def party_rank(party_ids: Iterable[int], codes: dict[int, str]) -> tuple:
    """The order in which agreements sharing a name claim it: by their parties' sorted ISO
    codes ("AM", "US" before "KE", "US"), ids only where a code is missing."""
    return tuple(sorted((codes.get(pk) or "~", pk) for pk in party_ids))


def siblings(plain: str, remembered: Iterable[Agreement]) -> list[Agreement]:
    """The agreements named with their parties after this plain name: those remembered (a
    chunk's held ones among them) and those stored, in id order."""
    prefix = f"{plain.strip()} ("
    found = {a.pk: a for a in remembered if a is not None and a.name.startswith(prefix)}
    for agreement in Agreement.objects.filter(name__startswith=prefix).prefetch_related("parties"):
        found.setdefault(agreement.pk, agreement)
    return [found[pk] for pk in sorted(found)]


def rename_with_parties(agreement: Agreement, name: str) -> None:
    """Give the holder of a plain name its name with its parties, and a slug to match.

    A held agreement (a chunk's, not yet inserted) only changes; its slug is made unique with
    the chunk's. A stored one is saved, so its history shows the rename.
    """
    agreement.name = name
    agreement.name_key = name_key(name)
    if agreement._state.adding:
        agreement.slug = slug_base(name)
        return
    wanted = [(slug_base(name), agreement.name_key)]
    agreement.slug = unique_slugs(Agreement, wanted, agreement.pk)[0]
    agreement.save(update_fields=["name", "name_key", "slug"])


def takes_plain_name(
    holder: Agreement, holder_parties: set[int], party_ids: set[int], codes: dict[int, str]
) -> bool:
    """Whether a new agreement with party_ids takes the plain name from its holder, whose
    parties clash with them (the holder is then renamed); an editor's lock on the holder's
    name keeps it where it is."""
    if holder.is_locked("name"):
        return False
    return party_rank(party_ids, codes) < party_rank(holder_parties, codes)
