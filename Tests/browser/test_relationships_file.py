"""The customer file's relationship parts (issue #3): a rep sees a key person's temperament guidance, the
expectation status and the open promises without leaving the customer page; fills the questionnaire and
confirms a type; keeps a promise with evidence; adds a lunar care date. Another rep gets 404 on all of it."""
import datetime
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import ADMIN_PASSWORD, PASSWORDS, assert_no_raw_keys, click_and_load, open_tab, page_language, sign_in, wait

CUSTOMER = "杭州青禾茶业有限公司"
PERSON = "王芳"
REFERENCE = Path(__file__).resolve().parents[2] / "Sources" / "RapportApp" / "Resources" / "Reference"
# Lunar 8/15 (中秋) on the Gregorian calendar, from published calendars.
MID_AUTUMN = ["2025-10-06", "2026-09-25", "2027-09-15", "2028-10-03", "2029-09-22"]


def _guidance(lang: str) -> dict:
    return json.loads((REFERENCE / f"guidance.{lang}.json").read_text(encoding="utf-8"))


def _today_in_shanghai() -> str:
    return datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()


def _shanghai_date(days: int) -> str:
    return (datetime.datetime.now(ZoneInfo("Asia/Shanghai")).date() + datetime.timedelta(days=days)).isoformat()


def _set_date(driver, element_id: str, value: str) -> None:
    """Date inputs take typed text per locale; setting the value is the reliable way."""
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, element_id), value)


@pytest.fixture(scope="module")
def teahouse(server, alice):
    """Alice's customer with one key person; yields (customer URL, key person URL)."""
    alice.get(server + "/customers/new")
    alice.find_element(By.ID, "f-name").send_keys(CUSTOMER)
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    customer_url = alice.current_url.split("#")[0].split("?")[0]
    open_tab(alice, "people")
    click_and_load(alice, alice.find_element(By.ID, "add-contact"))
    alice.find_element(By.NAME, "name").send_keys(PERSON)
    alice.find_element(By.NAME, "title").send_keys("采购总监")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "key-persons"), PERSON))
    person_url = alice.find_element(By.LINK_TEXT, PERSON).get_attribute("href")
    return customer_url, person_url


def test_questionnaire_suggests_a_temperament_that_the_rep_confirms(server, alice, teahouse, texts):
    _, person_url = teahouse
    alice.get(person_url)
    wait(alice).until(EC.presence_of_element_located((By.ID, "personality-form")))
    lang = page_language(alice)
    t = texts[lang]
    assert alice.find_element(By.ID, "temperament-status").text == t["personality.unknown"]
    assert_no_raw_keys(alice, texts)
    # Direct (takes risks, decides on the spot) and thinking (formal, task only): 力量型.
    for option in ("q-pace-risk-jumpsIn", "q-pace-decisions-onTheSpot", "q-focus-mood-formal", "q-focus-priority-taskOnly"):
        alice.find_element(By.ID, option).click()
    Select(alice.find_element(By.ID, "f-buyerType")).select_by_value("brisk")
    click_and_load(alice, alice.find_element(By.ID, "save-personality"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "suggestion")))
    powerful = t["temperament.powerful"]
    assert alice.find_element(By.ID, "suggestion").text == t["personality.suggestion"].replace("{0}", powerful)
    assert alice.find_element(By.ID, "temperament-status").text == t["personality.suggestedShort"].replace("{0}", powerful)
    assert alice.find_element(By.ID, "q-pace-risk-jumpsIn").is_selected()
    assert not alice.find_elements(By.ID, "confirmed-by")
    # The card already shows the suggested type, marked as such, and the buyer type.
    card = alice.find_element(By.ID, "guidance-card").text
    book = _guidance(lang)
    assert book["temperaments"]["powerful"]["open"] in card and t["personality.suggestedBadge"] in card
    assert book["buyerTypes"]["brisk"]["avoid"] in card

    click_and_load(alice, alice.find_element(By.ID, "confirm-temperament"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "confirmed-by")))
    assert "Alice Wang" in alice.find_element(By.ID, "confirmed-by").text
    assert alice.find_element(By.ID, "temperament-status").text == powerful
    assert Select(alice.find_element(By.ID, "f-temperament")).first_selected_option.get_attribute("value") == "powerful"
    assert t["personality.suggestedBadge"] not in alice.find_element(By.ID, "guidance-card").text
    assert not alice.find_elements(By.ID, "confirm-temperament")
    assert_no_raw_keys(alice, texts)


