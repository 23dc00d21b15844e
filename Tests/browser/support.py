"""Helpers shared by the browser tests."""
import json
from pathlib import Path

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

LOCALES = Path(__file__).resolve().parents[2] / "Sources" / "RapportEdge" / "Locales"
TEAM = "华东销售部"
ADMIN_PASSWORD = "admin-Secret-2024"
ALIBABA = "阿里巴巴（中国）有限公司"
ALIBABA_PHONE = "0571-8502 2088"
PASSWORDS = {"alice": "alice-Secret-2024", "bob": "bob-Secret-20245"}


def wait(driver, timeout: float = 10) -> WebDriverWait:
    """Waits through the moment a submitted form replaces the page."""
    return WebDriverWait(driver, timeout, ignored_exceptions=(NoSuchElementException, StaleElementReferenceException))


def sign_in(driver, base: str, username: str, password: str) -> None:
    """Signs in through the form and waits until the browser has left /login."""
    driver.get(base + "/login")
    driver.find_element(By.ID, "f-username").send_keys(username)
    driver.find_element(By.ID, "f-password").send_keys(password)
    click_and_load(driver, driver.find_element(By.ID, "login-submit"))
    wait(driver).until(lambda d: "/login" not in d.current_url)


def page_language(driver) -> str:
    """The `lang` of the page now shown (zh-Hans or en)."""
    return driver.execute_script("return document.documentElement.lang")


def assert_no_raw_keys(driver, texts) -> None:
    """A text missing from the locale files renders as its key; none may appear."""
    body = driver.find_element(By.TAG_NAME, "body").text
    leaked = [key for key in texts["en"] if key in body]
    assert not leaked, f"untranslated keys on {driver.current_url}: {leaked}"
    assert "TextTable" not in driver.page_source


def click_and_load(driver, element) -> None:
    """Clicks a submit button or link and waits until the next page has replaced this one and loaded.

    A new document has a new `performance.timeOrigin`; polling it avoids racing the old page.
    """
    before = driver.execute_script("return performance.timeOrigin")
    element.click()

    def loaded(d) -> bool:
        return (d.execute_script("return performance.timeOrigin") != before
                and d.execute_script("return document.readyState") == "complete")

    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(loaded)


def create_user(admin, server: str, username: str, password: str, role: str, display_name: str = "") -> None:
    """Creates a user of the demo team on the admin page, as the signed-in admin."""
    admin.get(server + "/admin/users")
    admin.find_element(By.ID, "f-username").send_keys(username)
    if display_name:
        admin.find_element(By.ID, "f-displayName").send_keys(display_name)
    Select(admin.find_element(By.ID, "f-role")).select_by_value(role)
    Select(admin.find_element(By.ID, "f-teamID")).select_by_visible_text(TEAM)
    admin.find_element(By.ID, "f-password").send_keys(password)
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "#user-form button[type=submit]"))
    wait(admin).until(EC.text_to_be_present_in_element((By.ID, "user-list"), username))


def api(driver, server: str, method: str, path: str, body=None):
    """Calls the JSON API from the signed-in browser as the pages' own scripts do: the session
    cookie plus the page's anti-forgery token in X-CSRF-Token. Opens the agenda first when the
    current page has no token (another site, an error page). Returns (status, decoded body)."""
    if not driver.current_url.startswith(server) or not driver.find_elements(By.CSS_SELECTOR, "input[name=_csrf]"):
        driver.get(server + "/agenda")
    driver.set_script_timeout(15)
    result = driver.execute_async_script("""
        const [method, path, body, done] = arguments;
        const token = document.querySelector('input[name=_csrf]').value;
        fetch('/api/v1' + path, {method: method, credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
              body: body === null ? undefined : JSON.stringify(body)})
          .then(r => r.text().then(text => done({status: r.status, body: text})))
          .catch(e => done({status: 0, body: String(e)}));
    """, method, path, body)
    return result["status"], (json.loads(result["body"]) if result["body"] else None)


def menu_link(driver, link_id: str):
    """A top-bar link as a user reaches it: the menu holding it is opened first (a click on its summary)."""
    link = driver.find_element(By.ID, link_id)
    menus = link.find_elements(By.XPATH, "ancestor::details[1]")
    if menus and menus[0].get_attribute("open") is None:
        menus[0].find_element(By.TAG_NAME, "summary").click()
    return link


def open_tab(driver, tab: str) -> None:
    """On a customer's page, follows the section bar to one part (`people`, `timeline`, `sales`,
    `service`, `file`, `overview`) as a user would, and waits until it has loaded."""
    link = driver.find_element(By.ID, "tab-" + tab)
    if link.get_attribute("aria-current") != "page":
        click_and_load(driver, link)
    wait(driver).until(EC.presence_of_element_located((By.CSS_SELECTOR, f'#tab-{tab}[aria-current="page"]')))
