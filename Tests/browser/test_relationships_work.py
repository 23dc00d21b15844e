"""Planning and writing to customers: the agenda (overdue promises for the rep and their manager,
holidays, handovers), notices, the tone check on the compose and activity pages, the admin's
reference files, and the team type statistics."""
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import ADMIN_PASSWORD, LOCALES, TEAM, api, assert_no_raw_keys, click_and_load, create_user, page_language, sign_in, wait

MANAGER = ("sun", "sun-Secret-2024")
REFERENCE = LOCALES.parent.parent / "RapportApp" / "Resources" / "Reference"
ZONE = ZoneInfo("Asia/Shanghai")  # every user here has the default zone
PROMISE = "寄送新版报价单和样品"
NEW_PHRASE = "per my last memo"


def _today():
    return datetime.now(ZONE).date()


def _text(texts, lang, key, *args):
    text = texts[lang][key]
    for index, arg in enumerate(args):
        text = text.replace("{%d}" % index, str(arg))
    return text


def _item(driver, group: str, text: str):
    """The one agenda line in a group that shows `text`."""
    items = [li for li in driver.find_elements(By.CSS_SELECTOR, f"#agenda-{group} li.agenda-item") if text in li.text]
    assert len(items) == 1, f"expected one item with {text!r} in #agenda-{group}"
    return items[0]


@pytest.fixture(scope="module")
def admin(server, browsers):
    driver = browsers("en-US,en;q=0.9")
    sign_in(driver, server, "admin", ADMIN_PASSWORD)
    return driver


@pytest.fixture(scope="module")
def manager(server, browsers, admin):
    """A second manager-role member of alice's team (so her team is in his scope), Chinese preferred."""
    create_user(admin, server, MANAGER[0], MANAGER[1], "manager", "Sun Hao")
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, *MANAGER)
    return driver


@pytest.fixture(scope="module")
def typed_person(server, alice, alibaba):
    """A key person of alice's customer with a confirmed temperament and a buyer type (through the API)."""
    customer_id = alibaba.rstrip("/").split("/")[-1]
    status, person = api(alice, server, "POST", f"/customers/{customer_id}/contacts", {"name": "周敏", "title": "采购经理"})
    assert status == 201, person
    status, body = api(alice, server, "PUT", f"/contacts/{person['id']}/personality",
                       {"version": 0, "temperament": "powerful", "buyerType": "faultFinding"})
    assert status == 200, body
    return {"customer": customer_id, "contact": person["id"], "name": "周敏"}


@pytest.fixture(scope="module")
def overdue_promise(server, alice, typed_person):
    """An open promise of alice's, due ten days ago, to the typed key person."""
    due = _today() - timedelta(days=10)
    status, body = api(alice, server, "POST", f"/customers/{typed_person['customer']}/commitments",
                       {"title": PROMISE, "dueOn": due.isoformat(), "contactID": typed_person["contact"]})
    assert status == 201, body
    return {"id": body["id"], "due": due}


def test_home_leads_to_the_agenda(server, alice):
    alice.get(server + "/")
    assert alice.current_url.endswith("/agenda")
    assert alice.find_element(By.ID, "nav-agenda").get_attribute("href").endswith("/agenda")
    assert alice.find_element(By.ID, "nav-notices").get_attribute("href").endswith("/notices")