def test_stale_personality_form_gets_the_conflict_message(server, alice, teahouse, texts):
    _, person_url = teahouse
    alice.get(person_url)
    wait(alice).until(EC.presence_of_element_located((By.ID, "personality-form")))
    version = alice.find_element(By.CSS_SELECTOR, "#personality-form input[name=version]")
    alice.execute_script("arguments[0].value = '1'", version)
    click_and_load(alice, alice.find_element(By.ID, "save-personality"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "conflict-message")))
    assert alice.find_element(By.ID, "conflict-message").text == texts[page_language(alice)]["form.conflict"]


def test_customer_page_shows_guidance_expectation_and_promises(server, alice, teahouse, texts):
    customer_url, _ = teahouse
    alice.get(customer_url)
    open_tab(alice, "service")
    lang = page_language(alice)
    t = texts[lang]
    # The situation: a retailer driven by profit, joined to lower costs first.
    click_and_load(alice, alice.find_element(By.ID, "edit-situation"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "situation-form")))
    assert_no_raw_keys(alice, texts)
    Select(alice.find_element(By.ID, "f-rank1")).select_by_value("lowerCosts")
    Select(alice.find_element(By.ID, "f-rank2")).select_by_value("lowerCosts")
    Select(alice.find_element(By.ID, "f-motivation")).select_by_value("profitDriven")
    Select(alice.find_element(By.ID, "f-businessType")).select_by_value("retail")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "f-joinReasons-error")))
    assert t["error.duplicate"] in alice.find_element(By.ID, "f-joinReasons-error").text
    Select(alice.find_element(By.ID, "f-rank2")).select_by_value("businessOpportunities")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "situation-reasons")))
    reasons = [li.text for li in alice.find_elements(By.CSS_SELECTOR, "#situation-reasons li")]
    assert reasons == [t["joinReason.lowerCosts"], t["joinReason.businessOpportunities"]]
    assert alice.find_element(By.ID, "situation-business").text == t["businessType.retail"]
    assert t["motivation.profitDriven"] in alice.find_element(By.ID, "situation-motivation").text

    # A result: 2 units against the retail defaults (bottom 1, satisfaction 3) is between the lines. Dated 60 days
    # ago, it also says the customer has been with us a third of the six-month window, enough to be judged
    # (a customer only days old would be "too early to judge").
    assert Select(alice.find_element(By.ID, "result-measure")).first_selected_option.get_attribute("value") == "units"
    assert alice.find_element(By.ID, "expectation-level").text == t["expectationLevel.tooEarly"]
    _set_date(alice, "result-on", _shanghai_date(-60))
    alice.find_element(By.ID, "result-value").send_keys("2")
    alice.find_element(By.ID, "result-note").send_keys("两家门店首批进货")
    click_and_load(alice, alice.find_element(By.ID, "save-result"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "result-list")))
    assert alice.find_element(By.CSS_SELECTOR, "#result-list .result-value").text == "2"
    assert alice.find_element(By.ID, "expectation-level").text == t["expectationLevel.between"]
    assert alice.find_element(By.ID, "expectation-bottom").text == "1"
    assert alice.find_element(By.ID, "expectation-satisfaction").text == "3"
    assert t["businessType.retail"] in alice.find_element(By.ID, "expectation-source").text
    assert alice.find_element(By.ID, "expectation-bar").is_displayed()

    # A promise due yesterday: it is overdue, on the overview.
    open_tab(alice, "overview")
    assert alice.find_element(By.ID, "overview-expectation").text == t["expectationLevel.between"]
    click_and_load(alice, alice.find_element(By.ID, "add-promise"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "commitment-form")))
    assert_no_raw_keys(alice, texts)
    alice.find_element(By.ID, "f-title").send_keys("寄送秋季新品样册")
    Select(alice.find_element(By.ID, "f-contactID")).select_by_visible_text(f"{PERSON} (采购总监)")
    _set_date(alice, "f-dueOn", _shanghai_date(-1))
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "promise-list")))
    row = alice.find_element(By.CSS_SELECTOR, "#promise-list tr.promise")
    assert "overdue" in row.get_attribute("class")
    assert "寄送秋季新品样册" in row.text and "Alice Wang" in row.text and PERSON in row.text
    assert t["commitment.overdue"] in row.text

    # Promise, expectation and guidance on the overview: the key person's guidance is open and readable.
    details = alice.find_element(By.CSS_SELECTOR, "#guidance details.person-guidance")
    assert details.get_attribute("open") is not None
    assert PERSON in details.text and t["temperament.powerful"] in details.text
    opening = details.find_element(By.CSS_SELECTOR, ".guidance-temperament .guidance-open")
    assert opening.is_displayed() and opening.text == _guidance(lang)["temperaments"]["powerful"]["open"]
    assert alice.find_element(By.ID, "promises").is_displayed()
    assert alice.find_element(By.ID, "overview-expectation").is_displayed()
    assert_no_raw_keys(alice, texts)


