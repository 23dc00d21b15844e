"""Importing a CSV of Chinese customers through the page, as Chinese Excel saves it (GB18030)."""
import csv
import io
from urllib.parse import quote

import openpyxl
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import PASSWORDS, click_and_load, sign_in, wait

ROWS = [
    ["客户名称", "电话", "地区", "邮箱"],
    ["苏州新锐电子科技有限公司", "0512-6666 8888", "江苏", "buy@xinrui.example"],
    ["成都天成农业科技有限公司", "028-8765 4321", "四川", "not-an-email"],
    ["苏州新锐电子科技有限公司", "", "江苏", ""],
]


def _upload(driver, server, tmp_path, name, data, dry_run):
    path = tmp_path / name
    path.write_bytes(data)
    driver.get(server + "/customers/import")
    dry = driver.find_element(By.ID, "import-dry-run")
    if dry.is_selected() != dry_run:
        dry.click()
    driver.find_element(By.ID, "import-file").send_keys(str(path))
    click_and_load(driver, driver.find_element(By.ID, "import-submit"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "import-summary")))


def test_gb18030_csv_is_imported_page_reports_each_bad_row(server, browsers, tmp_path):
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, "bob", PASSWORDS["bob"])
    buffer = io.StringIO()
    csv.writer(buffer).writerows(ROWS)
    data = buffer.getvalue().encode("gb18030")
    _upload(driver, server, tmp_path, "客户.csv", data, dry_run=True)
    summary = driver.find_element(By.ID, "import-summary").text
    assert "1" in summary
    # The encoding in words, the counts first, and no separator left dangling.
    assert "GB18030" in summary and "gb18030" not in summary and not summary.rstrip().endswith("·")
    assert driver.find_element(By.ID, "import-counts").text == "拒绝 1 行 · 疑似重复 1 行"
    driver.get(server + "/customers?q=" + quote("新锐"))
    assert "苏州新锐电子科技有限公司" not in driver.find_element(By.TAG_NAME, "body").text

    _upload(driver, server, tmp_path, "客户.csv", data, dry_run=False)
    rejected = driver.find_element(By.ID, "import-rejected").text
    assert "3" in rejected
    duplicates = driver.find_element(By.ID, "import-duplicates").text
    assert "4" in duplicates
    assert "本文件第 2 行" in duplicates and not any(line.rstrip().endswith("—") for line in duplicates.splitlines())
    driver.get(server + "/customers?q=" + quote("新锐"))
    wait(driver).until(EC.presence_of_element_located((By.ID, "customer-list")))
    assert "苏州新锐电子科技有限公司" in driver.find_element(By.ID, "customer-list").text
    driver.get(server + "/customers?q=66668888")
    assert "苏州新锐电子科技有限公司" in driver.find_element(By.ID, "customer-list").text

    # The same file again: its first row now matches the customer just imported, and the report says by what.
    _upload(driver, server, tmp_path, "客户.csv", data, dry_run=True)
    assert "相同：名称、电话" in driver.find_element(By.ID, "import-duplicates").text


def test_export_downloads_only_visible_customers_as_real_xlsx(server, browsers, tmp_path):
    driver = browsers()
    sign_in(driver, server, "bob", PASSWORDS["bob"])
    cookies = {c["name"]: c["value"] for c in driver.get_cookies()}
    response = requests.get(server + "/customers/export?format=xlsx", cookies=cookies, timeout=30)
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    names = [row[1] for row in rows[1:]]
    assert "客户名称 / Name" in rows[0]
    assert "苏州新锐电子科技有限公司" in names
    assert "阿里巴巴（中国）有限公司" not in names  # alice's, not bob's
    anonymous = requests.get(server + "/customers/export?format=csv", allow_redirects=False, timeout=30)
    assert anonymous.status_code in (302, 303)