def test_overdue_promise_shows_for_the_rep_with_guidance_and_for_her_manager(server, alice, manager, typed_person,
                                                                             overdue_promise, texts):
    alice.get(server + "/agenda")
    lang = page_language(alice)
    item = _item(alice, "overdue", PROMISE)
    days = (_today() - overdue_promise["due"]).days
    assert item.find_element(By.CSS_SELECTOR, ".agenda-when").text == _text(
        texts, lang, "agenda.daysLate", days, overdue_promise["due"].isoformat())
    customer = item.find_element(By.CSS_SELECTOR, "a.agenda-customer")
    assert customer.get_attribute("href").endswith("/customers/" + typed_person["customer"])
    assert item.find_element(By.CSS_SELECTOR, ".agenda-person").text == typed_person["name"]
    assert int(alice.find_element(By.ID, "agenda-count").text) >= 1

    # The guidance card is folded; opening it shows how to approach a powerful, fault-finding person.
    guidance = json.loads((REFERENCE / "guidance.zh-Hans.json").read_text(encoding="utf-8"))
    powerful = guidance["temperaments"]["powerful"]
    card = item.find_element(By.CSS_SELECTOR, "details.guidance-card")
    assert not card.find_element(By.CSS_SELECTOR, ".guidance-section").is_displayed()
    card.find_element(By.TAG_NAME, "summary").click()
    wait(alice).until(lambda d: card.find_element(By.CSS_SELECTOR, ".guidance-section").is_displayed())
    assert powerful["name"] in card.text and powerful["open"] in card.text and powerful["avoid"] in card.text
    assert guidance["buyerTypes"]["faultFinding"]["name"] in card.text
    assert texts[lang]["agenda.card.bring"] in card.text
    assert_no_raw_keys(alice, texts)

    # The manager sees it among the team's overdue promises, with its owner, and in Alice's own agenda.
    manager.get(server + "/agenda")
    lang = page_language(manager)
    team_item = _item(manager, "teamOverdue", PROMISE)
    assert "Alice Wang" in team_item.find_element(By.CSS_SELECTOR, ".agenda-owner").text
    Select(manager.find_element(By.ID, "agenda-user")).select_by_visible_text("Alice Wang")
    click_and_load(manager, manager.find_element(By.ID, "agenda-view"))
    assert manager.find_element(By.ID, "agenda-whose").text == _text(texts, lang, "agenda.whose", "Alice Wang")
    _item(manager, "overdue", PROMISE)
    assert_no_raw_keys(manager, texts)

    # A rep cannot look at someone else's agenda.
    status, users = api(alice, server, "GET", "/users")
    manager_id = next(u["id"] for u in users["items"] if u["username"] == MANAGER[0])
    alice.get(server + "/agenda?user=" + manager_id)
    assert alice.find_element(By.CLASS_NAME, "status-code").text == "403"


def test_agenda_lists_the_holidays_the_calendar_says_are_coming(server, admin, alice, alibaba, texts):
    # Whatever the shipped holiday calendar has coming up today is on the page.
    status, agenda = api(alice, server, "GET", "/agenda")
    assert status == 200
    expected = [item["title"] for item in agenda["items"] if item["kind"] == "holiday"]
    alice.get(server + "/agenda")
    shown = [el.text for el in alice.find_elements(By.CSS_SELECTOR, "#agenda-holidays .agenda-title")]
    assert shown == expected

    # An admin adds a holiday five days from now: it shows with the days to go, then goes again.
    day = _today() + timedelta(days=5)
    admin.get(server + "/admin/reference/holidays")
    content = admin.find_element(By.ID, "f-content")
    calendar = json.loads(content.get_attribute("value"))
    calendar["holidays"].append({"id": "browser-test-day", "calendar": "solar", "month": day.month, "day": day.day,
                                 "leadDays": 7, "names": {"zh-Hans": "测试纪念日", "en": "Test Day"}})
    admin.execute_script("arguments[0].value = arguments[1]", content, json.dumps(calendar, ensure_ascii=False, indent=2))
    click_and_load(admin, admin.find_element(By.ID, "save"))
    assert admin.find_element(By.ID, "reference-notice").is_displayed()
    try:
        alice.get(server + "/agenda")
        lang = page_language(alice)
        item = _item(alice, "holidays", "测试纪念日")
        assert item.find_element(By.CSS_SELECTOR, ".agenda-when").text == _text(
            texts, lang, "agenda.daysToGo", 5, day.isoformat())
    finally:
        admin.get(server + "/admin/reference/holidays/reset")
        click_and_load(admin, admin.find_element(By.ID, "confirm-reset"))
    alice.get(server + "/agenda")
    assert "测试纪念日" not in alice.find_element(By.TAG_NAME, "main").text


def _finding(driver, phrase: str):
    """The tone finding whose highlighted phrase is `phrase`."""
    found = [f for f in driver.find_elements(By.CSS_SELECTOR, "#tone-findings li.finding")
             if f.find_elements(By.CSS_SELECTOR, "mark.phrase")
             and f.find_element(By.CSS_SELECTOR, "mark.phrase").text == phrase]
    assert found, f"{phrase!r} was not flagged"
    return found[0]


