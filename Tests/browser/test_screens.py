"""Screens: every main page, in both languages, at a laptop width (1366 px) and a phone width (390 px).

Why: layout faults (a top bar that wraps, a page that scrolls sideways, a button squeezed onto two
lines, a dropdown too narrow for its own choice) do not break any functional test, and they were
found by looking at pages (issue 11, "Visual quality"). These checks measure element boxes, so
they do not depend on fonts or on anyone's eye:

- the page does not scroll sideways: `scrollWidth <= clientWidth + 1` of the document (wide tables
  and the kanban may scroll inside their own `overflow-x: auto|scroll` container instead);
- every visible control (`button`, `a.button`, `select`, `input`, `textarea`) lies within the
  viewport horizontally unless it sits in such a scrolling container, and is not cut off by an
  ancestor that hides its overflow;
- buttons show their whole label on one line: no clipped content (`scrollWidth <= clientWidth + 1`)
  and a height below twice the line height (neither wrapped nor stretched by its row);
- a dropdown is at least as wide as its selected option's text plus its padding and arrow
  (the text measured on a canvas with the element's own font).

Each page, language and width is one test; its failures are collected and reported together.
A PNG of every page (full height through Chrome's DevTools protocol, at most 6000 px) is saved to $RAPPORT_SCREENSHOT_DIR, else to
<package>/.build/screenshots/, named like `en-390-customer-list.png`; CI keeps that folder.

Signed-in browsers are made once per role and language and resized between widths; the viewport
is measured after resizing (`clientWidth` must be the intended width; scrollbars are hidden as on
a phone, so the width is the same with and without a vertical scrollbar).
"""
import base64
import os
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest

from selenium.webdriver.common.by import By

from support import ADMIN_PASSWORD, PASSWORDS, api, click_and_load, page_language, sign_in, wait

PACKAGE = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("RAPPORT_SCREENSHOT_DIR") or PACKAGE / ".build" / "screenshots")

WIDTHS = {1366: 900, 390: 844}
LANGUAGES = {"zh": ("zh-Hans", "zh-CN,zh;q=0.9"), "en": ("en", "en-US,en;q=0.9")}
MAX_SHOT_HEIGHT = 6000

# (screenshot name, path with {placeholders} from the `screen_data` fixture, role that opens it).
PAGES = [
    ("agenda", "/agenda", "rep"),
    ("customer-list", "/customers", "rep"),
    ("customer-new", "/customers/new", "rep"),
    ("customer", "/customers/{customer}", "rep"),
    ("customer-people", "/customers/{customer}/people", "rep"),
    ("customer-timeline", "/customers/{customer}/timeline", "rep"),
    ("customer-sales", "/customers/{customer}/sales", "rep"),
    ("customer-service", "/customers/{customer}/service", "rep"),
    ("customer-file", "/customers/{customer}/file", "rep"),
    ("customer-history", "/customers/{customer}/history", "rep"),
    ("customer-import", "/customers/import", "rep"),
    ("contact", "/contacts/{contact}", "rep"),
    ("contact-list", "/contacts", "rep"),
    ("deal-board", "/deals", "rep"),
    ("deal-list", "/deals?view=list", "rep"),
    ("deal", "/deals/{deal}", "rep"),
    ("order-list", "/orders", "rep"),
    ("order", "/orders/{order}", "rep"),
    ("payments-due", "/payments/due", "rep"),
    ("pool", "/pool", "rep"),
    ("commitments", "/commitments", "rep"),
    ("winback", "/winback", "rep"),
    ("lifecycle", "/lifecycle", "rep"),
    ("notices", "/notices", "rep"),
    ("account", "/account", "rep"),
    ("admin-users", "/admin/users", "admin"),
    ("admin-teams", "/admin/teams", "admin"),
    ("admin-fields", "/admin/fields", "admin"),
    ("admin-reference", "/admin/reference", "admin"),
    ("admin-pipeline", "/admin/pipeline", "admin"),
    ("admin-pools", "/admin/pools", "admin"),
    ("products", "/products", "admin"),
]

