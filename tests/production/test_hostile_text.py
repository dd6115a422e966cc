"""An article full of script, HTML and template payloads is shown inert on every page.

`hostile/hostile.txt` is imported with the seed articles through `import_articles`: its
title line, quotes and reported speech carry the payloads. The extractor reads names only
from words, so no article can put markup into a person's or an agreement's name; an editor
pasting into the admin can, so the fixture does that too (a name, an agreement, a meeting
title). Chromium then opens every page that shows this text, as a reader and in the admin.
A page fails if a dialog opens, a payload sets `window.__pwned`, or the payload became
markup (a script, an event handler, a `javascript:` URL, a frame); and it fails too if the
payload is not there to read, so a page cannot pass by dropping the data.

The site's Content-Security-Policy would stop an injected inline script from running; the
pages are read with it bypassed, so what is proven here is that escaping alone keeps the
text inert, and the policy stays a second line of defence.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from meetings.models import Agreement, Article, Meeting, Person, Statement
from tests.browser.conftest import CHROMIUM, seeds, site  # noqa: F401 - fixtures

in_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: apt-get install -y chromium"
)

HOSTILE = Path(__file__).resolve().parent / "hostile" / "hostile.txt"
GUEST = "İlya Darçiaşvili"
AGREEMENT = "Kafkasya Ulaşım Anlaşması"

# What the article itself carries, where the extractor puts it.
TITLE_LINE = "<script>window.__pwned=1;alert(1)</script> {{ 7*7 }}"
HOST_QUOTE = [
    "<script>window.__pwned=1;alert(1)</script>",
    '<a href="javascript:window.__pwned=1;alert(1)">buraya tıklayın</a>',
    "{{ 7*7 }} ve {% debug %}",
]
GUEST_QUOTE = [
    '"><img src=x onerror="window.__pwned=1;alert(1)">',
    '\'"><iframe srcdoc="<script>parent.__pwned=1;parent.alert(1)</script>"></iframe>',
    "</textarea></title><script>window.__pwned=1</script>",
]
REPORTED = [
    '<svg onload="window.__pwned=1;alert(1)">',
    "<img src=x onerror=window.__pwned=1;alert(1)>",
    "javascript:alert(1)",
]
# What an editor pastes into the admin.
PERSON_NAME = 'İlya "><img src=x onerror="window.__pwned=1;alert(1)"> Darçiaşvili'
AGREEMENT_NAME = 'Kafkasya Ulaşım <svg onload="window.__pwned=1;alert(1)"> Anlaşması {{ 7*7 }}'
MEETING_TITLE = "Fidan – Darçiaşvili </title><script>window.__pwned=1;alert(1)</script> {% debug %}"
SEARCH_PAYLOAD = '"><img src=x onerror="window.__pwned=1;alert(1)">'

# Run in the page: everything that shows hostile text became markup or ran.
INSPECT = """() => {
  const out = {pwned: window.__pwned === undefined ? null : String(window.__pwned),
               scripts: [], handlers: [], urls: [], frames: [], text: document.body.innerText,
               title: document.title,
               values: [...document.querySelectorAll("input, textarea")].map(e => e.value)};
  for (const s of document.scripts) {
    out.scripts.push(s.hasAttribute("src") ? new URL(s.src).pathname
                     : `inline ${s.type || "script"}: ${s.textContent.slice(0, 80)}`);
  }
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith("on") || name === "srcdoc") {
        out.handlers.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
      }
      if (/^\\s*javascript:/i.test(a.value)) {
        out.urls.push(`<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`);
      }
    }
  }
  const injected = "iframe, frame, object, embed, base, meta[http-equiv], img[src='x']";
  for (const el of document.querySelectorAll(injected)) {
    out.frames.push(el.outerHTML.slice(0, 120));
  }
  return out;
}"""


@dataclass
class Hostile:
    """The live server's URL and the records that carry the payloads."""

    site: str
    meeting: Meeting
    person: Person
    agreement: Agreement
    statement: Statement
    article: Article


def open_tab(browser):
    """A desktop page in a Turkish browser that ignores the Content-Security-Policy."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="tr-TR", bypass_csp=True
    )
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    return context, tab


@pytest.fixture
def reader(browser):
    """A reader's page, not logged in."""
    context, tab = open_tab(browser)
    yield tab
    context.close()


