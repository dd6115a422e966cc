"""Review reasons stored as English sentences become the catalogue's codes.

Until now the importer wrote sentences ("date unknown", "ambiguous name: could be …") and
copied every extraction warning in as a reason. Now a reason is a code from
meetings/extraction/reasons.py, which the admin and the pages show in the reader's language.
Sentences with a code become it; warnings that never called for a review (markup removed, a
date the extractor ignored) are dropped; anything else, such as a reason an editor typed,
becomes "other". The mapping is written out here, as the importer wrote the sentences, so the
migration does not change when the catalogue grows.
"""

import re

from django.db import migrations

CODES = {
    "no_host",
    "no_guest",
    "surname_only",
    "role_noun",
    "place_from_title",
    "place_from_venue",
    "place_from_dateline",
    "place_country_only",
    "date_relative",
    "date_from_header",
    "date_unknown",
    "date_conflict",
    "speaker_unknown",
    "no_meeting",
    "ambiguous_name",
    "possible_duplicate",
    "other",
}
EXACT = {
    "date unknown": "date_unknown",
    "no date in the article": "date_unknown",
    "possible duplicate: same people and place as another meeting, and no date to tell them "
    "apart": "possible_duplicate",
    "a statement has no identified speaker": "speaker_unknown",
    "no meeting found": "no_meeting",
    "statements kept under a meeting of kind 'other'": "no_meeting",
}
PATTERNS = [
    (re.compile(r"ambiguous name: could be "), "ambiguous_name"),
    (re.compile(r"a quote with an unknown speaker\b"), "speaker_unknown"),
    (re.compile(r"the date .+ in the text disagrees with the header$", re.S), "date_conflict"),
    # Warnings about the file, not the meeting: nothing for an editor to decide.
    (re.compile(r"the file is an HTML page\b"), None),
    (re.compile(r"the date .+ has no year or is not a real date$", re.S), None),
    (re.compile(r"the date header .+ is not a real date; ignored$", re.S), None),
]


def to_code(reason) -> str | None:
    """The code an old reason stands for; None for a warning that is no reason at all."""
    if not isinstance(reason, str):
        return "other"
    text = reason.strip()
    if text in CODES:
        return text
    if text in EXACT:
        return EXACT[text]
    for pattern, code in PATTERNS:
        if pattern.match(text):
            return code
    return "other"


def codes(reasons) -> list[str]:
    """The reasons as codes, each once, in their order."""
    out: list[str] = []
    for reason in reasons if isinstance(reasons, list) else [reasons]:
        code = to_code(reason)
        if code and code not in out:
            out.append(code)
    return out


def forward(apps, schema_editor):
    Meeting = apps.get_model("meetings", "Meeting")
    changed = []
    flagged = Meeting.objects.exclude(review_reasons=[]).only("pk", "review_reasons")
    for meeting in flagged.iterator(chunk_size=2000):
        new = codes(meeting.review_reasons)
        if new != meeting.review_reasons:
            meeting.review_reasons = new
            changed.append(meeting)
        if len(changed) >= 2000:
            Meeting.objects.bulk_update(changed, ["review_reasons"])
            changed = []
    Meeting.objects.bulk_update(changed, ["review_reasons"])


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_person_surname_keys"),
    ]

    # Backwards the codes stay: the old code showed any string as it is.
    operations = [migrations.RunPython(forward, migrations.RunPython.noop, elidable=True)]
