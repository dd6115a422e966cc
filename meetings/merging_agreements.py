"""Merging duplicate Agreement records into one, keeping every mention and name."""

from django.db import transaction

from meetings.merging import add_alias_to
from meetings.models import (
    Agreement,
    AgreementAlias,
    AgreementMention,
    AgreementStatus,
    FormerSlug,
)

# A merged agreement is as far along as the furthest of its records.
_STATUS_RANK = {
    AgreementStatus.REFERRED: 0,
    AgreementStatus.PROPOSED: 1,
    AgreementStatus.SIGNED: 2,
}


@transaction.atomic
def merge_agreements(survivor: Agreement, others: list[Agreement]) -> dict[str, int]:
    """Move the others' mentions, aliases and parties onto survivor, then delete them.

    Each merged agreement's name becomes an alias of the survivor, so the next import
    resolves that wording to the survivor. Rows are saved one by one (not ``update()``) so
    that each move is in their history. Returns how many mentions and new aliases moved.
    """
    others = [a for a in others if a.pk != survivor.pk]
    ids = [a.pk for a in others]
    mentions = list(AgreementMention.objects.filter(agreement_id__in=ids))
    for mention in mentions:
        mention.agreement = survivor
        mention.save()
    moved_aliases = list(AgreementAlias.objects.filter(agreement_id__in=ids))
    for alias in moved_aliases:
        alias.agreement = survivor
        alias.save()
    survivor.parties.add(*{c for a in others for c in a.parties.all()})
    changed = False
    for other in others:
        if _STATUS_RANK.get(other.status, 0) > _STATUS_RANK.get(survivor.status, 0):
            survivor.status, changed = other.status, True
        if survivor.signed_date is None and other.signed_date is not None:
            survivor.signed_date = other.signed_date
            survivor.signed_date_precision = other.signed_date_precision
            changed = True
        if not survivor.description and other.description:
            survivor.description, changed = other.description, True
    if changed:
        survivor.save()
    names = [a.name for a in others]
    for other in others:  # its page redirects to the survivor's, so no cited link breaks
        FormerSlug.remember("agreement", other.slug, survivor.pk, merged_id=other.pk)
        other.delete()
    new_aliases = sum(add_alias_to(survivor, n, AgreementAlias, "agreement") for n in names)
    return {"mentions": len(mentions), "aliases": len(moved_aliases) + new_aliases}