def _compose(driver, server, customer_id, subject: str, message: str) -> None:
    driver.get(f"{server}/customers/{customer_id}/compose")
    driver.find_element(By.ID, "f-subject").send_keys(subject)
    driver.find_element(By.ID, "f-message").send_keys(message)
    click_and_load(driver, driver.find_element(By.ID, "check-tone"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "tone-findings")))


def test_rude_drafts_are_flagged_with_a_better_phrasing_and_only_logged_on_request(server, alice, typed_person, texts):
    customer = typed_person["customer"]
    _compose(alice, server, customer, "样品寄送", "王总，不是告诉您了吗，这个应该没问题，改天再联系。")
    lang = page_language(alice)
    impatience = _finding(alice, "不是告诉您了吗")
    assert impatience.find_element(By.CSS_SELECTOR, ".badge").text == texts[lang]["tone.category.impatience"]
    better = impatience.find_element(By.CSS_SELECTOR, ".finding-better").text
    assert better.startswith(texts[lang]["tone.better"]) and len(better) > len(texts[lang]["tone.better"]) + 5
    assert impatience.find_element(By.CSS_SELECTOR, ".finding-why").text
    assert "王总，" in impatience.find_element(By.CSS_SELECTOR, ".finding-context").text
    _finding(alice, "应该没问题")
    _finding(alice, "改天再联系")
    # Checking kept the text and saved nothing.
    assert alice.find_element(By.ID, "f-message").get_attribute("value").startswith("王总")
    status, timeline = api(alice, server, "GET", f"/customers/{customer}/activities")
    assert all(a["purpose"] != "样品寄送" for a in timeline["items"])
    assert_no_raw_keys(alice, texts)

    _compose(alice, server, customer, "Payment", "As I already told you, you have to pay by Friday. It should be fine.")
    command = _finding(alice, "you have to")
    assert command.find_element(By.CSS_SELECTOR, ".badge").text == texts[lang]["tone.category.command"]
    assert texts[lang]["tone.principle.requestNotCommand"] in command.text
    _finding(alice, "As I already told you")

    # A polite message passes and is logged only when asked to.
    alice.get(f"{server}/customers/{customer}/compose?contact={typed_person['contact']}")
    assert Select(alice.find_element(By.ID, "f-contactID")).first_selected_option.text == typed_person["name"]
    Select(alice.find_element(By.ID, "f-channel")).select_by_value("wechat")
    alice.find_element(By.ID, "f-subject").send_keys("报价单已发送")
    alice.find_element(By.ID, "f-message").send_keys("周经理您好，新版报价单已经发到您的邮箱，请您过目。如有问题，我周四上午给您回电话。谢谢！")
    click_and_load(alice, alice.find_element(By.ID, "check-tone"))
    assert alice.find_element(By.ID, "tone-ok").is_displayed()
    click_and_load(alice, alice.find_element(By.ID, "log-message"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "activities"), "报价单已发送"))
    assert f"/customers/{customer}" in alice.current_url


def test_after_deal_summary_is_drafted_and_checked(server, alice, typed_person, texts):
    alice.get(f"{server}/customers/{typed_person['customer']}/compose")
    Select(alice.find_element(By.ID, "f-language")).select_by_value("en")
    click_and_load(alice, alice.find_element(By.ID, "draft-summary"))
    message = alice.find_element(By.ID, "f-message").get_attribute("value")
    assert message.startswith(_text(texts, "en", "summary.greeting", "阿里巴巴（中国）有限公司"))
    assert "Alice Wang" in message
    assert alice.find_element(By.ID, "f-subject").get_attribute("value") == texts["en"]["compose.summarySubject"]
    assert alice.find_element(By.ID, "tone-findings").is_displayed()
    assert_no_raw_keys(alice, texts)


def test_live_check_flags_while_typing(server, alice, typed_person, texts):
    alice.get(f"{server}/customers/{typed_person['customer']}/compose")
    alice.find_element(By.ID, "f-message").send_keys("您到底想怎么样？")
    wait(alice).until(lambda d: d.find_element(By.ID, "tone-live").is_displayed()
                      and d.find_elements(By.CSS_SELECTOR, "#tone-live mark.phrase"))
    assert alice.find_element(By.CSS_SELECTOR, "#tone-live mark.phrase").text == "您到底想怎么样"


