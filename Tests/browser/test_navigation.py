"""The top bar at 1366 px in both languages for every role: one row, grouped menus, payments due
reachable, and a quick jump that finds a customer by name, pinyin or initials."""
import uuid
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from support import ADMIN_PASSWORD, PASSWORDS, api, click_and_load, menu_link, sign_in, wait


@pytest.mark.parametrize("language", ["zh-CN,zh;q=0.9", "en-US,en;q=0.9"])
@pytest.mark.parametrize("user", ["admin", "alice"])
def test_top_bar_is_one_row_at_1366(server, browsers, language, user):
    driver = browsers(language)
    driver.set_window_size(1366, 900)
    sign_in(driver, server, user, ADMIN_PASSWORD if user == "admin" else PASSWORDS[user])
    driver.get(server + "/customers")
    header = driver.find_element(By.CSS_SELECTOR, "header.topbar")
    brand = driver.find_element(By.CSS_SELECTOR, "header.topbar .brand")
    end = driver.find_element(By.CSS_SELECTOR, "header.topbar .topbar-end")
    # One row: the last item sits on the brand's line, and nothing overflows the window.
    assert abs(end.location["y"] - brand.location["y"]) < brand.size["height"], (header.size, end.location, brand.location)
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")
    # The search button on the list does not wrap: it is no taller than the one-line select beside it.
    button = driver.find_element(By.ID, "search-submit")
    select = driver.find_element(By.ID, "filter-sort")
    assert button.size["height"] <= select.size["height"] * 1.3, (button.size, select.size)
    # Every labelled filter control is one line high too (the search box once grew to the row's height).
    search = driver.find_element(By.ID, "search")
    assert search.size["height"] <= select.size["height"] * 1.3, (search.size, select.size)


def test_payments_due_is_in_the_sales_menu(server, browsers):
    driver = browsers("en-US,en;q=0.9")
    sign_in(driver, server, "alice", PASSWORDS["alice"])
    click_and_load(driver, menu_link(driver, "nav-payments-due"))
    assert urlparse(driver.current_url).path == "/payments/due"


def test_quick_jump_finds_a_customer_by_pinyin_initials(server, browsers):
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, "alice", PASSWORDS["alice"])
    status, _ = api(driver, server, "POST", "/customers", {"name": "阿里巴巴快跳测试有限公司", "kind": "enterprise"})
    assert status == 201
    box = driver.find_element(By.ID, "quick-jump")
    box.send_keys("albbktcs")
    box.send_keys(Keys.ENTER)
    wait(driver).until(lambda d: "q=albbktcs" in d.current_url)
    wait(driver).until(lambda d: d.find_elements(By.ID, "customer-list"))
    assert "阿里巴巴快跳测试有限公司" in driver.find_element(By.ID, "customer-list").text


@pytest.mark.parametrize("language", ["zh-CN,zh;q=0.9", "en-US,en;q=0.9"])
def test_customer_overview_is_on_the_first_screen(server, browsers, language):
    driver = browsers(language)
    driver.set_window_size(1366, 900)
    sign_in(driver, server, "alice", PASSWORDS["alice"])
    # A number no other test uses (the suite shares one database), so the duplicate check does not refuse it.
    phone = "0571-7" + str(uuid.uuid4().int)[:7]
    status, customer = api(driver, server, "POST", "/customers",
                           {"name": f"概览测试 {uuid.uuid4().hex[:8]}", "kind": "enterprise", "phone": phone})
    assert status == 201
    driver.get(server + "/customers/" + customer["id"])
    height = driver.execute_script("return window.innerHeight")
    for element_id in ("overview-phone", "overview-stage", "overview-promise", "overview-people"):
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", driver.find_element(By.ID, element_id))
        assert top < height, (element_id, top, height)
    assert phone in driver.find_element(By.ID, "overview-phone").text
    assert driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth")


def test_customer_page_prints_without_bar_forms_or_buttons(server, browsers):
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, "alice", PASSWORDS["alice"])
    status, customer = api(driver, server, "POST", "/customers",
                           {"name": f"打印测试 {uuid.uuid4().hex[:8]}", "kind": "enterprise"})
    assert status == 201
    driver.get(server + "/customers/" + customer["id"])
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        def shown(css):
            return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]
        assert not shown("header.topbar") and not shown("#customer-tabs") and not shown("button")
        assert shown("#overview") and shown("#customer-name") and shown("#promises")
        # Each part prints on its own: the timeline without its forms.
        driver.get(server + "/customers/" + customer["id"] + "/timeline")
        assert not shown("#activity-form") and not shown("#note-form") and not shown("button")
        assert shown("#customer-name") and shown("#timeline") and shown("#notes")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
