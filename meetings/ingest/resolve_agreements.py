"""Resolving agreement mentions to Agreement rows: by name, alias and parties, the same
whatever the order articles arrive in (see agreement_names and shared_names)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from meetings.extraction.turkish import name_key
from meetings.ingest import shared_names
from meetings.ingest.agreement_names import (
    is_specific,
    parties_compatible,
    record_name,
    with_parties,
)
from meetings.ingest.pending import PendingRows
from meetings.models import Agreement, AgreementAlias, Country
from meetings.models.base import slug_base


class AgreementResolver:
    """The agreement half of Resolver: what one import run has looked up or created."""

    pending: PendingRows | None
    _codes: dict[int, str] | None  # countries' ISO codes, by id (Resolver.forget)

    def _forget_agreements(self) -> None:
        """Drop the remembered agreements (Resolver.forget)."""
        self._agreements: dict[tuple, Agreement] = {}
        # Agreement names and aliases by key, as looked up (None: looked up, not found),
        # and each agreement's party ids.
        self._agreement_names: dict[str, Agreement | None] = {}
        self._agreement_aliases: dict[str, AgreementAlias | None] = {}
        self._parties: dict[int, set[int]] = {}

    def _remembered_agreements(self) -> tuple:
        """What trim counts against its limit."""
        return (self._agreements, self._agreement_names, self._agreement_aliases)

    def agreement(
        self,
        name: str,
        surfaces: list[str],
        parties: list[Country],
        status: str,
        year: int | None = None,
    ) -> tuple[Agreement | None, bool]:
        """The agreement these surface forms name, created if none matches; and whether new.

        A specific name (is_specific) matches the agreement of that name, and any alias, only
        when the parties are compatible (parties_compatible); an alias marked
        needs_party_match ("üçlü anlaşma", "barış anlaşması") only when the article names at
        least two parties and they fit. With nothing matching, a record is created under
        record_name, or, for a plural, a count or a generic noun only referred to, none is:
        (None, False). year is the meeting's, for a generic noun signed there.
        """
        party_ids = frozenset(c.pk for c in parties)
        forms = [name, *surfaces]
        keys = [k for k in dict.fromkeys(name_key(s) for s in forms) if k]
        recorded = record_name(name, parties, status, year)
        remembered = (tuple(keys), party_ids, recorded)
        if remembered in self._agreements:
            return self._agreements[remembered], False
        # The names a new record may take: its own or, where an agreement with other
        # parties has that, the name with the parties ("Lojistik Bildirgesi (ABD, Kenya)").
        names = [recorded] if recorded else []
        if recorded and parties and is_specific(name):
            names.append(with_parties(recorded, parties))
        specific = {name_key(s) for s in forms if is_specific(s)}
        agreement, created = self._find_or_create_agreement(names, keys, specific, parties, status)
        self._agreements[remembered] = agreement
        return agreement, created

    def prefetch_agreements(self, names: list[str]) -> None:
        """Look up many agreement names and surface forms at once (four queries)."""
        keys = {k for k in map(name_key, names) if k and k not in self._agreement_names}
        if not keys:
            return
        for agreement in Agreement.objects.filter(name_key__in=keys).prefetch_related("parties"):
            self._remember_agreement(agreement)
        aliases = (
            AgreementAlias.objects.filter(key__in=keys)
            .select_related("agreement")
            .prefetch_related("agreement__parties")
        )
        for alias in aliases:
            self._remember_agreement(alias.agreement)
            self._agreement_aliases[alias.key] = alias
        for key in keys:
            self._agreement_names.setdefault(key, None)
            self._agreement_aliases.setdefault(key, None)

    def _remember_agreement(self, agreement: Agreement, parties: list[Country] | None = None):
        self._agreement_names[agreement.name_key] = agreement
        if parties is None:
            parties = agreement.parties.all()  # prefetched
        self._parties[agreement.pk] = {c.pk for c in parties}

    def _find_or_create_agreement(
        self,
        names: list[str],
        keys: list[str],
        specific: set[str],
        parties: list[Country],
        status: str,
    ) -> tuple[Agreement | None, bool]:
        party_ids = {c.pk for c in parties}
        self.prefetch_agreements([*names, *keys])
        found = self._agreement_by_keys(keys, specific, party_ids)
        name = None
        if found is None and len(names) == 2:  # a proper name, with parties
            found, name = self._shared_name(names[0], parties)
        for candidate in names if found is None and name is None else ():
            found = self._agreement_names[name_key(candidate)]
            if found is None:
                name = candidate  # free: the new record's name
                break
            if parties_compatible(self._parties[found.pk], party_ids):
                break
            found = None
        if found is not None:
            self._add_parties(found, party_ids - self._parties[found.pk], parties)
            return found, False
        if name is None:
            return None, False  # not a record, or its names are other agreements'
        if self.pending is not None:
            return self._hold_agreement(name, status, parties), True
        try:
            with transaction.atomic():
                agreement = Agreement.objects.create(name=name, status=status)
                Agreement.parties.through.objects.bulk_create(
                    [Agreement.parties.through(agreement=agreement, country=c) for c in parties]
                )
        except IntegrityError:
            agreement = Agreement.objects.prefetch_related("parties").get(name_key=name_key(name))
            self._remember_agreement(agreement)
            return agreement, False
        self._remember_agreement(agreement, parties)
        return agreement, True

    def _shared_name(
        self, plain: str, parties: list[Country]
    ) -> tuple[Agreement | None, str | None]:
        """For a proper name another agreement holds with clashing parties: (the agreement
        sharing the name whose parties fit, None), or (None, the name a new record takes),
        or (None, None) to go on as for any name. See shared_names."""
        holder = self._agreement_names.get(name_key(plain))
        party_ids = {c.pk for c in parties}
        if holder is None or parties_compatible(self._parties[holder.pk], party_ids):
            return None, None
        remembered = [a for a in self._agreement_names.values() if a is not None]
        for sibling in shared_names.siblings(plain, remembered):
            if sibling.pk not in self._parties:
                self._remember_agreement(sibling)
            if parties_compatible(self._parties[sibling.pk], party_ids):
                return sibling, None
        if self._codes is None:
            self._codes = dict(Country.objects.values_list("pk", "iso_code"))
        held = self._parties[holder.pk]
        if not shared_names.takes_plain_name(holder, held, party_ids, self._codes):
            return None, None
        self._agreement_names[holder.name_key] = None
        named = with_parties(plain, list(Country.objects.filter(pk__in=held)))
        shared_names.rename_with_parties(holder, named)
        self._agreement_names[holder.name_key] = holder
        return None, plain

    def _add_parties(self, agreement: Agreement, new: set[int], parties: list[Country]) -> None:
        """Add parties an article names to an agreement that lacks them (not over a lock)."""
        if not new or agreement.is_locked("parties"):
            return
        through = Agreement.parties.through
        rows = [through(agreement=agreement, country=c) for c in parties if c.pk in new]
        if self.pending is not None:
            self.pending.add(through, rows)
        else:
            through.objects.bulk_create(rows, ignore_conflicts=True)
        self._parties[agreement.pk] |= new

    def _hold_agreement(self, name: str, status: str, parties: list[Country]) -> Agreement:
        """A new agreement held back with the chunk's rows (what Agreement.save would fill
        in is filled in here; the chunk makes its slug unique)."""
        agreement = Agreement(name=name, name_key=name_key(name), slug=slug_base(name))
        agreement.status = status
        self.pending.add(Agreement, [agreement])
        through = Agreement.parties.through
        self.pending.add(through, [through(agreement=agreement, country=c) for c in parties])
        self._remember_agreement(agreement, parties)
        return agreement

    def _agreement_by_keys(
        self, keys: list[str], specific: set[str], party_ids: set[int]
    ) -> Agreement | None:
        """The agreement the first matching key names, from what prefetch_agreements
        remembered: by its name if the key is specific, or by an alias; parties compatible."""

        def fits(agreement: Agreement) -> bool:
            return parties_compatible(self._parties[agreement.pk], party_ids)

        for key in keys:
            agreement = self._agreement_names.get(key)
            if agreement is not None and key in specific and fits(agreement):
                return agreement
            alias = self._agreement_aliases.get(key)
            if alias is None or not fits(alias.agreement):
                continue
            if not alias.needs_party_match or len(party_ids) >= 2:
                return alias.agreement
        return None
