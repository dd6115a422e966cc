"""An editor adds an article from the browser, end to end in Chromium: log in, paste an article
with its outlet, URL and date, preview it (names resolved to the seeds' records or new), import
it, and land on the meeting, whose source is named by outlet and title with a link. axe-core
checks the form, the preview and the re-extract page; each is shot at 1,280 px (into the
temporary directory's diplomacy-add-article-screenshots/)."""

import tempfile
from pathlib import Path

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.auth.models import Permission, User

from meetings.models import Article, Meeting
from tests.browser.test_accessibility import serious

pytestmark = pytest.mark.browser

SHOTS = Path(tempfile.gettempdir()) / "diplomacy-add-article-screenshots"
PASSWORD = "add-Article-2026"
ARTICLE = (
    "Azerbaycan Cumhurbaşkanı İlham Aliyev, Sırbistan Dışişleri Bakanı Marko Duric'i Bakü'de "
    "kabul etti.\n\n"
    'Aliyev, "Enerji alanındaki işbirliğimizi genişletmek istiyoruz" dedi. Duric ise '
    "ziyaretin iki ülke arasındaki ilişkilere yeni bir ivme kazandıracağını söyledi.\n"
)


@pytest.fixture
def editor(seeds):
    user = User.objects.create_user("ekleyici", password=PASSWORD, is_staff=True)
    rights = ["add_article", "view_article", "change_article"]
    user.user_permissions.set(Permission.objects.filter(codename__in=rights))
    return user


def _shoot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_an_editor_pastes_previews_and_imports_an_article(site, page, axe, editor):
    page.goto(site + "/admin/login/")
    page.fill("#id_username", "ekleyici")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(site + "/admin/")

    # From the article list to the form.
    page.goto(site + "/admin/meetings/article/")
    page.click("a[href$='/admin/meetings/article/add-from-text/']")
    page.wait_for_selector("#id_text")
    assert serious(page, axe) == []
    _shoot(page, "add-article-form")

    page.fill("#id_text", ARTICLE)
    page.fill("#id_outlet", "Hazar Haber Ajansı")
    page.fill("#id_url", "https://hazar.example/aliyev-duric")
    page.fill("#id_date", "2025-04-02")
    page.click("input[name=_preview]")
    page.wait_for_selector(".article-preview")
    assert Article.objects.count() == 2  # the seeds only: a preview writes nothing

    # Aliyev is the seeds' İlham Aliyev; Duric is new.
    aliyev = page.locator(".preview-table tr", has_text="İlham Aliyev")
    assert aliyev.locator("a", has_text="İlham Aliyev").count() == 1
    assert aliyev.locator(".preview-known").count() == 1
    duric = page.locator(".preview-table tr", has_text="Marko Duric")
    assert duric.locator(".preview-new").count() == 1
    assert page.locator(".review-source .src-person").count() >= 2
    assert page.locator(".review-source .src-statement").count() >= 1
    assert serious(page, axe) == []
    _shoot(page, "add-article-preview")

    page.click("input[name=_import]")
    page.wait_for_selector(".source__cite")
    meeting = Meeting.objects.get(slug__contains="duric")
    assert page.url == site + meeting.get_absolute_url()
    link = page.locator(".source__cite a.external")
    assert link.get_attribute("href") == "https://hazar.example/aliyev-duric"
    assert "noopener" in link.get_attribute("rel")
    assert "Hazar Haber Ajansı" in page.locator(".source__cite").inner_text()
    entry = LogEntry.objects.get(user=editor)
    assert entry.action_flag == ADDITION

    # The re-extract page of the new article: the same preview, nothing to change.
    article = Article.objects.get(url="https://hazar.example/aliyev-duric")
    page.goto(site + f"/admin/meetings/article/{article.pk}/reextract/")
    page.wait_for_selector(".article-preview")
    assert page.locator(".preview-table tr", has_text="Marko Duric").count() == 1
    assert serious(page, axe) == []
    _shoot(page, "reextract-preview")