@pytest.fixture
def editor(browser, live_server, django_user_model):
    """A superuser logged in to the admin in a browser of their own."""
    django_user_model.objects.create_superuser("editor", "editor@example.org", "hostile-pw-1")
    context, editor = open_tab(browser)
    editor.goto(live_server.url + reverse("admin:login"))
    editor.locator("#id_username").fill("editor")
    editor.locator("#id_password").fill("hostile-pw-1")
    editor.locator("input[type=submit]").click()
    expect(editor.locator("#user-tools")).to_be_visible()
    yield editor
    context.close()


@pytest.fixture
def hostile(site, editor):  # noqa: F811 - site is the re-exported fixture
    """The hostile article imported with the seeds; payloads pasted into the admin too."""
    call_command("import_articles", str(HOSTILE), verbosity=0)
    guest = Person.objects.get(name=GUEST)
    agreement = Agreement.objects.get(name=AGREEMENT)
    meeting = Meeting.objects.get(participations__person=guest)
    dialogs = watch_dialogs(editor)
    for model, obj, field, value in [
        ("person", guest, "name", PERSON_NAME),
        ("agreement", agreement, "name", AGREEMENT_NAME),
        ("meeting", meeting, "title", MEETING_TITLE),
    ]:
        editor.goto(site + reverse(f"admin:meetings_{model}_change", args=[obj.pk]))
        editor.locator(f"#id_{field}").fill(value)
        editor.locator("input[name=_save]").click()
        # The changelist the admin returns to names the record in its message and its rows.
        expect(editor.locator(".messagelist .success")).to_contain_text(value)
        assert problems(editor, dialogs, admin_script, [value]) == [], editor.url
        obj.refresh_from_db()
        assert getattr(obj, field) == value, f"the admin did not save the {model}'s {field}"
    cache.clear()  # the site-wide counts and suggestions are cached for minutes
    return Hostile(
        site=site,
        meeting=meeting,
        person=guest,
        agreement=agreement,
        statement=Statement.objects.get(speaker=guest, direct=True),
        article=Article.objects.get(filename=HOSTILE.name),
    )


def watch_dialogs(tab) -> list[str]:
    """The messages of every dialog the page opens (each dismissed), as a growing list."""
    opened: list[str] = []

    def dismiss(dialog):
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", dismiss)
    return opened


def public_script(path: str) -> bool:
    """The only script the public pages load."""
    return path == "/static/js/site.js"


def admin_script(path: str) -> bool:
    """The admin's own scripts: its static files and its JavaScript catalogue."""
    return path.startswith("/static/admin/") or path == reverse("admin:jsi18n")


def problems(tab, dialogs: list[str], allowed_script, texts=(), values=()) -> list[str]:
    """Why the open page is not inert or does not show the hostile text; empty when it is fine."""
    seen = tab.evaluate(INSPECT)
    found = [f"dialog opened: {d}" for d in dialogs]
    dialogs.clear()
    if seen["pwned"] is not None:
        found.append(f"a payload ran: window.__pwned = {seen['pwned']}")
    found += [f"script not the site's own: {s}" for s in seen["scripts"] if not allowed_script(s)]
    found += [f"event handler: {h}" for h in seen["handlers"]]
    found += [f"javascript: URL: {u}" for u in seen["urls"]]
    found += [f"injected element: {f}" for f in seen["frames"]]
    found += [f"not shown as text: {t!r}" for t in texts if t not in seen["text"]]
    found += [
        f"rendered as a template: {t!r}"
        for t in texts
        if "{{ 7*7 }}" in t and t.replace("{{ 7*7 }}", "49") in seen["text"]
    ]
    for value in values:
        if not any(value in v for v in seen["values"]):
            found.append(f"no form field holds: {value!r}")
    return found


def visit_all(tab, dialogs, allowed_script, visits) -> dict[str, list[str]]:
    """Open each (path, texts, values) and collect every page's problems."""
    failures = {}
    for path, texts, values in visits:
        response = tab.goto(path)
        found = [] if response.ok else [f"status {response.status}"]
        found += problems(tab, dialogs, allowed_script, texts, values)
        if found:
            failures[path] = found
    return failures


def report(failures: dict[str, list[str]]) -> str:
    """One line per problem, under the page it was found on."""
    return "hostile text is not inert:\n" + "\n".join(
        f"  {path}\n" + "\n".join(f"    - {p}" for p in found) for path, found in failures.items()
    )


