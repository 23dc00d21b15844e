"""Orders and payment collection: an order created from the customer page gets its payment plan,
receipts move the instalment from pending through partly paid to paid, and over-payment is refused."""

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import api, assert_no_raw_keys, click_and_load, wait

CUSTOMER = "苏州回款测试精密机械有限公司"


def state(driver):
    return driver.find_element(By.ID, "instalment-1-state").text


def receive(driver, amount):
    field = driver.find_element(By.ID, "f-amount")
    field.clear()
    field.send_keys(amount)
    click_and_load(driver, driver.find_element(By.ID, "record-receipt"))


def test_order_from_customer_page_plan_and_receipts(server, alice, texts):
    zh = texts["zh-Hans"]
    alice.get(server + "/orders")
    status, customer = api(alice, server, "POST", "/customers", {"name": CUSTOMER, "kind": "enterprise"})
    assert status == 201, customer
    alice.get(server + f"/customers/{customer['id']}/sales")
    assert zh["order.section.none"] in alice.find_element(By.ID, "orders").text
    click_and_load(alice, alice.find_element(By.ID, "new-order"))
    assert_no_raw_keys(alice, texts)
    alice.find_element(By.ID, "line0-description").send_keys("数控车床保养")
    alice.find_element(By.ID, "line0-quantity").send_keys("2")
    alice.find_element(By.ID, "line0-unitPrice").send_keys("500.00")
    alice.find_element(By.ID, "line0-unitCost").send_keys("120")
    click_and_load(alice, alice.find_element(By.ID, "save"))
    wait(alice).until(EC.presence_of_element_located((By.ID, "instalments")))
    assert "/orders/" in alice.current_url
    assert_no_raw_keys(alice, texts)
    assert alice.find_element(By.ID, "order-revenue").text == "¥1,000.00"
    assert alice.find_element(By.ID, "order-profit").text == "¥760.00"
    assert state(alice) == zh["payment.state.pending"]

    receive(alice, "400")
    assert state(alice) == zh["payment.state.partial"]
    receive(alice, "9999")
    assert alice.find_element(By.ID, "f-amount-error").is_displayed()
    assert state(alice) == zh["payment.state.partial"]
    receive(alice, "600")
    assert state(alice) == zh["payment.state.paid"]
    assert len(alice.find_elements(By.CSS_SELECTOR, "#receipts tbody tr")) == 2

    # Voiding a receipt puts the money back to outstanding.
    first = alice.find_elements(By.CSS_SELECTOR, "#receipts button.danger")[0]
    click_and_load(alice, first)
    assert state(alice) == zh["payment.state.partial"]

    alice.get(server + f"/customers/{customer['id']}/sales")
    section = alice.find_element(By.ID, "orders").text
    assert "¥1,000.00" in section
    assert alice.find_elements(By.CSS_SELECTOR, "#customer-orders tbody tr")
    alice.get(server + "/orders")
    assert CUSTOMER in alice.find_element(By.ID, "order-list").text
    assert_no_raw_keys(alice, texts)


def test_admin_catalogue_import_and_plan(server, browsers, texts, tmp_path):
    from support import ADMIN_PASSWORD, sign_in
    admin = browsers("zh-CN,zh;q=0.9")
    sign_in(admin, server, "admin", ADMIN_PASSWORD)
    admin.get(server + "/products")
    admin.find_element(By.ID, "f-categoryName").send_keys("紧固件")
    click_and_load(admin, admin.find_element(By.ID, "save-category"))
    admin.find_element(By.ID, "f-code").send_keys("BOLT-M10")
    admin.find_element(By.ID, "f-name").send_keys("M10 螺栓")
    admin.find_element(By.ID, "f-price").send_keys("88.50")
    admin.find_element(By.ID, "f-cost").send_keys("40")
    click_and_load(admin, admin.find_element(By.ID, "save-product"))
    assert "¥88.50" in admin.find_element(By.ID, "product-BOLT-M10").text
    assert_no_raw_keys(admin, texts)

    status, customer = api(admin, server, "POST", "/customers", {"name": "宁波导入测试五金厂", "kind": "enterprise"})
    assert status == 201, customer
    csv = tmp_path / "orders.csv"
    csv.write_text("订单号,客户名称,订单日期,产品编码,数量\n"
                   "WEB-1,宁波导入测试五金厂,2026-03-01,BOLT-M10,4\n"
                   "WEB-2,宁波导入测试五金厂,2026-03-02,NOPE,1\n", encoding="utf-8")
    admin.get(server + "/orders/import")
    admin.find_element(By.ID, "import-file").send_keys(str(csv))
    admin.find_element(By.ID, "import-dry-run").click()
    click_and_load(admin, admin.find_element(By.ID, "import-submit"))
    assert "3" in admin.find_element(By.ID, "import-rejected").text
    assert_no_raw_keys(admin, texts)

    admin.get(server + "/orders?customer=" + customer["id"])
    click_and_load(admin, admin.find_element(By.LINK_TEXT, "WEB-1"))
    assert admin.find_element(By.ID, "order-revenue").text == "¥354.00"
    admin.find_element(By.CSS_SELECTOR, "#replan summary").click()
    count = admin.find_element(By.ID, "f-planCount")
    count.clear()
    count.send_keys("2")
    click_and_load(admin, admin.find_element(By.ID, "save-plan"))
    assert len(admin.find_elements(By.CSS_SELECTOR, "#instalments tbody tr")) == 2
