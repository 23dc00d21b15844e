"""Changing what was recorded: activities and notes, custom field labels, password resets, unknown addresses."""
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import (ADMIN_PASSWORD, PASSWORDS, TEAM, assert_no_raw_keys, click_and_load, create_user, open_tab,
                     page_language, sign_in, wait)

MANAGER = ("zhou", "zhou-Secret-2024")


def _item(driver, list_id: str, text: str):
    """The `<li>` of a timeline or note list that shows `text` (the page must be loaded)."""
    items = [li for li in driver.find_elements(By.CSS_SELECTOR, f"#{list_id} li") if text in li.text]
    assert len(items) == 1, f"expected one item with {text!r} in #{list_id}"
    return items[0]


def _log_activity(driver, purpose: str) -> None:
    open_tab(driver, "timeline")
    Select(driver.find_element(By.NAME, "channel")).select_by_value("phone")
    driver.find_element(By.NAME, "purpose").send_keys(purpose)
    click_and_load(driver, driver.find_element(By.ID, "save-activity"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "activities"), purpose))


def _add_note(driver, body: str) -> None:
    open_tab(driver, "timeline")
    driver.find_element(By.NAME, "body").send_keys(body)
    click_and_load(driver, driver.find_element(By.ID, "save-note"))
    wait(driver).until(EC.text_to_be_present_in_element((By.ID, "notes"), body))


@pytest.fixture(scope="module")
def admin(server, browsers):
    driver = browsers("en-US,en;q=0.9")
    sign_in(driver, server, "admin", ADMIN_PASSWORD)
    return driver


@pytest.fixture(scope="module")
def manager(server, browsers, admin):
    """A manager of alice's team, signed in (Chinese preferred)."""
    create_user(admin, server, MANAGER[0], MANAGER[1], "manager")
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, *MANAGER)
    return driver


