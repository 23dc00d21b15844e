"""Merging duplicate customers from the customer page: the two side by side, a field taken from the
duplicate, every record moved, then undone from the banner."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import api, click_and_load, wait

KEEP = "宁波金桥五金制品有限公司"
DROP = "宁波金桥五金制品"
PHONE = "0574-8765 4321"
EMAIL = "sales@jinqiao-hw.cn"


def test_merge_choosesFields_movesRecords_andUndoes(server, alice):
    status, keep = api(alice, server, "POST", "/customers?allowDuplicate=true",
                       {"name": KEEP, "kind": "enterprise", "phone": PHONE})
    assert status == 201, keep
    status, drop = api(alice, server, "POST", "/customers?allowDuplicate=true",
                       {"name": DROP, "kind": "enterprise", "phone": PHONE, "email": EMAIL})
    assert status == 201, drop
    status, _ = api(alice, server, "POST", f"/customers/{drop['id']}/activities", {"channel": "phone", "purpose": "电话回访样品"})
    assert status == 201

    alice.get(f"{server}/customers/{keep['id']}")
    link = wait(alice).until(EC.presence_of_element_located((By.CSS_SELECTOR, "#merge-duplicates a.merge-link")))
    assert DROP in link.text
    click_and_load(alice, link)
    assert alice.find_element(By.ID, "merge-row-email")
    assert "1" in alice.find_element(By.ID, "merge-moves").text
    alice.find_element(By.ID, "take-email").click()
    click_and_load(alice, alice.find_element(By.ID, "merge-submit"))
    banner = wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert KEEP in banner.text

    status, merged = api(alice, server, "GET", f"/customers/{keep['id']}")
    assert merged["email"] == EMAIL
    status, gone = api(alice, server, "GET", f"/customers/{drop['id']}")
    assert gone["deletedAt"] is not None
    status, activities = api(alice, server, "GET", f"/customers/{keep['id']}/activities")
    assert [a["purpose"] for a in activities["items"]] == ["电话回访样品"]

    merge_url = alice.current_url
    alice.get(merge_url)
    click_and_load(alice, wait(alice).until(EC.element_to_be_clickable((By.ID, "undo-merge"))))
    assert f"/customers/{keep['id']}" in alice.current_url
    status, restored = api(alice, server, "GET", f"/customers/{keep['id']}")
    assert restored["email"] == ""
    status, back = api(alice, server, "GET", f"/customers/{drop['id']}")
    assert back.get("deletedAt") is None
    status, activities = api(alice, server, "GET", f"/customers/{drop['id']}/activities")
    assert len(activities["items"]) == 1


def test_mergeOther_findsTheRecordBySearch(server, alice):
    status, keep = api(alice, server, "POST", "/customers?allowDuplicate=true", {"name": "嘉兴恒达包装", "kind": "enterprise"})
    assert status == 201
    status, drop = api(alice, server, "POST", "/customers?allowDuplicate=true", {"name": "Hengda Packaging (Jiaxing)", "kind": "enterprise"})
    assert status == 201
    alice.get(f"{server}/customers/{keep['id']}")
    click_and_load(alice, wait(alice).until(EC.element_to_be_clickable((By.ID, "merge-other"))))
    alice.find_element(By.ID, "merge-q").send_keys("Hengda")
    click_and_load(alice, alice.find_element(By.ID, "merge-search-submit"))
    link = alice.find_element(By.CSS_SELECTOR, "#merge-candidates a.merge-link")
    assert "Hengda" in link.text
    click_and_load(alice, link)
    alice.find_element(By.ID, "take-name").click()
    click_and_load(alice, alice.find_element(By.ID, "merge-submit"))
    assert alice.find_element(By.ID, "undo-banner")
    status, merged = api(alice, server, "GET", f"/customers/{keep['id']}")
    assert merged["name"] == "Hengda Packaging (Jiaxing)"