# Runs in the page; returns a list of problem descriptions (strings).
CHECK_SCRIPT = r"""
const doc = document.documentElement;
const viewport = doc.clientWidth;
const problems = [];
const r1 = x => Math.round(x * 10) / 10;

function describe(el) {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (el.classList.length) s += '.' + [...el.classList].join('.');
  if (el.name) s += '[name=' + el.name + ']';
  const text = (el.tagName === 'SELECT' ? (el.selectedOptions[0] || {}).text : (el.innerText || el.value || '')) || '';
  const short = text.trim().replace(/\s+/g, ' ').slice(0, 40);
  return short ? s + ' "' + short + '"' : s;
}

// Rendered and visible (not inside a closed <details>, not display:none or visibility:hidden).
function shown(el) {
  if (!el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})) return false;
  const rect = el.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

// The nearest ancestor that scrolls horizontally (overflow-x auto or scroll), or null.
function scroller(el) {
  for (let a = el.parentElement; a && a !== doc && a !== document.body; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX;
    if (o === 'auto' || o === 'scroll') return a;
  }
  return null;
}

// 1. The page itself does not scroll sideways; name the outermost elements that stick out.
if (doc.scrollWidth > viewport + 1) {
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (culprits.length >= 6) break;
    if (!shown(el) || scroller(el)) continue;
    const rect = el.getBoundingClientRect();
    if (rect.right <= viewport + 1) continue;
    if (culprits.some(c => c.contains(el))) continue;
    culprits.push(el);
  }
  problems.push('page scrolls sideways: scrollWidth ' + doc.scrollWidth + ' > clientWidth ' + viewport +
    (culprits.length ? '; sticking out: ' + culprits.map(c => describe(c) + ' right=' + r1(c.getBoundingClientRect().right)).join(', ') : ''));
}

// 2. Each top-bar menu, opened, shows its items within the viewport.
for (const menu of document.querySelectorAll('header details')) {
  const wasOpen = menu.open;
  menu.open = true;
  for (const items of menu.querySelectorAll(':scope > :not(summary)')) {
    const rect = items.getBoundingClientRect();
    if (rect.left < -1 || rect.right > viewport + 1) {
      problems.push('menu ' + describe(menu) + ' opens outside the viewport: left ' + r1(rect.left) + ', right ' + r1(rect.right) +
        ', viewport ' + viewport);
    }
  }
  menu.open = wasOpen;
}

const canvas = document.createElement('canvas').getContext('2d');
const controls = document.querySelectorAll('button, select, input:not([type=hidden]), textarea, a.button');
for (const el of controls) {
  if (!shown(el)) continue;
  const rect = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const scrolls = scroller(el);

  // 3. Within the viewport horizontally (unless its container scrolls sideways).
  if (!scrolls && (rect.left < -1 || rect.right > viewport + 1)) {
    problems.push(describe(el) + ' outside the viewport: left ' + r1(rect.left) + ', right ' + r1(rect.right) + ', viewport ' + viewport);
  }
  // 4. Not cut off by an ancestor that hides its overflow.
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    const as = getComputedStyle(a);
    if (as.overflowX !== 'hidden' && as.overflowX !== 'clip') continue;
    const box = a.getBoundingClientRect();
    const left = box.left + a.clientLeft, right = left + a.clientWidth;
    if (rect.left < left - 1 || rect.right > right + 1) {
      problems.push(describe(el) + ' cut off by ' + describe(a) + ': control ' + r1(rect.left) + '..' + r1(rect.right) +
        ', visible ' + r1(left) + '..' + r1(right));
    }
    break;
  }
  const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2;
  // 5. Buttons: whole label, one line, not stretched.
  if (el.tagName === 'BUTTON' || el.matches('a.button')) {
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(describe(el) + ' label clipped: scrollWidth ' + el.scrollWidth + ' > clientWidth ' + el.clientWidth);
    }
    if (rect.height >= 2 * lineHeight) {
      problems.push(describe(el) + ' wrapped or stretched: height ' + r1(rect.height) + ' >= 2 x line height ' + r1(lineHeight));
    }
  }
  // 6. Dropdowns: wide enough for the chosen option (Chrome's own arrow allowance is about 20 px).
  if (el.tagName === 'SELECT' && !el.multiple && el.selectedOptions.length) {
    canvas.font = style.font || [style.fontStyle, style.fontWeight, style.fontSize, style.fontFamily].join(' ');
    const text = canvas.measureText(el.selectedOptions[0].text.trim()).width;
    const needed = Math.ceil(text + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 20);
    if (el.clientWidth + 1 < needed) {
      problems.push(describe(el) + ' too narrow for its choice: clientWidth ' + el.clientWidth + ' < ' + needed +
        ' (text ' + r1(text) + ' + padding + arrow)');
    }
  }
}
return problems;
"""