def test_activity_is_edited_then_deleted_and_restored(server, alice, alibaba, texts):
    alice.get(alibaba)
    open_tab(alice, "people")
    click_and_load(alice, alice.find_element(By.ID, "add-contact"))
    alice.find_element(By.NAME, "name").send_keys("孙丽")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "key-persons"), "孙丽"))
    _log_activity(alice, "确认样品寄送地址")
    item = _item(alice, "activities", "确认样品寄送地址")
    shown_time = item.find_element(By.CSS_SELECTOR, "p.muted").text.split(" · ")[0]
    click_and_load(alice, item.find_element(By.CSS_SELECTOR, "a.edit-activity"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "activity-edit-form")))
    lang = page_language(alice)
    # The time comes back in the user's zone, as the timeline shows it.
    assert alice.find_element(By.ID, "f-occurredAt").get_attribute("value").replace("T", " ") == shown_time
    assert_no_raw_keys(alice, texts)

    purpose = alice.find_element(By.ID, "f-purpose")
    purpose.clear()
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "f-purpose-error")))
    assert alice.find_element(By.ID, "f-purpose-error").text == texts[lang]["error.required"]

    alice.find_element(By.ID, "f-purpose").send_keys("寄送样品并确认收货人")
    Select(alice.find_element(By.ID, "f-channel")).select_by_value("wechat")
    Select(alice.find_element(By.ID, "f-contactID")).select_by_visible_text("孙丽")
    alice.execute_script("arguments[0].value = '2024-03-05T09:30'", alice.find_element(By.ID, "f-occurredAt"))
    alice.find_element(By.ID, "f-outcome").send_keys("顺丰寄出")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "activities")))
    item = _item(alice, "activities", "寄送样品并确认收货人")
    assert "2024-03-05 09:30" in item.text
    assert texts[lang]["channel.wechat"] in item.text and "孙丽" in item.text and "顺丰寄出" in item.text
    assert "确认样品寄送地址" not in alice.find_element(By.ID, "activities").text

    click_and_load(alice, item.find_element(By.CSS_SELECTOR, "button.delete-activity"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert "寄送样品并确认收货人" in alice.find_element(By.ID, "undo-banner").text
    assert "寄送样品并确认收货人" not in alice.find_element(By.ID, "timeline").text
    assert_no_raw_keys(alice, texts)
    click_and_load(alice, alice.find_element(By.ID, "undo-delete"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "activities"), "寄送样品并确认收货人"))
    assert not alice.find_elements(By.ID, "undo-banner")


def test_note_is_edited_by_its_author_and_deleted_with_undo(server, alice, alibaba, texts):
    alice.get(alibaba)
    _add_note(alice, "采购经理下月休假")
    click_and_load(alice, _item(alice, "notes", "采购经理下月休假").find_element(By.CSS_SELECTOR, "a.edit-note"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "note-edit-form")))
    assert alice.find_element(By.ID, "f-body").get_attribute("value") == "采购经理下月休假"
    assert_no_raw_keys(alice, texts)
    body = alice.find_element(By.ID, "f-body")
    body.clear()
    body.send_keys("采购经理下月中旬休假两周")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "notes"), "采购经理下月中旬休假两周"))
    assert "采购经理下月休假" not in alice.find_element(By.ID, "notes").text

    click_and_load(alice, _item(alice, "notes", "采购经理下月中旬休假两周").find_element(By.CSS_SELECTOR, "button.delete-note"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert "采购经理下月中旬休假两周" not in alice.find_element(By.ID, "notes").text
    click_and_load(alice, alice.find_element(By.ID, "undo-delete"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "notes"), "采购经理下月中旬休假两周"))


def test_a_manager_may_delete_but_not_edit_someone_elses_note(server, alice, alibaba, manager, texts):
    alice.get(alibaba)
    _add_note(alice, "只有作者能改这条")
    note = _item(alice, "notes", "只有作者能改这条")
    edit_url = note.find_element(By.CSS_SELECTOR, "a.edit-note").get_attribute("href")

    manager.get(alibaba + "/timeline")
    note = _item(manager, "notes", "只有作者能改这条")
    assert not note.find_elements(By.CSS_SELECTOR, "a.edit-note")
    assert note.find_elements(By.CSS_SELECTOR, "button.delete-note")
    manager.get(edit_url)
    wait(manager).until(EC.presence_of_element_located((By.ID, "error-page")))
    lang = page_language(manager)
    assert manager.find_element(By.CLASS_NAME, "status-code").text == "403"
    assert texts[lang]["reason.notAuthor"] in manager.find_element(By.ID, "error-page").text
    assert_no_raw_keys(manager, texts)


def test_unknown_address_shows_the_translated_404_page(server, browsers, texts):
    bob = browsers("zh-CN,zh;q=0.9")
    sign_in(bob, server, "bob", PASSWORDS["bob"])
    for path in ("/no-such-page", "/customers/not-an-id/nothing-here"):
        bob.get(server + path)
        wait(bob).until(EC.presence_of_element_located((By.ID, "error-page")))
        lang = page_language(bob)
        assert bob.find_element(By.CLASS_NAME, "status-code").text == "404"
        assert bob.find_element(By.TAG_NAME, "h1").text == texts[lang]["problem.notFound"]
        assert texts[lang]["errorPage.noSuchPage"] in bob.find_element(By.ID, "error-page").text
        assert bob.find_element(By.ID, "user-name").text, "the layout knows who is signed in"
        assert_no_raw_keys(bob, texts)

    # The status is a real 404; the API and static files keep their own answers.
    for path, html in (("/no-such-page", True), ("/api/v1/no-such-thing", False), ("/static/nothing.css", False)):
        with pytest.raises(urllib.error.HTTPError) as failure:
            urllib.request.urlopen(server + path, timeout=5)
        assert failure.value.code == 404, path
        assert (failure.value.headers.get("Content-Type", "").startswith("text/html")) == html, path


def test_admin_edits_a_field_and_a_stale_edit_is_refused(server, admin, texts):
    admin.get(server + "/admin/fields")
    Select(admin.find_element(By.ID, "f-object")).select_by_value("contact")
    admin.find_element(By.ID, "f-key").send_keys("rapport_level")
    admin.find_element(By.ID, "f-labelZh").send_keys("关系等级")
    admin.find_element(By.ID, "f-labelEn").send_keys("Relationship level")
    Select(admin.find_element(By.ID, "f-kind")).select_by_value("singleChoice")
    admin.find_element(By.ID, "f-options").send_keys("一般\n良好")
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "#field-form button[type=submit]"))
    row = [r for r in admin.find_elements(By.CSS_SELECTOR, "table.list tr") if "rapport_level" in r.text][0]
    edit_url = row.find_element(By.CSS_SELECTOR, "a.edit-field").get_attribute("href")

    click_and_load(admin, row.find_element(By.CSS_SELECTOR, "a.edit-field"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "field-edit-form")))
    assert admin.find_element(By.ID, "field-key").text == "rapport_level"
    assert admin.find_element(By.ID, "f-options").get_attribute("value") == "一般\n良好"
    assert_no_raw_keys(admin, texts)
    label = admin.find_element(By.ID, "f-labelEn")
    label.clear()
    label.send_keys("Relationship tier")
    admin.find_element(By.ID, "f-options").send_keys("\n密切")
    click_and_load(admin, admin.find_element(By.ID, "save"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "field-form")))
    row = [r for r in admin.find_elements(By.CSS_SELECTOR, "table.list tr") if "rapport_level" in r.text][0]
    assert "Relationship tier" in row.text and "密切" in row.text and "关系等级" in row.text

    # Two tabs on the same version: the second save gets the conflict message and the latest values.
    admin.get(edit_url)
    first = admin.current_window_handle
    admin.switch_to.new_window("tab")
    admin.get(edit_url)
    label = admin.find_element(By.ID, "f-labelZh")
    label.clear()
    label.send_keys("关系深度")
    click_and_load(admin, admin.find_element(By.ID, "save"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "field-form")))
    admin.close()
    admin.switch_to.window(first)
    label = admin.find_element(By.ID, "f-labelEn")
    label.clear()
    label.send_keys("Closeness")
    click_and_load(admin, admin.find_element(By.ID, "save"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "conflict-message")))
    lang = page_language(admin)
    assert admin.find_element(By.ID, "conflict-message").text == texts[lang]["form.conflict"]
    assert admin.find_element(By.ID, "f-labelZh").get_attribute("value") == "关系深度"
    assert admin.find_element(By.ID, "f-labelEn").get_attribute("value") == "Relationship tier"


