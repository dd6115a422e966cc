"""What the API says about each record: the rows as editors left them, with provenance spans,
the record's HTML page (``url``) and its own address in the API (``api_url``)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from meetings.api.fields import ApiLinkField, PageLinkField, PartialDateField, SpanField
from meetings.api.links import page_url
from meetings.models import (
    Agreement,
    AgreementMention,
    Article,
    Country,
    Meeting,
    Participation,
    Person,
    Statement,
)


class CountryBriefSerializer(serializers.ModelSerializer):
    """A country where another record names one."""

    api_url = ApiLinkField("country")

    class Meta:
        model = Country
        fields = ["id", "iso_code", "slug", "name_tr", "name_en", "api_url"]


class CountrySerializer(CountryBriefSerializer):
    """A country with the forms articles use for it; its page is its meetings list."""

    other_names = serializers.ListField(source="aliases", child=serializers.CharField())
    url = PageLinkField(help_text="The meetings list filtered to this country.")

    class Meta:
        model = Country
        fields = [*CountryBriefSerializer.Meta.fields, "adjective", "demonym", "other_names"]
        fields += ["url"]


class PersonBriefSerializer(serializers.ModelSerializer):
    """A person where another record names one."""

    url = PageLinkField()
    api_url = ApiLinkField("person")

    class Meta:
        model = Person
        fields = ["id", "slug", "name", "url", "api_url"]


class PersonSerializer(PersonBriefSerializer):
    """A person with their country and the other spellings of their name."""

    country = CountryBriefSerializer(allow_null=True)
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Person
        fields = [*PersonBriefSerializer.Meta.fields, "country", "aliases"]


class AgreementBriefSerializer(serializers.ModelSerializer):
    """An agreement where another record names one."""

    url = PageLinkField()
    api_url = ApiLinkField("agreement")

    class Meta:
        model = Agreement
        fields = ["id", "slug", "name", "status", "url", "api_url"]


class SourceSerializer(serializers.ModelSerializer):
    """An article a record was read from; its ``api_url`` gives its text."""

    date = PartialDateField()
    source_url = serializers.URLField(source="url", help_text="Where it was published.")
    api_url = ApiLinkField("article")

    class Meta:
        model = Article
        fields = ["id", "title", "outlet", "date", "date_precision", "source_url", "api_url"]


class ParticipantSerializer(serializers.ModelSerializer):
    """A person's part in a meeting: role, title as the article gives it, and spans."""

    person = PersonBriefSerializer(allow_null=True, help_text="Null where unresolved.")
    name_as_written = serializers.CharField(source="raw_name")
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)

    class Meta:
        model = Participation
        fields = ["person", "name_as_written", "role", "title", "article", "spans"]


class MentionInMeetingSerializer(serializers.ModelSerializer):
    """An agreement named in a meeting's article, inside a statement or not."""

    agreement = AgreementBriefSerializer()
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    span = SpanField()

    class Meta:
        model = AgreementMention
        fields = ["id", "agreement", "text", "statement", "article", "span"]


class StatementInMeetingSerializer(serializers.ModelSerializer):
    """A quote or reported speech, tied to its speaker as written and, if known, a person."""

    speaker = PersonBriefSerializer(allow_null=True, help_text="Null where unresolved.")
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    span = SpanField()
    url = serializers.SerializerMethodField(help_text="Its place on the meeting's page.")
    api_url = ApiLinkField("statement")

    class Meta:
        model = Statement
        fields = ["id", "speaker", "speaker_name", "text", "direct", "order", "article", "span"]
        fields += ["url", "api_url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, statement) -> str:
        return page_url(self.context["request"], statement.meeting, f"statement-{statement.pk}")


class MeetingSerializer(serializers.ModelSerializer):
    """A meeting: who, in which role and title; where; when; what was said; which agreements
    came up; and the articles it was read from."""

    date = PartialDateField()
    place = serializers.CharField(source="location")
    country = CountryBriefSerializer(allow_null=True)
    participants = ParticipantSerializer(source="participations", many=True)
    statements = StatementInMeetingSerializer(many=True)
    agreements = MentionInMeetingSerializer(source="agreement_mentions", many=True)
    sources = SourceSerializer(source="articles", many=True)
    url = PageLinkField()
    api_url = ApiLinkField("meeting")

    class Meta:
        model = Meeting
        fields = ["id", "slug", "title", "date", "date_precision", "place", "country", "kind"]
        fields += ["participants", "statements", "agreements", "sources", "needs_review"]
        fields += ["review_reasons", "url", "api_url"]


class MeetingBriefSerializer(serializers.ModelSerializer):
    """A meeting where another record names one."""

    date = PartialDateField()
    url = PageLinkField()
    api_url = ApiLinkField("meeting")

    class Meta:
        model = Meeting
        fields = ["id", "slug", "title", "date", "date_precision", "url", "api_url"]


class StatementSerializer(StatementInMeetingSerializer):
    """A statement on its own, with the meeting it was made at."""

    meeting = MeetingBriefSerializer()

    class Meta:
        model = Statement
        fields = [*StatementInMeetingSerializer.Meta.fields, "meeting"]


class MentionSerializer(serializers.ModelSerializer):
    """Where an article names an agreement, with the meeting it is about."""

    meeting = MeetingBriefSerializer()
    article = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True)
    span = SpanField()

    class Meta:
        model = AgreementMention
        fields = ["id", "text", "meeting", "statement", "article", "span"]


class AgreementSerializer(AgreementBriefSerializer):
    """An agreement with its other names, parties, date and status."""

    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    parties = CountryBriefSerializer(many=True)
    signed_date = PartialDateField("signed_date", "signed_date_precision")

    class Meta:
        model = Agreement
        fields = [*AgreementBriefSerializer.Meta.fields, "aliases", "parties", "signed_date"]
        fields += ["signed_date_precision", "description"]


class AgreementDetailSerializer(AgreementSerializer):
    """An agreement with every mention of it, in time order."""

    mentions = MentionSerializer(many=True)

    class Meta:
        model = Agreement
        fields = [*AgreementSerializer.Meta.fields, "mentions"]


class ArticleSerializer(serializers.ModelSerializer):
    """A source article's metadata and the meetings read from it."""

    date = PartialDateField()
    source_url = serializers.URLField(source="url", help_text="Where it was published.")
    meetings = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    api_url = ApiLinkField("article")

    class Meta:
        model = Article
        fields = ["id", "filename", "sha256", "title", "outlet", "date", "date_precision"]
        fields += ["source_url", "meetings", "api_url"]


class ArticleTextSerializer(ArticleSerializer):
    """An article with its normalised text, the text every span points into."""

    class Meta:
        model = Article
        fields = [*ArticleSerializer.Meta.fields, "text"]
