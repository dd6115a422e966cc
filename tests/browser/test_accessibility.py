"""axe-core finds no serious or critical accessibility problem on the main pages."""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/meetings/",
    "/meetings/?q=lavrov&person=sergey-lavrov",
    "/meetings/2020-11-aliyev-lavrov/",
    "/meetings/tarihsiz-aliyev-lavrov/",
    "/people/",
    "/people/sergey-lavrov/",
    "/agreements/",
    "/agreements/10-kasim-2020-uclu-bildirisi/",
    "/statements/?q=bar%C4%B1%C5%9F",
    # The messages: no hits with a filter and two words, a query too long, a bad date.
    "/meetings/?q=lavrov+zzzqxw&kind=talks",
    "/meetings/?q=" + "uzun+" * 120,
    "/meetings/?date_from=2020-13-45&person=Kimsebilmez",
    "/statements/?q=zzzqxw",
    # English, under /en/.
    "/en/meetings/",
    "/en/people/sergey-lavrov/",
]


def serious(page, axe):
    page.evaluate(axe)
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violations(site, page, phone, axe, path):
    for viewer in (page, phone):
        viewer.goto(site + path)
        assert serious(viewer, axe) == [], path