def test_promise_is_kept_with_evidence(server, alice, teahouse, texts):
    customer_url, _ = teahouse
    alice.get(customer_url)
    lang = page_language(alice)
    t = texts[lang]
    row = [r for r in alice.find_elements(By.CSS_SELECTOR, "#promise-list tr.promise") if "寄送秋季新品样册" in r.text][0]
    click_and_load(alice, row.find_element(By.CSS_SELECTOR, "a.promise-done"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "evidence-request")))
    assert Select(alice.find_element(By.ID, "f-state")).first_selected_option.get_attribute("value") == "done"
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "f-evidence-error")))
    assert alice.find_element(By.ID, "f-evidence-error").text == t["error.required"]
    alice.find_element(By.ID, "f-evidence").send_keys("顺丰 SF1234567890 已签收，王芳微信确认")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "promises")))
    assert not alice.find_elements(By.ID, "promise-list")
    assert t["commitment.closedCount"].replace("{0}", "1") in alice.find_element(By.ID, "promises").text

    # The list of all promises shows it done, with its customer.
    click_and_load(alice, alice.find_element(By.ID, "all-promises"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "commitment-list")))
    listed = alice.find_element(By.ID, "commitment-list").text
    assert "寄送秋季新品样册" in listed and t["commitmentState.done"] in listed and CUSTOMER in listed
    assert_no_raw_keys(alice, texts)