@pytest.fixture(scope="module")
def drivers(server, browsers):
    """Signed-in browsers, one per (role, language), made when first asked for."""
    made = {}

    def get(role: str, language: str):
        if (role, language) not in made:
            lang, accept = LANGUAGES[language]
            driver = browsers(accept)
            driver.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})
            if role == "admin":
                sign_in(driver, server, "admin", ADMIN_PASSWORD)
            else:
                sign_in(driver, server, "alice", PASSWORDS["alice"])
            driver.get(server + "/agenda")
            if page_language(driver) != lang:
                click_and_load(driver, driver.find_element(By.ID, "lang-" + language))
                wait(driver).until(lambda d: page_language(d) == lang)
            made[(role, language)] = driver
        return made[(role, language)]

    return get


@pytest.fixture(scope="module")
def screen_data(server, alibaba, drivers):
    """Believable records on the pages: alice's customer 阿里巴巴 gets key persons, promises (one
    overdue), an activity, a deal in every stage, an order with an overdue instalment and a
    membership; a churned customer with a win-back attempt is on the win-back list and a released
    one in the pool. Returns the ids the page paths need."""
    rep = drivers("rep", "en")
    customer = alibaba.rstrip("/").split("/")[-1]
    tag = uuid.uuid4().hex[:6]
    today = date.today()

    def post(path, body, expected=201):
        status, answer = api(rep, server, "POST", path, body)
        assert status == expected, (path, status, answer)
        return answer

    boss = post(f"/customers/{customer}/contacts",
                {"name": f"陈建国 {tag}", "title": "Chief Procurement Officer", "department": "Procurement & Logistics",
                 "phone": "13900139000"})
    post(f"/customers/{customer}/contacts", {"name": f"Margaret Thornbury-Wells {tag}", "title": "采购经理",
                                             "reportsToID": boss["id"]})
    post(f"/customers/{customer}/commitments",
         {"title": "发送年度框架协议报价 / Send the annual framework quotation", "dueOn": (today + timedelta(days=3)).isoformat(),
          "contactID": boss["id"]})
    post(f"/customers/{customer}/commitments",
         {"title": "回复样品测试结果", "dueOn": (today - timedelta(days=2)).isoformat(), "contactID": boss["id"]})
    post(f"/customers/{customer}/activities",
         {"channel": "visit", "purpose": "了解年度采购计划 / Review the annual purchasing plan",
          "outcome": "对方预算三月确定，下周再联系。The budget is fixed in March; call again next week.",
          "contactID": boss["id"]})
    # A deal in every stage, so the kanban's stage dropdowns show every stage name.
    status, stages = api(rep, server, "GET", "/deal-stages")
    assert status == 200, stages
    deals = [post(f"/customers/{customer}/deals",
                  {"title": f"智能仓储二期 Smart warehouse phase II ({index + 1})", "stageID": stage["id"],
                   "amount": 128_000_000 + index * 7_500_000, "nextStep": "Arrange an on-site demonstration",
                   "expectedCloseOn": (today + timedelta(days=40)).isoformat(), "contactIDs": [boss["id"]]})
             for index, stage in enumerate(stages["items"])]
    # Ordered 40 days ago: its one instalment (due after 30 days) is overdue on the payments-due list.
    order = post(f"/customers/{customer}/orders",
                 {"orderedOn": (today - timedelta(days=40)).isoformat(),
                  "lines": [{"description": "数控车床年度保养 Annual CNC lathe maintenance", "quantity": 2,
                             "unitPrice": 4_850_000, "unitCost": 1_200_000},
                            {"description": "备件包 Spare parts kit", "quantity": 12, "unitPrice": 38_000}]})
    post(f"/customers/{customer}/subscriptions",
         {"startsOn": (today - timedelta(days=300)).isoformat(), "endsOn": (today + timedelta(days=65)).isoformat(),
          "price": 1_980_000})

    lost = post("/customers?allowDuplicate=true", {"name": f"Harbourside Precision Footwear Manufacturing Co., Ltd. {tag}",
                                                    "kind": "enterprise"})
    term = post(f"/customers/{lost['id']}/subscriptions", {"startsOn": "2025-01-01", "endsOn": "2025-12-31", "price": 990_000})
    post(f"/subscriptions/{term['id']}/churn", {"churnReasons": ["aux.salesPressure"]}, expected=200)
    post(f"/customers/{lost['id']}/winback-attempts", {"approach": "personalCare", "outcome": "interested",
                                                        "note": "Asked for the new catalogue"})

    admin = drivers("admin", "en")
    status, pooled = api(admin, server, "POST", "/customers",
                         {"name": f"宁波海曙区精密五金制品有限公司 {tag}", "kind": "enterprise", "industry": "制造业"})
    assert status == 201, pooled
    status, answer = api(admin, server, "POST", f"/customers/{pooled['id']}/release", {"reason": "Screens test"})
    assert status == 204, answer
    return {"customer": customer, "contact": boss["id"], "deal": deals[0]["id"], "order": order["id"]}


