"""Lifecycle, referrals and qualification on the customer page: a rep records who referred a
customer and sees the referral tree, and who referred a key person on the contact page; a warning ticked on the qualification checklist shows its
banner with the source's advice; the /lifecycle report counts the stages."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import api, assert_no_raw_keys, click_and_load, menu_link, open_tab, wait

SOURCE = "转介绍测试源头公司"
NEWCOMER = "转介绍测试新客户公司"


def test_a_referral_is_recorded_on_the_customer_page_and_the_tree_shows_it(server, alice, texts):
    zh = texts["zh-Hans"]
    status, source = api(alice, server, "POST", "/customers", {"name": SOURCE, "kind": "enterprise"})
    assert status == 201, source
    status, newcomer = api(alice, server, "POST", "/customers", {"name": NEWCOMER, "kind": "enterprise"})
    assert status == 201, newcomer

    alice.get(f"{server}/customers/{newcomer['id']}/sales")
    section = wait(alice).until(EC.presence_of_element_located((By.ID, "lifecycle")))
    assert zh["lifecycle.stage.suspect"] in section.find_element(By.ID, "lifecycle-stage").text
    assert alice.find_element(By.ID, "referred-by-none").text == zh["referral.none"]
    alice.find_element(By.ID, "referrer").send_keys(SOURCE)
    alice.find_element(By.ID, "referral-note").send_keys("展会上认识")
    click_and_load(alice, alice.find_element(By.ID, "save-referral"))
    referred = wait(alice).until(EC.presence_of_element_located((By.ID, "referred-by")))
    assert SOURCE in referred.text
    assert "展会上认识" in referred.text
    assert_no_raw_keys(alice, texts)

    # A customer cannot be referred by one it brought: the refusal is explained on the page.
    alice.get(f"{server}/customers/{source['id']}/sales")
    alice.find_element(By.ID, "referrer").send_keys(NEWCOMER)
    click_and_load(alice, alice.find_element(By.ID, "save-referral"))
    assert alice.find_element(By.ID, "lifecycle-problem").text == zh["referral.problem.cycle"]

    click_and_load(alice, alice.find_element(By.ID, "referral-tree-link"))
    tree = wait(alice).until(EC.presence_of_element_located((By.ID, "referral-tree")))
    assert alice.find_elements(By.ID, "nav-lifecycle"), "the tree page is inside the layout"
    links = [a.text for a in tree.find_elements(By.TAG_NAME, "a")]
    assert links == [SOURCE, NEWCOMER]
    assert_no_raw_keys(alice, texts)
    click_and_load(alice, tree.find_element(By.LINK_TEXT, NEWCOMER))
    open_tab(alice, "sales")
    click_and_load(alice, alice.find_element(By.ID, "referral-tree-link"))
    above = wait(alice).until(EC.presence_of_element_located((By.ID, "referral-above")))
    assert above.text == SOURCE


def test_a_key_person_is_referred_by_a_customer_and_one_of_its_people(server, alice, texts):
    zh = texts["zh-Hans"]
    status, source = api(alice, server, "POST", "/customers", {"name": "推荐人所在公司", "kind": "enterprise"})
    assert status == 201, source
    status, friend = api(alice, server, "POST", f"/customers/{source['id']}/contacts", {"name": "赵老师", "title": "总经理"})
    assert status == 201, friend
    status, target = api(alice, server, "POST", "/customers", {"name": "被推荐人所在公司", "kind": "enterprise"})
    assert status == 201, target
    status, person = api(alice, server, "POST", f"/customers/{target['id']}/contacts", {"name": "钱经理", "title": "采购"})
    assert status == 201, person

    alice.get(f"{server}/contacts/{person['id']}")
    assert alice.find_element(By.ID, "referred-by-none").text == zh["referral.none"]
    alice.find_element(By.ID, "referrer").send_keys("推荐人所在公司")
    alice.find_element(By.ID, "referrer-person").send_keys("无此人")
    click_and_load(alice, alice.find_element(By.ID, "save-referral"))
    assert alice.find_element(By.ID, "referral-problem").text == zh["referral.problem.unknownPerson"]

    alice.find_element(By.ID, "referrer").send_keys("推荐人所在公司")
    alice.find_element(By.ID, "referrer-person").send_keys("赵老师")
    alice.find_element(By.ID, "referral-note").send_keys("老朋友介绍")
    click_and_load(alice, alice.find_element(By.ID, "save-referral"))
    referred = wait(alice).until(EC.presence_of_element_located((By.ID, "referred-by")))
    assert "推荐人所在公司" in referred.text and "赵老师" in referred.text and "老朋友介绍" in referred.text
    assert_no_raw_keys(alice, texts)
    status, saved = api(alice, server, "GET", f"/contacts/{person['id']}/referral")
    assert status == 200 and saved["referral"]["referrerContactID"] == friend["id"], saved

    click_and_load(alice, alice.find_element(By.ID, "clear-referral"))
    assert alice.find_element(By.ID, "referred-by-none")


def test_a_qualification_warning_shows_its_advice_and_all_yes_makes_a_prospect(server, alice, texts):
    zh = texts["zh-Hans"]
    status, customer = api(alice, server, "POST", "/customers", {"name": "资格审查测试公司", "kind": "enterprise"})
    assert status == 201, customer
    alice.get(f"{server}/customers/{customer['id']}/sales")
    wait(alice).until(EC.presence_of_element_located((By.ID, "qualification-form")))
    assert not alice.find_elements(By.ID, "qualification-warning-acquaintance")
    alice.find_element(By.ID, "q-warning-acquaintance").click()
    click_and_load(alice, alice.find_element(By.ID, "save-qualification"))
    banner = wait(alice).until(EC.presence_of_element_located((By.ID, "qualification-warning-acquaintance")))
    assert zh["qualification.advice.acquaintance"] in banner.text

    # A yes without evidence is refused; with evidence for all three the customer becomes a prospect.
    from selenium.webdriver.support.ui import Select
    Select(alice.find_element(By.ID, "q-abilityToPay")).select_by_value("yes")
    click_and_load(alice, alice.find_element(By.ID, "save-qualification"))
    assert alice.find_element(By.ID, "lifecycle-problem").text == zh["qualification.problem.evidence"]
    for check, evidence in (("abilityToPay", "ability"), ("authority", "authority"), ("need", "need")):
        Select(alice.find_element(By.ID, f"q-{check}")).select_by_value("yes")
        field = alice.find_element(By.ID, f"q-{evidence}Evidence")
        field.clear()
        field.send_keys("已核实 " + check)
    click_and_load(alice, alice.find_element(By.ID, "save-qualification"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "qualification-qualified")))
    assert zh["lifecycle.stage.prospect"] in alice.find_element(By.ID, "lifecycle-stage").text
    assert zh["lifecycle.reason.qualified"] in alice.find_element(By.ID, "lifecycle-reason").text
    assert alice.find_element(By.ID, "qualification-warning-acquaintance")

    # The report counts it, and the count links to the filtered customer list.
    click_and_load(alice, menu_link(alice, "nav-lifecycle"))
    count = wait(alice).until(EC.presence_of_element_located((By.ID, "stage-count-prospect")))
    assert alice.find_elements(By.ID, "nav-lifecycle"), "the report is inside the layout"
    assert int(count.text) >= 1
    assert zh["lifecycle.stage.prospect"] in alice.find_element(By.ID, "lifecycle-chart").text
    assert alice.find_elements(By.CSS_SELECTOR, "#lifecycle-flow-table tbody tr")
    assert_no_raw_keys(alice, texts)
    alice.get(server + "/customers?stage=prospect")
    names = alice.find_element(By.TAG_NAME, "main").text if alice.find_elements(By.TAG_NAME, "main") else alice.find_element(By.TAG_NAME, "body").text
    assert "资格审查测试公司" in names
    assert NEWCOMER not in names
