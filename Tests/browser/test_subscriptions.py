"""Churn from the customer page (reasons as checkboxes from the taxonomy), then the win-back list:
filtered by reason, an attempt recorded, and the "what works" table."""
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import ADMIN_PASSWORD, assert_no_raw_keys, click_and_load, sign_in, wait, menu_link
from test_merge import api

CUSTOMER = "温州瑞丰鞋业有限公司"


def test_churn_putsTheCustomerOnTheWinbackList_andAttemptsCount(server, alice):
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    status, customer = api(alice, server, "POST", "/customers?allowDuplicate=true", {"name": CUSTOMER, "kind": "enterprise"})
    assert status == 201, customer
    status, term = api(alice, server, "POST", f"/customers/{customer['id']}/subscriptions",
                       {"startsOn": str(today - timedelta(days=320)), "endsOn": str(today + timedelta(days=45)), "price": 1980000})
    assert status == 201, term

    alice.get(f"{server}/customers/{customer['id']}/service#subscriptions")
    days = wait(alice).until(EC.presence_of_element_located((By.ID, "subscription-days-left")))
    assert "45" in days.text
    alice.find_element(By.CSS_SELECTOR, "#subscription-churn summary").click()
    # Submitting without a reason is refused with a message.
    click_and_load(alice, alice.find_element(By.ID, "churn-submit"))
    assert wait(alice).until(EC.presence_of_element_located((By.ID, "subscription-error"))).text
    alice.find_element(By.CSS_SELECTOR, "#subscription-churn summary").click()
    alice.find_element(By.ID, "churn-operating.rareLogins").click()
    alice.find_element(By.ID, "churn-note").send_keys("半年后不再登录")
    click_and_load(alice, alice.find_element(By.ID, "churn-submit"))
    assert not alice.find_elements(By.ID, "subscription-error")
    assert "state-churned" in alice.find_element(By.ID, f"subscription-{term['id']}").get_attribute("class")

    alice.get(server + "/winback")
    Select(alice.find_element(By.ID, "filter-reason")).select_by_value("operating.rareLogins")
    click_and_load(alice, alice.find_element(By.ID, "filter-submit"))
    row = alice.find_element(By.ID, f"winback-{customer['id']}")
    assert CUSTOMER in row.text
    Select(row.find_element(By.NAME, "approach")).select_by_value("personalCare")
    Select(row.find_element(By.NAME, "outcome")).select_by_value("returned")
    click_and_load(alice, row.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    assert "reason=operating.rareLogins" in alice.current_url
    table = alice.find_element(By.ID, "winback-effectiveness").text
    assert "100%" in table
    assert "1" in alice.find_element(By.ID, f"winback-{customer['id']}").text


def test_winbackAndCustomerSection_readInEnglish_withoutRawKeys(server, alice, browsers, texts):
    status, customer = api(alice, server, "POST", "/customers?allowDuplicate=true", {"name": "Harbour Shoes Ltd", "kind": "enterprise"})
    assert status == 201
    status, term = api(alice, server, "POST", f"/customers/{customer['id']}/subscriptions",
                       {"startsOn": "2025-01-01", "endsOn": "2025-12-31", "price": 990000})
    status, _ = api(alice, server, "POST", f"/subscriptions/{term['id']}/churn", {"churnReasons": ["aux.salesPressure"]})
    assert status == 200
    admin = browsers("en-US,en;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    admin.get(server + "/winback")
    assert "Too much sales pressure" in admin.find_element(By.ID, f"winback-{customer['id']}").text
    assert menu_link(admin, "nav-winback").text == "Win-back"
    assert_no_raw_keys(admin, texts)
    admin.get(f"{server}/customers/{customer['id']}/service")
    assert "Churned" in admin.find_element(By.ID, "subscription-history").text
    assert admin.find_element(By.ID, "winback-attempt-form")
    assert_no_raw_keys(admin, texts)