def test_activity_form_checks_tone_without_saving(server, alice, typed_person, texts):
    customer = typed_person["customer"]
    alice.get(f"{server}/customers/{customer}/activities/new")
    alice.find_element(By.ID, "f-purpose").send_keys("催款电话")
    alice.find_element(By.ID, "f-outcome").send_keys("告诉客户：您必须本周付款，否则后果自负。")
    click_and_load(alice, alice.find_element(By.ID, "check-tone"))
    lang = page_language(alice)
    findings = alice.find_elements(By.CSS_SELECTOR, "#tone-findings li.finding")
    assert findings, "a command to the customer is flagged"
    assert alice.find_element(By.ID, "f-purpose").get_attribute("value") == "催款电话"
    status, timeline = api(alice, server, "GET", f"/customers/{customer}/activities")
    assert all(a["purpose"] != "催款电话" for a in timeline["items"])
    assert texts[lang]["tone.check"] == alice.find_element(By.ID, "check-tone").text

    # The edit page has the same button.
    alice.get(f"{server}/customers/{customer}/activities/new")
    alice.find_element(By.ID, "f-purpose").send_keys("回访记录")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.text_to_be_present_in_element((By.ID, "activities"), "回访记录"))
    edit = [li for li in alice.find_elements(By.CSS_SELECTOR, "#activities li") if "回访记录" in li.text][0]
    click_and_load(alice, edit.find_element(By.CSS_SELECTOR, "a.edit-activity"))
    alice.find_element(By.ID, "f-outcome").send_keys("I'll get back to you sometime next week.")
    click_and_load(alice, alice.find_element(By.ID, "check-tone"))
    assert alice.find_elements(By.CSS_SELECTOR, "#tone-findings li.finding")
    assert alice.find_element(By.ID, "activity-edit-form")


def test_admin_adds_a_tone_phrase_and_it_is_flagged(server, admin, alice, typed_person, texts):
    admin.get(server + "/admin/reference")
    click_and_load(admin, admin.find_element(By.CSS_SELECTOR, "a.edit-reference[href='/admin/reference/tone-rules.en']"))
    content = admin.find_element(By.ID, "f-content")
    shipped = content.get_attribute("value")
    rules = json.loads(shipped)

    # A broken file is refused with the place to fix.
    broken = shipped.replace('"rules": [', '"rules": [ {"id": "x"} {"id": "y"},', 1)
    admin.execute_script("arguments[0].value = arguments[1]", content, broken)
    click_and_load(admin, admin.find_element(By.ID, "save"))
    lang = page_language(admin)
    line = broken[:broken.index('{"id": "y"}')].count("\n") + 1
    column = len(broken[:broken.index('{"id": "y"}')].split("\n")[-1]) + 1
    error = admin.find_element(By.ID, "f-content-error").text
    assert error == _text(texts, lang, "reference.syntaxError", line, column,
                          texts[lang]["reference.syntax.expectedCommaOrClose"]), error
    assert_no_raw_keys(admin, texts)

    # A new rule applies at once.
    rules["rules"].append({"id": "en.browser.memo", "category": "impatience", "kind": "phrase",
                           "patterns": [NEW_PHRASE], "why": "It reads as a rebuke for not reading.",
                           "better": "Restate the point briefly and kindly."})
    content = admin.find_element(By.ID, "f-content")
    admin.execute_script("arguments[0].value = arguments[1]", content, json.dumps(rules, ensure_ascii=False, indent=2))
    click_and_load(admin, admin.find_element(By.ID, "save"))
    assert texts[lang]["reference.edited"] in admin.find_element(By.ID, "reference-tone-rules.en").text
    try:
        _compose(alice, server, typed_person["customer"], "Invoice", "Per my last memo, the invoice is attached. Thank you!")
        memo = _finding(alice, "Per my last memo")
        assert "Restate the point briefly and kindly." in memo.text

        # Saving over someone else's newer version is refused and shows theirs.
        admin.get(server + "/admin/reference/tone-rules.en")
        admin.execute_script("document.querySelector('#reference-form input[name=version]').value = '0'")
        click_and_load(admin, admin.find_element(By.ID, "save"))
        assert admin.find_element(By.ID, "conflict-message").text == texts[lang]["reference.conflict"]
        assert NEW_PHRASE in admin.find_element(By.ID, "f-content").get_attribute("value")
    finally:
        admin.get(server + "/admin/reference/tone-rules.en")
        click_and_load(admin, admin.find_element(By.ID, "reset-reference"))
        click_and_load(admin, admin.find_element(By.ID, "confirm-reset"))
    assert texts[lang]["reference.shipped"] in admin.find_element(By.ID, "reference-tone-rules.en").text
    _compose(alice, server, typed_person["customer"], "Invoice", "Per my last memo, the invoice is attached. Thank you!")
    assert not alice.find_elements(By.CSS_SELECTOR, "#tone-findings li.finding[data-rule='en.browser.memo']")


