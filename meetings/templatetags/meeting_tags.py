"""Small helpers for showing meetings."""

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from meetings.escaping import escape
from meetings.extraction.turkish import tr_upper
from meetings.models import MeetingKind, Role
from meetings.search.generation import per_generation

register = template.Library()

OPTIONS_SECONDS = 300  # bounds memory; the data generation retires the options sooner

_LABELS = {"kind": dict(MeetingKind.choices), "role": dict(Role.choices)}


@register.filter
def with_role(participations, role):
    """The participations (already prefetched) in one role."""
    return [p for p in participations if p.role == role]


@register.filter
def upper_first(value):
    """The first letter in upper case, the Turkish way when Turkish is active: "imza" → "İmza"."""
    text = str(value)
    if not text:
        return text
    first = tr_upper(text[0]) if get_language() == "tr" else text[0].upper()
    return first + text[1:]


@register.filter
def choice_label(value, kind):
    """The translated label of a meeting kind or a role ("kind" or "role"): a dictionary
    lookup, where ``get_kind_display`` rebuilds the choices on every call."""
    return str(_LABELS[kind].get(value, value))


@register.filter
def options(bound_field):
    """A select's <option> elements, the current value selected.

    The options are written here rather than by a template loop or the widget's per-option
    templates, and kept under the data generation and the language: the list of places,
    countries and agreements is the same for every page until the data changes, so a page
    neither queries nor formats it again. Only the selected value differs.
    """
    form = bound_field.form
    key = (
        f"options:{type(form).__module__}.{type(form).__name__}:{bound_field.name}:{get_language()}"
    )
    html = per_generation(
        key,
        lambda: str(
            format_html_join(
                "",
                '<option value="{}">{}</option>',
                ((value, label) for value, label in bound_field.field.choices),
            )
        ),
        OPTIONS_SECONDS,
    )
    current = bound_field.value()
    if current not in (None, ""):
        chosen = format_html('<option value="{}">', str(current))
        html = html.replace(chosen, chosen[:-1] + " selected>", 1)
    else:
        html = html.replace('<option value="">', '<option value="" selected>', 1)
    return mark_safe(html)  # noqa: S308 - built by format_html from escaped pieces


@register.filter
def datalist_options(names):
    """<option> elements for a datalist of names (kept per data generation, like options)."""
    html = per_generation(
        f"datalist:{hash(tuple(names))}",
        lambda: str(format_html_join("", '<option value="{}"></option>', ((n,) for n in names))),
        OPTIONS_SECONDS,
    )
    return mark_safe(html)  # noqa: S308 - built by format_html_join from escaped names


@register.filter
def country_name(country):
    """A country's name in the interface's language (the data's other names stay as written)."""
    return "" if country is None else country.name


@register.simple_tag
def filter_field(field):
    """One filter's box with its label and errors: the markup ``meetings/_field.html`` writes,
    built here because an included template per field cost more than the rest of the form."""
    widget = field.field.widget
    input_type = getattr(widget, "input_type", None)
    label = conditional_escape(field.label)
    if input_type == "checkbox":
        body = format_html(
            '<label class="field__check">{} {}</label>\n  ', _input(field, widget), label
        )
    elif input_type == "select":
        field_id = field.id_for_label
        body = format_html(
            '<label for="{}">{}</label>\n  <select name="{}" id="{}">{}</select>\n  ',
            field_id,
            label,
            field.html_name,
            field_id,
            options(field),
        )
    else:
        body = format_html(
            '<label for="{}">{}</label>{}', field.id_for_label, label, _input(field, widget)
        )
    errors = format_html_join(
        "", '<p class="field__error" role="alert">{}</p>', ((e,) for e in field.errors)
    )
    return format_html(
        '<div class="field{}">\n  {}\n  {}\n</div>\n',
        " field--error" if field.errors else "",
        body,
        errors,
    )


# Widgets whose template is Django's input.html alone (date, number, checkbox, text...).
_INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in ("input", "text", "number", "date", "checkbox", "email", "url", "search")
}


def _input(field, widget):
    """The field's <input>, as Django's input.html and attrs.html write it, without running
    the form renderer's templates (several included templates per box); any other widget is
    rendered by Django."""
    if widget.template_name not in _INPUT_TEMPLATES:
        return field
    attrs = field.build_widget_attrs({}, widget)
    if field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", field.auto_id)
    context = widget.get_context(field.html_name, field.value(), attrs)["widget"]
    html = f'<input type="{escape(context["type"])}" name="{escape(context["name"])}"'
    if context["value"] is not None:
        html += f' value="{escape(str(context["value"]))}"'
    for name, value in context["attrs"].items():
        if value is not False:
            html += (
                f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
            )
    return mark_safe(html + ">")  # noqa: S308 - every piece escaped above
