"""Admin set-up pages and the less travelled record pages: custom fields, teams, trash, tokens, contacts."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import ADMIN_PASSWORD, assert_no_raw_keys, click_and_load, open_tab, page_language, sign_in, wait


def _field(driver, key, zh, en, kind, options=""):
    driver.find_element(By.ID, "f-key").send_keys(key)
    driver.find_element(By.ID, "f-labelZh").send_keys(zh)
    driver.find_element(By.ID, "f-labelEn").send_keys(en)
    Select(driver.find_element(By.ID, "f-kind")).select_by_value(kind)
    if options:
        driver.find_element(By.ID, "f-options").send_keys(options)
    click_and_load(driver, driver.find_element(By.CSS_SELECTOR, "#field-form button[type=submit]"))


def test_custom_fields_appear_in_forms_and_files(server, browsers, alice, texts):
    admin = browsers("en-US,en;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    admin.get(server + "/admin/fields")
    _field(admin, "budget", "年度预算", "Annual budget", "number")
    _field(admin, "channel_pref", "偏好渠道", "Preferred channel", "singleChoice", "线上\n线下")
    _field(admin, "products", "关注产品", "Products", "multiChoice", "会员\n广告\n培训")
    _field(admin, "bad", "", "", "text")
    lang = page_language(admin)
    assert admin.find_element(By.ID, "f-labelZh-error").text == texts[lang]["error.required"]
    assert "budget" in admin.page_source and "products" in admin.page_source
    assert_no_raw_keys(admin, texts)

    alice.get(server + "/customers/new")
    alice.find_element(By.ID, "f-custom-budget").send_keys("120000")
    Select(alice.find_element(By.ID, "f-custom-channel_pref")).select_by_visible_text("线下")
    for box in alice.find_elements(By.CSS_SELECTOR, "#f-custom-products input[type=checkbox]"):
        if box.get_attribute("value") in ("会员", "培训"):
            box.click()
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "f-name-error")))
    # The form comes back with every custom value kept.
    assert alice.find_element(By.ID, "f-custom-budget").get_attribute("value") == "120000"
    checked = [b.get_attribute("value") for b in alice.find_elements(By.CSS_SELECTOR, "#f-custom-products input:checked")]
    assert checked == ["会员", "培训"]
    alice.find_element(By.ID, "f-name").send_keys("苏州自定义字段有限公司")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    open_tab(alice, "file")
    page = alice.find_element(By.TAG_NAME, "main").text
    assert "120000" in page and "线下" in page and "会员; 培训" in page
    click_and_load(alice, alice.find_element(By.ID, "edit-customer"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-form")))
    checked = [b.get_attribute("value") for b in alice.find_elements(By.CSS_SELECTOR, "#f-custom-products input:checked")]
    assert checked == ["会员", "培训"]

    admin.get(server + "/admin/fields")
    row = [r for r in admin.find_elements(By.CSS_SELECTOR, "table.list tr") if "budget" in r.text][0]
    click_and_load(admin, row.find_element(By.CSS_SELECTOR, "button.danger"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    click_and_load(admin, admin.find_element(By.ID, "undo-delete"))
    assert "budget" in admin.find_element(By.TAG_NAME, "main").text


def test_teams_trash_and_tokens(server, browsers, texts):
    admin = browsers("en-US,en;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    admin.get(server + "/admin/teams")
    admin.find_element(By.ID, "f-name").send_keys("华南大客户部")
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "#team-form button[type=submit]"))
    names = [i.get_attribute("value") for i in admin.find_elements(By.CSS_SELECTOR, "#team-list input[name=name]")]
    assert "华南大客户部" in names

    admin.get(server + "/customers/new")
    admin.find_element(By.ID, "f-name").send_keys("回收站测试有限公司")
    click_and_load(admin, admin.find_element(By.ID, "save"))
    click_and_load(admin, wait(admin).until(EC.presence_of_element_located((By.ID, "delete-customer"))))
    wait(admin).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    click_and_load(admin, admin.find_element(By.ID, "open-trash"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "customer-list")))
    assert "回收站测试有限公司" in admin.find_element(By.ID, "customer-list").text
    assert_no_raw_keys(admin, texts)

    admin.get(server + "/account")
    admin.find_element(By.ID, "f-tokenName").send_keys("报表脚本")
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "new-token")))
    assert admin.find_element(By.CSS_SELECTOR, "#new-token code").text.startswith("rpt_")
    admin.get(server + "/account")
    assert not admin.find_elements(By.ID, "new-token"), "the secret is shown only once"
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "#tokens button.danger"))
    assert texts[page_language(admin)]["token.revoked"] in admin.find_element(By.ID, "tokens").text


def test_contact_edit_delete_and_undo(server, alice, alibaba, texts):
    alice.get(alibaba + "/people")
    click_and_load(alice, alice.find_element(By.ID, "add-contact"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "contact-form")))
    alice.find_element(By.NAME, "name").send_keys("赵敏")
    Select(alice.find_element(By.NAME, "involvement")).select_by_value("3")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "key-persons")))
    click_and_load(alice, alice.find_element(By.LINK_TEXT, "赵敏"))
    click_and_load(alice, wait(alice).until(EC.presence_of_element_located((By.ID, "edit-contact"))))
    wait(alice).until(EC.presence_of_element_located((By.ID, "contact-form")))
    alice.find_element(By.NAME, "email").send_keys("not-an-email")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "f-email-error")))
    email = alice.find_element(By.NAME, "email")
    email.clear()
    email.send_keys("zhaomin@example.cn")
    alice.find_element(By.NAME, "painPoints").send_keys("交付周期太长")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "delete-contact")))
    assert "交付周期太长" in alice.find_element(By.TAG_NAME, "main").text
    assert_no_raw_keys(alice, texts)
    click_and_load(alice, alice.find_element(By.ID, "delete-contact"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert "赵敏" not in alice.find_element(By.ID, "key-persons").text
    click_and_load(alice, alice.find_element(By.ID, "undo-delete"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "contact-name")))
    alice.get(server + "/contacts?q=" + "赵")
    assert "赵敏" in alice.find_element(By.ID, "contact-list").text