def test_promise_broken_then_deleted_with_undo(server, alice, teahouse, texts):
    customer_url, _ = teahouse
    alice.get(customer_url + "/commitments/new")
    wait(alice).until(EC.presence_of_element_located((By.ID, "commitment-form")))
    t = texts[page_language(alice)]
    alice.find_element(By.ID, "f-title").send_keys("安排门店陈列培训")
    _set_date(alice, "f-dueOn", _shanghai_date(10))
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "promise-list")))
    row = alice.find_element(By.CSS_SELECTOR, "#promise-list tr.promise")
    assert "overdue" not in row.get_attribute("class")

    # Mine and open by default; overdue only leaves it out.
    alice.get(server + "/commitments")
    assert "安排门店陈列培训" in alice.find_element(By.ID, "commitment-list").text
    alice.find_element(By.ID, "filter-overdue").click()
    click_and_load(alice, alice.find_element(By.ID, "filter-submit"))
    assert "安排门店陈列培训" not in alice.find_element(By.TAG_NAME, "main").text

    alice.get(customer_url)
    click_and_load(alice, alice.find_element(By.CSS_SELECTOR, "#promise-list button.promise-broken"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "promise-list")))
    row = alice.find_element(By.CSS_SELECTOR, "#promise-list tr.promise")
    assert t["commitmentState.broken"] in row.text
    click_and_load(alice, row.find_element(By.CSS_SELECTOR, "button.promise-delete"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert "安排门店陈列培训" in alice.find_element(By.ID, "undo-banner").text
    assert not alice.find_elements(By.ID, "promise-list")
    click_and_load(alice, alice.find_element(By.ID, "undo-delete"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "promise-list"), "安排门店陈列培训"))


def test_lunar_care_date_reads_as_lunar(server, alice, teahouse, texts):
    customer_url, _ = teahouse
    alice.get(customer_url + "/service")
    t = texts[page_language(alice)]
    alice.find_element(By.ID, "open-care-date-form").click()
    Select(alice.find_element(By.ID, "care-kind")).select_by_value("birthday")
    Select(alice.find_element(By.ID, "care-contactID")).select_by_visible_text(PERSON)
    Select(alice.find_element(By.ID, "care-calendar")).select_by_value("lunar")
    Select(alice.find_element(By.ID, "care-month")).select_by_value("8")
    alice.find_element(By.ID, "care-day").send_keys("31")
    click_and_load(alice, alice.find_element(By.ID, "save-care-date"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "care-day-error")))
    assert alice.find_element(By.ID, "care-date-add").get_attribute("open") is not None
    day = alice.find_element(By.ID, "care-day")
    day.clear()
    day.send_keys("15")
    click_and_load(alice, alice.find_element(By.ID, "save-care-date"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "care-date-list")))
    row = alice.find_element(By.CSS_SELECTOR, "#care-date-list tbody tr")
    expected_day = t["careDate.lunarFormat"].replace("{0}", t["lunar.month.8"]).replace("{1}", t["lunar.day.15"])
    assert row.find_element(By.CSS_SELECTOR, ".care-day").text == expected_day
    if page_language(alice) == "zh-Hans":
        assert expected_day == "农历八月十五"
    today = _today_in_shanghai()
    next_day = next(d for d in MID_AUTUMN if d >= today)
    assert next_day in row.text and PERSON in row.text and t["careKind.birthday"] in row.text

    # Edit keeps it lunar; delete offers an undo.
    click_and_load(alice, row.find_element(By.CSS_SELECTOR, "a.edit-care-date"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "care-date-form")))
    assert Select(alice.find_element(By.ID, "care-calendar")).first_selected_option.get_attribute("value") == "lunar"
    alice.find_element(By.ID, "care-title").send_keys("中秋生日")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "care-date-list"), "中秋生日"))
    click_and_load(alice, alice.find_element(By.CSS_SELECTOR, "#care-date-list button.delete-care-date"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "undo-banner")))
    assert not alice.find_elements(By.ID, "care-date-list")
    click_and_load(alice, alice.find_element(By.ID, "undo-delete"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "care-date-list"), "中秋生日"))
    assert_no_raw_keys(alice, texts)


def test_pages_in_english_name_the_types(server, browsers, teahouse, texts):
    customer_url, person_url = teahouse
    driver = browsers("en-US,en;q=0.9")
    sign_in(driver, server, "alice", PASSWORDS["alice"])
    driver.get(customer_url)
    if page_language(driver) != "en":
        click_and_load(driver, driver.find_element(By.ID, "lang-en"))
    wait(driver).until(lambda d: page_language(d) == "en")
    en = texts["en"]
    assert "Powerful" in driver.find_element(By.ID, "guidance").text
    assert _guidance("en")["temperaments"]["powerful"]["bring"] in driver.find_element(By.ID, "guidance").text
    open_tab(driver, "service")
    day = driver.find_element(By.CSS_SELECTOR, "#care-date-list .care-day").text
    assert day == "lunar month 8, day 15"
    assert driver.find_element(By.ID, "expectation-level").text == en["expectationLevel.between"]
    assert_no_raw_keys(driver, texts)
    driver.get(person_url)
    assert "Alice Wang" in driver.find_element(By.ID, "confirmed-by").text
    assert_no_raw_keys(driver, texts)
    # Back to Chinese for the shared user, so other tests see what they expect.
    click_and_load(driver, driver.find_element(By.ID, "lang-zh"))


def test_another_rep_gets_404_on_the_relationship_pages(server, browsers, alice, teahouse, texts):
    customer_url, person_url = teahouse
    alice.get(customer_url)
    promise_edit = alice.find_element(By.CSS_SELECTOR, "#promise-list a.promise-title").get_attribute("href")
    alice.get(customer_url + "/service")
    care_edit = alice.find_element(By.CSS_SELECTOR, "#care-date-list a.edit-care-date").get_attribute("href")
    bob = browsers("zh-CN,zh;q=0.9")
    sign_in(bob, server, "bob", PASSWORDS["bob"])
    tabs = tuple(customer_url + "/" + tab for tab in ("people", "timeline", "sales", "service", "file"))
    for url in (customer_url, *tabs, person_url, promise_edit, care_edit, customer_url + "/situation",
                customer_url + "/commitments/new", server + "/commitments?customer=" + customer_url.rsplit("/", 1)[1]):
        bob.get(url)
        wait(bob).until(EC.presence_of_element_located((By.ID, "error-page")))
        assert bob.find_element(By.CLASS_NAME, "status-code").text == "404", url
        assert CUSTOMER not in bob.page_source and "安排门店陈列培训" not in bob.page_source
    bob.get(server + "/commitments?scope=all&state=")
    assert "安排门店陈列培训" not in bob.page_source and "寄送秋季新品样册" not in bob.page_source
    assert_no_raw_keys(bob, texts)


