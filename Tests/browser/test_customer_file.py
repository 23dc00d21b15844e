"""A rep's everyday path: find a customer, map its key persons, log a contact, switch language."""
from urllib.parse import quote

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import ALIBABA, ALIBABA_PHONE, assert_no_raw_keys, click_and_load, open_tab, page_language, wait


def test_search_finds_customer_by_two_chinese_characters(server, alice, alibaba, texts):
    alice.get(server + "/customers")
    box = alice.find_element(By.ID, "search")
    box.clear()
    box.send_keys("阿里")
    click_and_load(alice, alice.find_element(By.ID, "search-submit"))
    wait(alice).until(EC.url_contains("q="))
    links = [a.text for a in alice.find_elements(By.CSS_SELECTOR, "#customer-list a.customer-link")]
    assert ALIBABA in links
    assert_no_raw_keys(alice, texts)

    click_and_load(alice, alice.find_element(By.LINK_TEXT, ALIBABA))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    assert alice.find_element(By.ID, "customer-name").text == ALIBABA
    assert alice.find_element(By.ID, "overview-phone").text == ALIBABA_PHONE
    assert "Alice Wang" in alice.find_element(By.ID, "customer-owner").text
    assert_no_raw_keys(alice, texts)
    open_tab(alice, "file")
    assert alice.find_element(By.ID, "customer-phone").text == ALIBABA_PHONE
    assert_no_raw_keys(alice, texts)


def _add_contact(driver, fields: dict, selects: dict = None, coach: bool = False) -> None:
    click_and_load(driver, driver.find_element(By.ID, "add-contact"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "contact-form")))
    for name, value in fields.items():
        driver.find_element(By.NAME, name).send_keys(value)
    for name, text in (selects or {}).items():
        Select(driver.find_element(By.NAME, name)).select_by_visible_text(text)
    if coach:
        driver.find_element(By.NAME, "isCoach").click()
    click_and_load(driver, driver.find_element(By.ID, "save"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "key-persons")))


def test_key_persons_make_an_org_chart(server, alice, alibaba, texts):
    alice.get(alibaba)
    open_tab(alice, "people")
    lang = page_language(alice)
    _add_contact(alice, {"name": "张伟", "title": "总经理", "department": "总经办", "phone": "13800138000"},
                 {"influence": texts[lang]["influence.high"], "involvement": texts[lang]["involvement.1"]})
    _add_contact(alice, {"name": "李娜", "title": "采购经理", "department": "采购部", "wechat": "lina_buyer"},
                 {"reportsToID": "张伟 (总经理)"}, coach=True)

    rows = alice.find_element(By.ID, "key-persons").text
    assert "张伟" in rows and "李娜" in rows and texts[lang]["contact.coach"] in rows
    boss = alice.find_element(By.CSS_SELECTOR, "#org-chart > li > a")
    report = alice.find_element(By.CSS_SELECTOR, "#org-chart > li > ul > li > a")
    assert (boss.text, report.text) == ("张伟", "李娜")
    assert_no_raw_keys(alice, texts)

    click_and_load(alice, report)
    wait(alice).until(EC.presence_of_element_located((By.ID, "contact-name")))
    assert "李娜" in alice.find_element(By.ID, "contact-name").text
    assert "张伟" in alice.find_element(By.TAG_NAME, "main").text
    assert_no_raw_keys(alice, texts)


def test_logged_activity_appears_on_the_timeline(server, alice, alibaba, texts):
    alice.get(alibaba)
    lang = page_language(alice)
    # The header's "log a contact" button leads to the timeline's form.
    click_and_load(alice, alice.find_element(By.ID, "log-activity"))
    assert alice.find_element(By.ID, "tab-timeline").get_attribute("aria-current") == "page"
    Select(alice.find_element(By.NAME, "channel")).select_by_value("visit")
    Select(alice.find_element(By.NAME, "contactID")).select_by_visible_text("李娜")
    alice.find_element(By.NAME, "purpose").send_keys("了解年度采购计划")
    alice.find_element(By.NAME, "outcome").send_keys("对方预算三月确定，下周再联系")
    click_and_load(alice, alice.find_element(By.ID, "save-activity"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "activities")))
    timeline = alice.find_element(By.ID, "activities").text
    assert "了解年度采购计划" in timeline
    assert "李娜" in timeline
    assert texts[lang]["channel.visit"] in timeline
    assert "Alice Wang" in timeline
    # The overview card names the key persons the timeline mentions.
    open_tab(alice, "overview")
    assert "张伟" in alice.find_element(By.ID, "overview-people").text


def test_note_is_added(server, alice, alibaba):
    alice.get(alibaba + "/timeline")
    alice.find_element(By.NAME, "body").send_keys("老板喜欢喝龙井 <b>不是粗体</b>")
    click_and_load(alice, alice.find_element(By.ID, "save-note"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "notes"), "老板喜欢喝龙井 <b>不是粗体</b>"))


def test_language_switch_changes_the_interface(server, alice, texts):
    alice.get(server + "/customers?q=" + quote("阿里"))
    click_and_load(alice, alice.find_element(By.ID, "lang-en"))
    wait(alice).until(lambda d: page_language(d) == "en")
    assert alice.find_element(By.ID, "nav-customers").text == texts["en"]["nav.customers"]
    assert alice.find_element(By.TAG_NAME, "h1").text == texts["en"]["customers.title"]
    assert "q=" in alice.current_url, "the switch returns to the same page"
    assert_no_raw_keys(alice, texts)

    click_and_load(alice, alice.find_element(By.ID, "lang-zh"))
    wait(alice).until(lambda d: page_language(d) == "zh-Hans")
    assert alice.find_element(By.ID, "nav-customers").text == texts["zh-Hans"]["nav.customers"]
    assert alice.find_element(By.TAG_NAME, "h1").text == texts["zh-Hans"]["customers.title"]


def test_history_lists_the_creation(server, alice, alibaba, texts):
    alice.get(alibaba)
    click_and_load(alice, alice.find_element(By.ID, "customer-history"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "history")))
    lang = page_language(alice)
    assert texts[lang]["audit.action.create"] in alice.find_element(By.ID, "history").text
    assert_no_raw_keys(alice, texts)