def test_notice_of_a_handover_is_listed_and_marked_read(server, admin, alice, texts):
    status, users = api(admin, server, "GET", "/users")
    ids = {u["username"]: u["id"] for u in users["items"]}
    status, customer = api(admin, server, "POST", "/customers", {"name": "宁波港通物流有限公司", "kind": "enterprise",
                                                                   "ownerID": ids["bob"]})
    assert status == 201, customer
    status, moved = api(admin, server, "PATCH", f"/customers/{customer['id']}",
                        {"ownerID": ids["alice"], "version": customer["version"]})
    assert status == 200, moved

    alice.get(server + "/agenda")
    lang = page_language(alice)
    _item(alice, "handovers", "宁波港通物流有限公司")
    unread = int(alice.find_element(By.ID, "notice-count").text)
    click_and_load(alice, alice.find_element(By.ID, "nav-notices"))
    expected = _text(texts, lang, "notices.text.handoverReceived", "宁波港通物流有限公司", "Bob Li")
    notice = [li for li in alice.find_elements(By.CSS_SELECTOR, "#notice-list li.notice") if expected in li.text]
    assert len(notice) == 1 and "unread" in notice[0].get_attribute("class")
    assert texts[lang]["notices.kind.handoverReceived"] in notice[0].text
    assert_no_raw_keys(alice, texts)

    click_and_load(alice, notice[0].find_element(By.CSS_SELECTOR, "button.mark-read"))
    notice = [li for li in alice.find_elements(By.CSS_SELECTOR, "#notice-list li.notice") if expected in li.text]
    assert "unread" not in notice[0].get_attribute("class")
    if unread > 1:
        assert int(alice.find_element(By.ID, "notice-count").text) == unread - 1
        click_and_load(alice, alice.find_element(By.ID, "mark-all-read"))
    assert not alice.find_elements(By.ID, "notice-count")
    assert alice.find_element(By.ID, "unread-line").text == _text(texts, lang, "notices.unreadCount", 0)


def test_team_types_for_managers_only(server, alice, manager, typed_person, texts):
    manager.get(server + "/team/types")
    lang = page_language(manager)
    guidance = json.loads((REFERENCE / "guidance.zh-Hans.json").read_text(encoding="utf-8"))
    table = manager.find_element(By.ID, "temperament-mix")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    column = headers.index(guidance["temperaments"]["powerful"]["name"])
    row = [tr for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr") if "Alice Wang" in tr.text][0]
    assert int(row.find_elements(By.TAG_NAME, "td")[column].text) >= 1
    assert row.find_elements(By.CSS_SELECTOR, "svg.mix-bar rect")
    assert guidance["buyerTypes"]["faultFinding"]["name"] in manager.find_element(By.ID, "buyer-type-mix").text
    assert_no_raw_keys(manager, texts)
    assert manager.find_element(By.ID, "nav-team-types")


def test_rep_is_refused_the_admin_and_team_pages(server, alice, texts):
    assert not alice.find_elements(By.ID, "nav-team-types") and not alice.find_elements(By.ID, "nav-reference")
    for path in ("/admin/reference", "/admin/reference/tone-rules.en", "/admin/reference/holidays/reset", "/team/types"):
        alice.get(server + path)
        wait(alice).until(EC.presence_of_element_located((By.ID, "error-page")))
        assert alice.find_element(By.CLASS_NAME, "status-code").text == "403", path
        assert_no_raw_keys(alice, texts)
