"""An editor's review, end to end in Chromium: log in, open the review queue, fix a speaker and
a host on the review page, mark the meeting reviewed; a re-import keeps the fixes, the public
page marks the correction, and the history lists the changes. axe-core checks the new pages,
and each is shot at 1,280 px (into the temporary directory's diplomacy-review-screenshots/)."""

import tempfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command

from meetings.models import Meeting, Role
from tests.browser.test_accessibility import serious

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "diplomacy-review-screenshots"
SEEDS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "articles"
PASSWORD = "review-Workflow-2026"
EDITOR_RIGHTS = [
    "view_meeting",
    "change_meeting",
    "view_person",
    "view_statement",
    "view_participation",
    "view_country",
]


@pytest.fixture
def editor(seeds):
    user = User.objects.create_user("redaktor", password=PASSWORD, is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=EDITOR_RIGHTS))
    return user


def _log_in(page, site, username="redaktor"):
    page.goto(site + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(site + "/admin/")


def _shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= 1280


def test_an_editor_reviews_a_meeting_and_the_fixes_survive_a_reimport(site, page, axe, editor):
    _log_in(page, site)

    # The queue: every flagged meeting, with its reasons in words.
    page.goto(site + "/admin/meetings/meeting/review/")
    flagged = Meeting.objects.filter(needs_review=True).count()
    assert flagged >= 1
    assert page.locator(".review-queue__table tbody tr").count() == flagged
    assert page.locator(".reason-label").count() >= flagged
    assert serious(page, axe) == []
    assert _no_horizontal_scroll(page)
    _shoot(page, "review-queue")

    # The meeting with the most statements, opened from the queue.
    meeting = max(Meeting.objects.filter(needs_review=True), key=lambda m: m.statements.count())
    page.click(f"a[href$='/meetings/meeting/{meeting.pk}/review/']")
    page.wait_for_selector(".review-source .src-statement")
    page.wait_for_selector(".select2-selection[aria-label]")
    assert page.locator(".review-source .src-person").count() >= 1
    assert serious(page, axe) == []
    assert _no_horizontal_scroll(page)
    _shoot(page, "review-page")

    # Fix a host: the first participant not hosting becomes the host.
    guest = meeting.participations.exclude(role=Role.HOST).order_by("role", "id").first()
    row = page.locator(f"#participant-{guest.pk}")
    row.locator("select[name$='-role']").select_option(Role.HOST)
    # Fix a speaker: the first statement's speaker as written, and its person.
    statement = meeting.statements.order_by("order", "id").first()
    page.fill("#id_statements-0-speaker_name", "Sergey Lavrov")
    page.locator(f"#statement-{statement.pk} .select2-selection").click()
    page.keyboard.type("Lavrov")
    page.locator(".select2-results__option", has_text="Sergey Lavrov").first.click()
    page.click("input[name=_reviewed]")
    page.wait_for_url(site + "/admin/meetings/meeting/review/")
    assert page.locator(".review-queue__table tbody tr").count() == flagged - 1 or flagged == 1

    meeting.refresh_from_db()
    guest.refresh_from_db()
    statement.refresh_from_db()
    assert not meeting.needs_review
    assert guest.role == Role.HOST and guest.is_locked("role")
    assert statement.speaker_name == "Sergey Lavrov" and statement.speaker.name == "Sergey Lavrov"

    # A re-import that reads every article again keeps the fixes and the review.
    call_command("import_articles", str(SEEDS_DIR), "--reextract", verbosity=0)
    meeting.refresh_from_db()
    guest.refresh_from_db()
    statement.refresh_from_db()
    assert not meeting.needs_review
    assert guest.role == Role.HOST
    assert statement.speaker.name == "Sergey Lavrov"

    # The public page says which speaker an editor corrected.
    page.goto(site + meeting.get_absolute_url())
    marked = page.locator(f"#statement-{statement.pk} .badge--edited")
    assert marked.count() == 1
    assert page.locator(f"#participant-{guest.pk} .badge--edited").count() == 1

    # The history lists the changes: who, and each field before and after.
    page.goto(site + f"/admin/meetings/statement/{statement.pk}/history/")
    history = page.locator("#change-history").inner_text()
    assert "redaktor" in history and "Sergey Lavrov" in history
    assert serious(page, axe) == []
    page.goto(site + f"/admin/meetings/meeting/{meeting.pk}/history/")
    assert "redaktor" in page.locator("#admin-log").inner_text()


def test_the_admin_meeting_page_fits_1280_px(site, page, seeds):
    User.objects.create_superuser("chef", password=PASSWORD)
    _log_in(page, site, "chef")
    meeting = max(Meeting.objects.all(), key=lambda m: m.participations.count())
    page.goto(site + f"/admin/meetings/meeting/{meeting.pk}/change/")
    assert _no_horizontal_scroll(page)
    heights = page.evaluate(
        "Array.from(document.querySelectorAll('.inline-group .tabular tbody tr.form-row'))"
        ".filter(r => r.offsetParent).map(r => r.getBoundingClientRect().height)"
    )
    assert heights and max(heights) <= 62, heights
    _shoot(page, "admin-meeting-page")
