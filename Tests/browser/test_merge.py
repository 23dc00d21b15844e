"""Merging duplicate customers from the customer page, and duplicate key persons from the contact
page: the two side by side, a field taken from the duplicate, every record moved, then undone from
the banner. Another rep cannot open the merge pages."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import PASSWORDS, api, click_and_load, open_tab, sign_in, wait

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
    open_tab(alice, "file")
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
    alice.get(f"{server}/customers/{keep['id']}/file")
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


def test_contactMerge_fromTheContactPage_movesActivities_andUndoes(server, alice, browsers):
    status, customer = api(alice, server, "POST", "/customers?allowDuplicate=true", {"name": "绍兴华美纺织", "kind": "enterprise"})
    assert status == 201, customer
    people = []
    for body in ({"name": "王建国", "title": "采购经理", "phone": "13800001111"},
                 {"name": "王建国", "title": "采购部", "email": "wangjg@huamei.cn"}):
        status, person = api(alice, server, "POST", f"/customers/{customer['id']}/contacts", body)
        assert status == 201, person
        people.append(person)
    keep, drop = people
    status, _ = api(alice, server, "POST", f"/customers/{customer['id']}/activities",
                    {"channel": "visit", "purpose": "拜访王经理", "contactID": drop["id"]})
    assert status == 201

    alice.get(f"{server}/contacts/{keep['id']}")
    click_and_load(alice, alice.find_element(By.ID, "merge-contact"))
    link = alice.find_element(By.CSS_SELECTOR, "#merge-candidates a.merge-link")
    assert "王建国" in link.text and "采购部" in link.text
    click_and_load(alice, link)
    assert alice.find_element(By.ID, "merge-row-title") and alice.find_element(By.ID, "merge-row-email")
    alice.find_element(By.ID, "take-email").click()
    click_and_load(alice, alice.find_element(By.ID, "merge-submit"))
    banner = wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert "王建国" in banner.text

    status, merged = api(alice, server, "GET", f"/contacts/{keep['id']}")
    assert merged["email"] == "wangjg@huamei.cn" and merged["title"] == "采购经理"
    status, activities = api(alice, server, "GET", f"/customers/{customer['id']}/activities")
    assert [a.get("contactID") for a in activities["items"]] == [keep["id"]]

    # Bob is another rep: the merge pages of Alice's key persons are not found for him.
    bob = browsers("zh-CN,zh;q=0.9")
    sign_in(bob, server, "bob", PASSWORDS["bob"])
    bob.get(f"{server}/contacts/{keep['id']}/merge")
    assert bob.find_element(By.CLASS_NAME, "status-code").text == "404"

    click_and_load(alice, alice.find_element(By.ID, "undo-merge"))
    assert f"/contacts/{keep['id']}" in alice.current_url
    status, back = api(alice, server, "GET", f"/contacts/{drop['id']}")
    assert back.get("deletedAt") is None
    status, activities = api(alice, server, "GET", f"/customers/{customer['id']}/activities")
    assert [a.get("contactID") for a in activities["items"]] == [drop["id"]]
