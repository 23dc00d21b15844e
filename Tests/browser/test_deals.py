"""The deals pipeline: the kanban (drag and drop through our script, and the no-JavaScript move
form), closing a deal with its reason, and the deal section on the customer page."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select

from support import ADMIN_PASSWORD, api, assert_no_raw_keys, click_and_load, page_language, sign_in, wait, menu_link

FIRST = "00000000-0000-4000-8000-00000000d001"
NEEDS = "00000000-0000-4000-8000-00000000d002"
PROPOSAL = "00000000-0000-4000-8000-00000000d003"
CUSTOMER = "杭州看板测试科技有限公司"


def drag(driver, card_id, target_css):
    """Drags a card onto a column the way a browser does: dragstart, dragover, drop, dragend."""
    driver.execute_script("""
        const card = document.getElementById(arguments[0]);
        const target = document.querySelector(arguments[1]);
        const data = new DataTransfer();
        const fire = (el, type) => el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
        fire(card, 'dragstart'); fire(target, 'dragenter'); fire(target, 'dragover'); fire(target, 'drop'); fire(card, 'dragend');
    """, card_id, target_css)


def column_of(driver, deal_id):
    return driver.execute_script(
        "const c = document.getElementById(arguments[0]); const col = c && c.closest('.kanban-column');"
        " return col ? col.getAttribute('data-stage') : null;", "deal-" + deal_id)


def yuan(driver, stage):
    """A column's amount in yuan (the default currency only)."""
    text = driver.find_element(By.CSS_SELECTOR, f"#column-{stage} .kanban-amount").text
    return round(float(text.split(" + ")[0].lstrip("¥").replace(",", "")))


def count(driver, stage):
    return int(driver.find_element(By.CSS_SELECTOR, f"#column-{stage} .kanban-count").text)


def test_kanban_drag_form_move_and_win(server, alice, texts):
    alice.get(server + "/deals")
    status, customer = api(alice, server, "POST", "/customers", {"name": CUSTOMER, "kind": "enterprise"})
    assert status == 201, customer
    ids = []
    for title, amount in (("智能仓储一期", 12_000_000), ("运维服务合同", 3_000_000)):
        status, deal = api(alice, server, "POST", f"/customers/{customer['id']}/deals",
                           {"title": title, "stageID": FIRST, "amount": amount, "nextStep": "约演示"})
        assert status == 201, deal
        ids.append(deal["id"])
    dragged, formed = ids

    alice.get(server + "/deals?owner=me")
    lang = page_language(alice)
    assert column_of(alice, dragged) == FIRST
    first_before, needs_before = count(alice, FIRST), count(alice, NEEDS)
    first_amount, needs_amount = yuan(alice, FIRST), yuan(alice, NEEDS)
    card = alice.find_element(By.ID, "deal-" + dragged)
    assert CUSTOMER in card.text and "¥120,000.00" in card.text
    assert_no_raw_keys(alice, texts)

    # Drag and drop: the script posts the move; the page updates without a reload.
    drag(alice, "deal-" + dragged, f"#column-{NEEDS}")
    wait(alice).until(lambda d: "moved" in d.find_element(By.ID, "deal-" + dragged).get_attribute("class"))
    assert column_of(alice, dragged) == NEEDS
    assert count(alice, NEEDS) == needs_before + 1 and count(alice, FIRST) == first_before - 1
    # The script refreshes the columns' amounts from the pipeline summary.
    wait(alice).until(lambda d: yuan(d, NEEDS) == needs_amount + 120_000)
    assert yuan(alice, FIRST) == first_amount - 120_000
    alice.refresh()
    assert column_of(alice, dragged) == NEEDS
    status, history = api(alice, server, "GET", f"/deals/{dragged}/stage-changes")
    assert [c["toStageID"] for c in history["items"]] == [FIRST, NEEDS]

    # A refused move (stale version) puts the card back and shows the server's message.
    alice.execute_script("document.getElementById(arguments[0]).setAttribute('data-version', '1')", "deal-" + dragged)
    drag(alice, "deal-" + dragged, f"#column-{PROPOSAL}")
    wait(alice).until(lambda d: d.find_element(By.ID, "board-message").is_displayed())
    assert column_of(alice, dragged) == NEEDS and count(alice, NEEDS) == needs_before + 1
    assert alice.find_element(By.ID, "board-message").text.strip()

    # Without the script: the card's own form.
    alice.refresh()
    form_card = alice.find_element(By.ID, "deal-" + formed)
    Select(form_card.find_element(By.NAME, "stageID")).select_by_value(PROPOSAL)
    click_and_load(alice, form_card.find_element(By.CSS_SELECTOR, "button.move-button"))
    assert "/deals" in alice.current_url and column_of(alice, formed) == PROPOSAL

    # Won asks for the reason first.
    click_and_load(alice, alice.find_element(By.ID, "deal-" + formed).find_element(By.CSS_SELECTOR, "a.win-link"))
    click_and_load(alice, alice.find_element(By.ID, "close-deal"))
    assert alice.find_element(By.ID, "f-reason-error").text == texts[lang]["error.required"]
    alice.find_element(By.ID, "f-reason").send_keys("方案最贴合需求，交付周期短")
    click_and_load(alice, alice.find_element(By.ID, "close-deal"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "deal-state")))
    assert alice.find_element(By.ID, "deal-state").text == texts[lang]["deal.state.won"]
    assert "方案最贴合需求" in alice.find_element(By.ID, "close-reason").text
    assert alice.find_elements(By.ID, "create-order")
    assert_no_raw_keys(alice, texts)

    alice.get(server + "/deals?owner=me")
    assert not alice.find_elements(By.ID, "deal-" + formed)

    # The customer page lists the open deal and counts the won one.
    alice.get(server + f"/customers/{customer['id']}/sales")
    section = alice.find_element(By.ID, "deals")
    assert "智能仓储一期" in section.text
    won_line = texts[lang]["deal.section.outcomes"].replace("{0}", "1").replace("{1}", "0")
    assert won_line in alice.find_element(By.ID, "deal-outcomes").text
    click_and_load(alice, alice.find_element(By.ID, "new-deal"))
    alice.find_element(By.ID, "f-title").send_keys("年度耗材")
    alice.find_element(By.ID, "f-amount").clear()
    alice.find_element(By.ID, "f-amount").send_keys("8,800.50")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    assert alice.find_element(By.ID, "deal-title").text == "年度耗材"
    assert "¥8,800.50" in alice.find_element(By.ID, "deal-status").text


