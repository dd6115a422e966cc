"""In Chromium, the site and the admin run under the Content-Security-Policy without a single
violation, and the policy really stops injected inline script."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.browser

PASSWORD = "a-long-editor-passphrase"
BAKU_2020 = "/meetings/2020-11-aliyev-lavrov/"

# Runs before any page script (Playwright injects it outside the page's CSP) and records
# every violation the browser reports.
RECORD_VIOLATIONS = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.blockedURI || "inline"} in ${e.sourceFile}`;
  window.__csp.push(`${e.violatedDirective} blocked ${where}`);
});
"""


@pytest.fixture
def watched(page):
    """The page, recording CSP violations from events and from the console."""
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(RECORD_VIOLATIONS)

    def violations():
        return page.evaluate("window.__csp") + console

    page.violations = violations
    return page


def visit(page, url):
    """Open the url, wait until it is idle, and return the violations it caused."""
    response = page.goto(url)
    assert response.status == 200, url
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    return page.violations()


@pytest.mark.parametrize(
    "path", ["/", "/meetings/", "/meetings/?q=lavrov&person=sergey-lavrov", BAKU_2020]
)
def test_site_pages_cause_no_violation(site, watched, path):
    assert visit(watched, site + path) == []


def test_admin_pages_cause_no_violation(site, watched, django_user_model):
    from meetings.models import Meeting, Person

    django_user_model.objects.create_superuser("editor", password=PASSWORD)
    watched.goto(site + reverse("admin:login"))
    watched.fill("#id_username", "editor")
    watched.fill("#id_password", PASSWORD)
    watched.click("input[type=submit]")
    watched.wait_for_url(site + reverse("admin:index"))
    meeting = Meeting.objects.get(slug=BAKU_2020.strip("/").split("/")[-1])
    person = Person.objects.get(slug="sergey-lavrov")
    for url in [
        reverse("admin:index"),
        reverse("admin:meetings_meeting_changelist"),
        reverse("admin:meetings_meeting_change", args=[meeting.pk]),
        reverse("admin:meetings_person_changelist") + "?q=lavrov",
        reverse("admin:meetings_person_change", args=[person.pk]),
        reverse("admin:meetings_agreement_add"),
    ]:
        assert visit(watched, site + url) == [], url


def test_injected_inline_script_is_blocked_and_reported(site, watched):
    visit(watched, site + BAKU_2020)
    watched.evaluate(
        """() => {
        const s = document.createElement("script");
        s.textContent = "window.__ran = true";
        document.body.append(s);
    }"""
    )
    watched.wait_for_function("window.__csp.length > 0")
    assert watched.evaluate("window.__ran === undefined")
    assert any(v.startswith("script-src") for v in watched.violations())
