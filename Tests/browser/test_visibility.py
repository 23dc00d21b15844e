"""Who sees what: sign-in, other reps, anti-forgery tokens, admin pages."""
from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import ADMIN_PASSWORD, ALIBABA, PASSWORDS, assert_no_raw_keys, click_and_load, page_language, sign_in, wait


def test_anonymous_visitors_are_sent_to_sign_in(server, browsers):
    driver = browsers()
    driver.get(server + "/customers")
    assert driver.current_url.endswith("/login")
    driver.get(server + "/")
    assert driver.current_url.endswith("/login")


def test_wrong_password_shows_a_message(server, browsers, texts):
    driver = browsers()
    driver.get(server + "/login")
    driver.find_element(By.ID, "f-username").send_keys("alice")
    driver.find_element(By.ID, "f-password").send_keys("not-her-password")
    click_and_load(driver, driver.find_element(By.ID, "login-submit"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "login-error")))
    assert driver.find_element(By.ID, "login-error").text == texts[page_language(driver)]["login.failed"]
    assert driver.find_element(By.ID, "f-username").get_attribute("value") == "alice"


def test_language_switch_works_before_signing_in(server, browsers, texts):
    driver = browsers("zh-CN,zh;q=0.9")
    driver.get(server + "/login")
    assert page_language(driver) == "zh-Hans"
    click_and_load(driver, driver.find_element(By.ID, "lang-en"))
    wait(driver).until(lambda d: page_language(d) == "en")
    assert driver.current_url.endswith("/login")
    assert driver.find_element(By.TAG_NAME, "h1").text == texts["en"]["login.heading"]
    click_and_load(driver, driver.find_element(By.ID, "lang-zh"))
    wait(driver).until(lambda d: page_language(d) == "zh-Hans")
    assert driver.find_element(By.TAG_NAME, "h1").text == texts["zh-Hans"]["login.heading"]


def test_another_rep_cannot_open_or_find_the_customer(server, browsers, alibaba, texts):
    bob = browsers("en-US,en;q=0.9")
    sign_in(bob, server, "bob", PASSWORDS["bob"])
    bob.get(alibaba)
    wait(bob).until(EC.presence_of_element_located((By.ID, "error-page")))
    assert bob.find_element(By.CLASS_NAME, "status-code").text == "404"
    assert bob.find_element(By.TAG_NAME, "h1").text == texts[page_language(bob)]["problem.notFound"]
    assert ALIBABA not in bob.page_source
    assert_no_raw_keys(bob, texts)

    bob.get(server + "/customers?q=" + quote("阿里"))
    wait(bob).until(EC.presence_of_element_located((By.ID, "empty-state")))
    assert ALIBABA not in bob.page_source
    bob.get(server + "/contacts?q=" + quote("张伟"))
    wait(bob).until(EC.presence_of_element_located((By.ID, "empty-state")))


def test_a_form_without_the_anti_forgery_token_is_refused(server, alice, alibaba, texts):
    alice.get(alibaba + "/timeline")
    alice.find_element(By.NAME, "body").send_keys("不该保存的备注")
    alice.execute_script("document.querySelector('#note-form input[name=_csrf]').remove()")
    click_and_load(alice, alice.find_element(By.ID, "save-note"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "error-page")))
    assert alice.find_element(By.CLASS_NAME, "status-code").text == "403"
    assert alice.find_element(By.TAG_NAME, "h1").text == texts[page_language(alice)]["problem.csrf"]
    alice.get(alibaba + "/timeline")
    assert "不该保存的备注" not in alice.find_element(By.ID, "notes").text


def test_reps_get_the_forbidden_page_for_admin_pages(server, alice, texts):
    alice.get(server + "/admin/users")
    wait(alice).until(EC.presence_of_element_located((By.ID, "error-page")))
    assert alice.find_element(By.CLASS_NAME, "status-code").text == "403"
    assert texts[page_language(alice)]["reason.adminOnly"] in alice.find_element(By.ID, "error-page").text


def test_admin_creates_a_user_who_must_change_the_one_time_password(server, browsers, texts):
    admin = browsers("en-US,en;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    admin.get(server + "/admin/users")
    admin.find_element(By.ID, "f-username").send_keys("carol")
    admin.find_element(By.ID, "f-displayName").send_keys("Carol Zhang")
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "#user-form button[type=submit]"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "one-time-password")))
    one_time = admin.find_element(By.CSS_SELECTOR, "#one-time-password code").text
    assert len(one_time) >= 12
    assert_no_raw_keys(admin, texts)
    for path in ("/admin/teams", "/admin/fields", "/account"):
        admin.get(server + path)
        assert not admin.find_elements(By.ID, "error-page"), path
        assert_no_raw_keys(admin, texts)

    carol = browsers()
    sign_in(carol, server, "carol", one_time)
    assert carol.current_url.endswith("/account/password")
    carol.get(server + "/customers")
    assert carol.current_url.endswith("/account/password"), "every page waits for the new password"
    carol.find_element(By.ID, "f-currentPassword").send_keys(one_time)
    carol.find_element(By.ID, "f-password").send_keys("carol-Secret-2024")
    carol.find_element(By.ID, "f-confirm").send_keys("carol-Secret-2024")
    click_and_load(carol, carol.find_element(By.ID, "password-submit"))
    wait(carol).until(EC.url_contains("/customers"))
    assert carol.find_element(By.ID, "user-name").text == "Carol Zhang"
