"""A moderator drags a collection into a new order in a real browser, and the order is saved."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.live.servers import embedded_site, manage

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

MAKE_COLLECTION = """
from contest.models import Entry
from gallery.models import Collection, CollectionItem
c, _ = Collection.objects.get_or_create(slug="drag", defaults={"title": "Drag test"})
for position, entry in enumerate(Entry.objects.filter(state__in=Entry.PUBLIC).order_by("pk")[:3]):
    CollectionItem.objects.get_or_create(collection=c, entry=entry, defaults={"position": position})
print(c.pk)
"""


@pytest.fixture(scope="module")
def site_with_collection(tmp_path_factory):
    with embedded_site(tmp_path_factory.mktemp("order")) as (url, env):
        manage(env, "seed_demo")
        manage(env, "shell", "-c", MAKE_COLLECTION)
        yield url


def test_moderator_drags_and_moves_entries_and_saves_the_order(site_with_collection, page):
    url = site_with_collection
    page.goto(url + "/admin/login/?next=/moderation/films/")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "wonder-on-ice")
    page.click("input[type=submit]")
    page.get_by_role("link", name="Change the order").first.click()
    titles = page.locator(".reorder-title")
    before = titles.all_inner_texts()
    assert len(before) == 3
    # Drag the last entry onto the first; then move the (new) second one down with its button.
    page.locator(".reorder-item").nth(2).drag_to(
        page.locator(".reorder-item").nth(0), target_position={"x": 10, "y": 5}
    )
    after_drag = titles.all_inner_texts()
    assert after_drag[0] == before[2]
    page.locator(".reorder-item").nth(1).locator("[data-move='1']").click()
    expected = [after_drag[0], after_drag[2], after_drag[1]]
    assert titles.all_inner_texts() == expected
    page.get_by_role("button", name="Save the order").click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("saved")
    assert titles.all_inner_texts() == expected, "the saved order comes back from the server"
