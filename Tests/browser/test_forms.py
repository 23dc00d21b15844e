"""Form behaviour: field messages, stale edits, duplicates, escaping, delete with undo."""
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import assert_no_raw_keys, click_and_load, page_language, wait


def _new_customer(driver, server, name: str, phone: str = "") -> None:
    driver.get(server + "/customers/new")
    driver.find_element(By.ID, "f-name").send_keys(name)
    if phone:
        driver.find_element(By.ID, "f-phone").send_keys(phone)
    click_and_load(driver, driver.find_element(By.ID, "save"))


def test_missing_required_field_shows_its_message(server, alice, texts):
    _new_customer(alice, server, "", phone="021-5555 0101")
    wait(alice).until(EC.presence_of_element_located((By.ID, "f-name-error")))
    lang = page_language(alice)
    assert alice.find_element(By.ID, "f-name-error").text == texts[lang]["error.required"]
    assert alice.find_element(By.ID, "f-phone").get_attribute("value") == "021-5555 0101", "typed values are kept"
    assert alice.find_element(By.ID, "form-errors").is_displayed()
    assert_no_raw_keys(alice, texts)


def test_stale_edit_shows_the_conflict_message(server, alice, alibaba, texts):
    edit = alibaba + "/edit"
    alice.get(edit)
    first = alice.current_window_handle
    alice.switch_to.new_window("tab")
    alice.get(edit)
    alice.find_element(By.ID, "f-region").send_keys("杭州")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    alice.close()
    alice.switch_to.window(first)

    alice.find_element(By.ID, "f-source").send_keys("展会")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "conflict-message")))
    lang = page_language(alice)
    assert alice.find_element(By.ID, "conflict-message").text == texts[lang]["form.conflict"]
    assert alice.find_element(By.ID, "f-region").get_attribute("value") == "杭州", "the form shows the saved values"
    # Saving again from the refreshed form works.
    alice.find_element(By.ID, "f-source").send_keys("展会")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))


def test_duplicate_is_reported_and_can_be_overridden(server, alice, texts):
    _new_customer(alice, server, "杭州青禾科技有限公司", phone="0571-8888 1234")
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    _new_customer(alice, server, "杭州青禾科技有限公司")
    wait(alice).until(EC.presence_of_element_located((By.ID, "duplicates")))
    box = alice.find_element(By.ID, "duplicates").text
    assert "杭州青禾科技有限公司" in box and "Alice Wang" in box
    assert_no_raw_keys(alice, texts)
    alice.find_element(By.ID, "allow-duplicate").click()
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))


def test_markup_in_a_name_is_shown_as_text(server, alice):
    name = "<script>alert(1)</script>"
    _new_customer(alice, server, name)
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    try:
        alice.switch_to.alert
        raise AssertionError("a script typed into a name ran")
    except NoAlertPresentException:
        pass
    assert alice.find_element(By.ID, "customer-name").text == name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in alice.page_source
    alice.get(server + "/customers")
    assert name in [a.text for a in alice.find_elements(By.CSS_SELECTOR, "a.customer-link")]
    try:
        alice.switch_to.alert
        raise AssertionError("a script typed into a name ran on the list")
    except NoAlertPresentException:
        pass


def test_delete_offers_undo(server, alice, texts):
    _new_customer(alice, server, "待删除贸易有限公司")
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    url = alice.current_url
    click_and_load(alice, alice.find_element(By.ID, "delete-customer"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert "待删除贸易有限公司" in alice.find_element(By.ID, "undo-banner").text
    assert_no_raw_keys(alice, texts)
    click_and_load(alice, alice.find_element(By.ID, "undo-delete"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    assert alice.current_url == url
    assert not alice.find_elements(By.ID, "deleted-banner")