def _set_width(driver, width: int) -> None:
    """Sizes the window so that the viewport is exactly `width` x WIDTHS[width] CSS pixels."""
    height = WIDTHS[width]
    for _ in range(3):
        inner = driver.execute_script("return [document.documentElement.clientWidth, window.innerHeight]")
        if inner == [width, height]:
            return
        outer = driver.get_window_size()
        driver.set_window_size(outer["width"] + width - inner[0], outer["height"] + height - inner[1])


def _status(driver, path: str) -> int:
    """The HTTP status of a GET of `path` from the signed-in browser."""
    return driver.execute_async_script(
        "const done = arguments[1]; fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), () => done(0));",
        path)


def _screenshot(driver, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(height, MAX_SHOT_HEIGHT), "scale": 1}})
    (SCREENSHOTS / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("page,path,role", PAGES, ids=[p[0] for p in PAGES])
def test_page_fits(server, drivers, screen_data, page, path, role, language, width):
    driver = drivers(role, language)
    url = path.format(**screen_data)
    driver.set_script_timeout(15)
    # An error page fits any screen: the page itself must answer.
    assert _status(driver, url) == 200, url
    _set_width(driver, width)
    driver.get(server + url)
    lang = LANGUAGES[language][0]
    if page_language(driver) != lang:
        # The language is the user's setting: another browser signed in as the same user may have changed it.
        click_and_load(driver, driver.find_element(By.ID, "lang-" + language))
        driver.get(server + url)
    assert page_language(driver) == lang, driver.current_url
    assert driver.execute_script("return document.documentElement.clientWidth") == width, "the viewport is not the intended width"
    name = f"{language}-{width}-{page}"
    problems = driver.execute_script(CHECK_SCRIPT)
    _screenshot(driver, name)
    assert not problems, f"{name} ({url}):\n  " + "\n  ".join(problems)
