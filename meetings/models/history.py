"""Every change to what editors edit is kept (who, when, before and after) by
django-simple-history. Registered here rather than in each model's module, so the list of
models with a history is one place."""

from simple_history import register

from meetings.models.agreements import Agreement, AgreementAlias, AgreementMention
from meetings.models.meetings import Meeting, Participation, Statement
from meetings.models.people import Person, PersonAlias
from meetings.models.places import Country

# Article is left out: an editor changes little on it, and each record would copy its text.
HISTORY_MODELS = (
    Meeting,
    Participation,
    Statement,
    Person,
    PersonAlias,
    Agreement,
    AgreementAlias,
    AgreementMention,
    Country,
)

# Columns the database computes from others: a history row has the others already.
_EXCLUDED = {Meeting: ["doubt", "reason_flags"]}

for _model in HISTORY_MODELS:
    register(_model, app="meetings", excluded_fields=_EXCLUDED.get(_model, []))
