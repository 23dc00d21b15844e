"""The public pool (公海): a rep claims customers from /pool and is stopped at the daily cap with
the numbers shown; the admin sets the cap on /admin/pools; the customer page shows the pool history, also in its timeline."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import ADMIN_PASSWORD, PASSWORDS, api, assert_no_raw_keys, click_and_load, sign_in, wait

DEFAULT_POOL = "00000000-0000-4000-8000-00000000b001"
NAMES = ["公海测试甲公司", "公海测试乙公司", "公海测试丙公司"]


@pytest.fixture(scope="module")
def admin(server, browsers):
    driver = browsers("en-US,en;q=0.9")
    sign_in(driver, server, "admin", ADMIN_PASSWORD)
    return driver


@pytest.fixture(scope="module")
def bob(server, browsers):
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, "bob", PASSWORDS["bob"])
    return driver


def set_daily_cap(admin, server, cap):
    admin.get(server + "/admin/pools")
    field = admin.find_element(By.ID, f"pool-dailyClaimCap-{DEFAULT_POOL}")
    field.clear()
    field.send_keys(str(cap))
    click_and_load(admin, admin.find_element(By.ID, f"pool-save-{DEFAULT_POOL}"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "pool-admin-notice")))


def test_rep_claims_from_the_pool_and_is_stopped_at_the_daily_cap(server, admin, bob, texts):
    set_daily_cap(admin, server, 2)
    try:
        ids = []
        for name in NAMES:
            status, customer = api(admin, server, "POST", "/customers", {"name": name, "kind": "enterprise", "industry": "制造业"})
            assert status == 201, customer
            status, body = api(admin, server, "POST", f"/customers/{customer['id']}/release", {"reason": "测试"})
            assert status == 204, body
            ids.append(customer["id"])

        bob.get(server + "/pool")
        assert_no_raw_keys(bob, texts)
        zh = texts["zh-Hans"]
        assert bob.find_element(By.ID, "pool-claims").text == zh["pool.standing.claims"].replace("{0}", "0").replace("{1}", "2")
        # Bob sees the basic fields of customers that are not his.
        row = bob.find_element(By.ID, f"pool-member-{ids[0]}")
        assert NAMES[0] in row.text and "制造业" in row.text
        for index in (0, 1):
            click_and_load(bob, bob.find_element(By.ID, f"claim-{ids[index]}"))
            wait(bob).until(EC.presence_of_element_located((By.ID, "pool-notice")))
            assert NAMES[index] in bob.find_element(By.ID, "pool-notice").text
            assert not bob.find_elements(By.ID, f"pool-member-{ids[index]}")
        click_and_load(bob, bob.find_element(By.ID, f"claim-{ids[2]}"))
        problem = bob.find_element(By.ID, "pool-problem").text
        assert problem == zh["error.poolDailyCap"].replace("{0}", "2/2")
        assert bob.find_element(By.ID, "pool-claims").text == zh["pool.standing.claims"].replace("{0}", "2").replace("{1}", "2")
        assert bob.find_elements(By.ID, f"pool-member-{ids[2]}")

        # The claimed customer's page shows where it came from; bob may lock it.
        bob.get(f"{server}/customers/{ids[0]}/sales")
        history = bob.find_element(By.ID, "pool-history").text
        assert zh["pool.event.claimed"] in history and zh["pool.event.released"] in history
        # The timeline tells the same story among the activities: released by the admin, then claimed by bob.
        bob.get(f"{server}/customers/{ids[0]}/timeline")
        entries = bob.find_elements(By.CSS_SELECTOR, "#activities li.timeline-pool")
        kinds = [entry.find_element(By.TAG_NAME, "strong").text for entry in entries]
        assert kinds[:2] == [zh["pool.event.claimed"], zh["pool.event.released"]], kinds
        assert "测试" in entries[1].text and zh["timeline.pool"] in entries[1].text
        bob.get(f"{server}/customers/{ids[0]}/sales")
        click_and_load(bob, bob.find_element(By.ID, "pool-lock"))
        wait(bob).until(EC.presence_of_element_located((By.ID, "pool-unlock")))
        assert_no_raw_keys(bob, texts)
    finally:
        set_daily_cap(admin, server, 20)