@pytest.mark.browser
@in_chromium
def test_every_public_page_shows_the_payloads_as_text(hostile, reader):
    """Home, lists, searches, the meeting, person and agreement pages and the person box."""
    dialogs = watch_dialogs(reader)
    names = [MEETING_TITLE, PERSON_NAME]
    statements = [*HOST_QUOTE, *GUEST_QUOTE, *REPORTED]
    meeting_url = hostile.meeting.get_absolute_url()
    visits = [
        ("/", names, []),
        ("/meetings/", names, []),
        ("/meetings/?q=pwned", [*names, HOST_QUOTE[0]], []),
        (f"/meetings/?person={hostile.person.slug}", names, []),
        (f"/meetings/?q={quote(SEARCH_PAYLOAD)}", [], [SEARCH_PAYLOAD]),
        (meeting_url, [*names, AGREEMENT_NAME, *statements, TITLE_LINE], []),
        ("/people/", [PERSON_NAME], []),
        ("/people/?q=darciasvili", [PERSON_NAME], []),
        (hostile.person.get_absolute_url(), [PERSON_NAME, MEETING_TITLE, *GUEST_QUOTE], []),
        ("/agreements/", [AGREEMENT_NAME], []),
        (hostile.agreement.get_absolute_url(), [AGREEMENT_NAME, MEETING_TITLE], []),
        ("/statements/", [PERSON_NAME, MEETING_TITLE, *statements], []),
        ("/statements/?q=javascript", [HOST_QUOTE[1], REPORTED[2]], []),
        (f"/statements/?q={quote(SEARCH_PAYLOAD)}", [], [SEARCH_PAYLOAD]),
    ]
    failures = visit_all(
        reader, dialogs, public_script, [(hostile.site + p, t, v) for p, t, v in visits]
    )
    assert not failures, report(failures)
    # The meeting's <title> holds the </title> breakout as text; its source article shows
    # every payload, with the statements highlighted in it.
    reader.goto(hostile.site + meeting_url)
    assert MEETING_TITLE in reader.title()
    source = reader.locator(".source__text")
    for payload in [TITLE_LINE, *statements]:
        expect(source).to_contain_text(payload)
    expect(source.locator("mark.src-statement")).to_have_count(4)
    # Highlighting marks the query inside the payload and still escapes it.
    reader.goto(hostile.site + "/statements/?q=javascript")
    expect(reader.locator("blockquote mark").first).to_have_text("javascript")
    # site.js fills the person box's suggestions from the autocomplete endpoint: the hostile
    # name becomes an option's value, nothing more.
    reader.goto(hostile.site + "/meetings/")
    reader.locator("#id_person_add").fill("Darç")
    reader.wait_for_function(
        """name => {
          const options = [...document.querySelectorAll("#person-suggestions option")];
          return options.length > 0 && options.every(o => o.value === name);
        }""",
        arg=PERSON_NAME,
    )
    assert problems(reader, dialogs, public_script) == []


@pytest.mark.browser
@in_chromium
def test_every_admin_page_shows_the_payloads_as_text(hostile, editor):
    """The changelists and change forms of the hostile meeting, person, statement, agreement."""
    dialogs = watch_dialogs(editor)

    def admin(name, *args, query=""):
        return hostile.site + reverse(f"admin:meetings_{name}", args=args) + query

    visits = [
        (admin("meeting_changelist"), [MEETING_TITLE], []),
        (admin("meeting_changelist", query="?q=Darçiaşvili"), [MEETING_TITLE], []),
        (admin("meeting_change", hostile.meeting.pk), [], [MEETING_TITLE, *GUEST_QUOTE]),
        (admin("person_changelist"), [PERSON_NAME], []),
        (admin("person_changelist", query=f"?q={quote(SEARCH_PAYLOAD)}"), [], [SEARCH_PAYLOAD]),
        (admin("person_change", hostile.person.pk), [], [PERSON_NAME, GUEST]),
        (admin("statement_changelist", query="?q=pwned"), [PERSON_NAME], []),
        (admin("statement_change", hostile.statement.pk), GUEST_QUOTE, GUEST_QUOTE),
        (admin("agreement_changelist"), [AGREEMENT_NAME], []),
        (admin("agreement_change", hostile.agreement.pk), [], [AGREEMENT_NAME]),
        (admin("article_changelist"), [TITLE_LINE], []),
        (admin("article_change", hostile.article.pk), [TITLE_LINE, *GUEST_QUOTE], []),
    ]
    failures = visit_all(editor, dialogs, admin_script, visits)
    assert not failures, report(failures)


def test_the_payloads_are_in_the_article_the_test_imports():
    """The fixture file and this test's expectations cannot drift apart."""
    text = HOSTILE.read_text(encoding="utf-8")
    for payload in [TITLE_LINE, *HOST_QUOTE, *GUEST_QUOTE, *REPORTED]:
        assert payload in text, payload
