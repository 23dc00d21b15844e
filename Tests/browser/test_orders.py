"""Orders and payment collection: an order created from the customer page gets its payment plan,
receipts move the instalment from pending through partly paid to paid, and over-payment is refused."""
import json

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import assert_no_raw_keys, click_and_load, wait

CUSTOMER = "苏州回款测试精密机械有限公司"


def api(driver, server, method, path, body=None):
    """Calls the JSON API from the signed-in page with its anti-forgery token; returns (status, body)."""
    if not driver.current_url.startswith(server) or driver.find_elements(By.ID, "error-page"):
        driver.get(server + "/orders")
    driver.set_script_timeout(15)
    result = driver.execute_async_script("""
        const [method, path, body, done] = arguments;
        const token = document.querySelector('input[name=_csrf]').value;
        fetch('/api/v1' + path, {method: method, credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
              body: body === null ? undefined : JSON.stringify(body)})
          .then(r => r.text().then(text => done({status: r.status, body: text})))
          .catch(e => done({status: 0, body: String(e)}));
    """, method, path, body)
    return result["status"], (json.loads(result["body"]) if result["body"] else None)


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
    alice.get(server + f"/customers/{customer['id']}")
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

    alice.get(server + f"/customers/{customer['id']}")
    section = alice.find_element(By.ID, "orders").text
    assert "¥1,000.00" in section
    assert alice.find_elements(By.CSS_SELECTOR, "#customer-orders tbody tr")
    alice.get(server + "/orders")
    assert CUSTOMER in alice.find_element(By.ID, "order-list").text
    assert_no_raw_keys(alice, texts)