def test_admin_reset_gives_a_one_time_password_that_must_be_changed(server, browsers, admin, texts):
    create_user(admin, server, "dora", "dora-Secret-2024", "rep")
    click_and_load(admin, admin.find_element(By.LINK_TEXT, "dora"))
    user_url = admin.current_url
    click_and_load(admin, wait(admin).until(EC.presence_of_element_located((By.ID, "one-time-reset"))))
    wait(admin).until(EC.presence_of_element_located((By.ID, "one-time-password")))
    one_time = admin.find_element(By.CSS_SELECTOR, "#one-time-password code").text
    assert len(one_time) >= 8 and "dora" in admin.find_element(By.ID, "one-time-password").text
    assert_no_raw_keys(admin, texts)
    admin.get(user_url)
    assert not admin.find_elements(By.ID, "one-time-password"), "the password is shown only once"

    dora = browsers("zh-CN,zh;q=0.9")
    sign_in(dora, server, "dora", one_time)
    assert dora.current_url.endswith("/account/password")
    assert dora.find_element(By.ID, "must-change").is_displayed()
    dora.get(server + "/customers")
    assert dora.current_url.endswith("/account/password"), "nothing else opens before the change"
    dora.find_element(By.ID, "f-currentPassword").send_keys(one_time)
    dora.find_element(By.ID, "f-password").send_keys("dora-Own-Secret-2024")
    dora.find_element(By.ID, "f-confirm").send_keys("dora-Own-Secret-2024")
    click_and_load(dora, dora.find_element(By.ID, "password-submit"))
    wait(dora).until(EC.url_contains("/customers"))
    assert_no_raw_keys(dora, texts)