def test_reassigned_customer_hands_over_with_a_snapshot(server, browsers, alice, texts):
    """An admin gives one of alice's customers to bob: bob reads the handover (key person's type, open
    promise) from the customer page and marks it read; alice no longer sees the customer."""
    name = "宁波海风渔具有限公司"
    alice.get(server + "/customers/new")
    alice.find_element(By.ID, "f-name").send_keys(name)
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    customer_url = alice.current_url.split("#")[0].split("?")[0]
    open_tab(alice, "people")
    click_and_load(alice, alice.find_element(By.ID, "add-contact"))
    alice.find_element(By.NAME, "name").send_keys("赵磊")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "key-persons"), "赵磊"))
    click_and_load(alice, alice.find_element(By.LINK_TEXT, "赵磊"))
    Select(alice.find_element(By.ID, "f-temperament")).select_by_value("perfect")
    click_and_load(alice, alice.find_element(By.ID, "save-personality"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "confirmed-by")))
    alice.get(customer_url + "/commitments/new")
    alice.find_element(By.ID, "f-title").send_keys("补发三月对账单")
    _set_date(alice, "f-dueOn", _shanghai_date(3))
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "promise-list")))

    admin = browsers("zh-CN,zh;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    admin.get(customer_url + "/edit")
    Select(admin.find_element(By.ID, "f-ownerID")).select_by_visible_text("Bob Li")
    click_and_load(admin, admin.find_element(By.ID, "save"))
    wait(admin).until(EC.presence_of_element_located((By.ID, "handovers")))

    bob = browsers("zh-CN,zh;q=0.9")
    sign_in(bob, server, "bob", PASSWORDS["bob"])
    bob.get(customer_url)
    t = texts[page_language(bob)]
    handovers = bob.find_element(By.ID, "handovers")
    assert t["handover.unread"] in handovers.text and "Alice Wang" in handovers.text and "Bob Li" in handovers.text
    # Bob now owns the open promise, and sees how to approach 赵磊 right away.
    assert "Bob Li" in bob.find_element(By.ID, "promise-list").text
    assert t["temperament.perfect"] in bob.find_element(By.ID, "guidance").text
    click_and_load(bob, handovers.find_element(By.CSS_SELECTOR, "a.handover-link"))
    wait(bob).until(EC.presence_of_element_located((By.ID, "mark-read")))
    assert "补发三月对账单" in bob.find_element(By.ID, "handover-promises").text
    people = bob.find_element(By.ID, "handover-people").text
    assert "赵磊" in people and t["temperament.perfect"] in people
    # A customer created during this test is too new to be judged.
    assert t["expectationLevel.tooEarly"] in bob.find_element(By.ID, "handover-expectation").text
    assert_no_raw_keys(bob, texts)
    click_and_load(bob, bob.find_element(By.ID, "mark-read"))
    wait(bob).until(EC.presence_of_element_located((By.ID, "handover-read")))
    assert not bob.find_elements(By.ID, "mark-read")
    bob.get(customer_url)
    assert t["handover.unread"] not in bob.find_element(By.ID, "handovers").text

    # The admin sees the handover but may not mark it read for bob; alice no longer sees the customer.
    admin.find_element(By.CSS_SELECTOR, "#handovers a.handover-link").click()
    wait(admin).until(EC.presence_of_element_located((By.ID, "handover-line")))
    assert not admin.find_elements(By.ID, "mark-read")
    alice.get(customer_url)
    wait(alice).until(EC.presence_of_element_located((By.ID, "error-page")))
    assert alice.find_element(By.CLASS_NAME, "status-code").text == "404"