def test_list_view_filters_by_stage(server, alice, texts):
    alice.get(server + f"/deals?view=list&owner=me&stage={NEEDS}")
    rows = alice.find_elements(By.CSS_SELECTOR, "#deal-list tbody tr")
    assert rows and all(texts[page_language(alice)]["deal.state.open"] in r.text for r in rows)
    assert_no_raw_keys(alice, texts)


def test_admin_edits_stages_and_a_stage_in_use_stays(server, browsers, alice, texts):
    status, customer = api(alice, server, "POST", "/customers", {"name": "宁波阶段测试有限公司", "kind": "enterprise"})
    assert status == 201, customer
    status, deal = api(alice, server, "POST", f"/customers/{customer['id']}/deals", {"title": "试用", "stageID": FIRST})
    assert status == 201, deal
    admin = browsers("en-US,en;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    click_and_load(admin, menu_link(admin, "nav-pipeline"))
    admin.find_element(By.ID, "f-nameZh").send_keys("样品试用")
    admin.find_element(By.ID, "f-nameEn").send_keys("Sample trial")
    admin.find_element(By.ID, "f-probability").send_keys("140")
    click_and_load(admin, admin.find_element(By.ID, "add-stage"))
    assert admin.find_element(By.ID, "f-probability-error").text == texts["en"]["error.outOfRange"].replace("{0}", "0–100")
    admin.find_element(By.ID, "f-probability").clear()
    admin.find_element(By.ID, "f-probability").send_keys("40")
    admin.find_element(By.ID, "f-position").send_keys("2")
    click_and_load(admin, admin.find_element(By.ID, "add-stage"))
    rows = admin.find_elements(By.CSS_SELECTOR, "#stage-list tbody tr")
    assert rows[1].find_element(By.NAME, "nameEn").get_attribute("value") == "Sample trial"
    assert rows[1].find_element(By.NAME, "position").get_attribute("value") == "2"
    trial = rows[1].get_attribute("id")
    # The first stage holds alice's open deal: it cannot go.
    click_and_load(admin, admin.find_element(By.ID, f"stage-{FIRST}").find_element(By.CSS_SELECTOR, "button.delete-stage"))
    problem = wait(admin).until(EC.presence_of_element_located((By.ID, "stage-problem"))).text
    assert problem.startswith(texts["en"]["error.inUse"].split("{0}")[0])
    # The new one is unused: it can.
    admin.get(server + "/admin/pipeline")
    click_and_load(admin, admin.find_element(By.ID, trial).find_element(By.CSS_SELECTOR, "button.delete-stage"))
    assert not admin.find_elements(By.ID, trial)
    assert_no_raw_keys(admin, texts)
    # Reps do not get the page.
    alice.get(server + "/admin/pipeline")
    assert alice.find_element(By.CLASS_NAME, "status-code").text == "403"
    assert not alice.find_elements(By.ID, "nav-pipeline")
