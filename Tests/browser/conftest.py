"""Fixtures for Rapport's browser suite.

The suite builds nothing: `swift test` (or `swift build`) has produced `.build/debug/rapport`
before it runs. A session fixture creates a fresh SQLite database in a temporary folder,
starts `rapport serve` on a free port (the administrator comes from RAPPORT_ADMIN_PASSWORD on
that first start), adds a team and two reps with the CLI, and stops the server with SIGTERM
at the end.

Environment: RAPPORT_BINARY (default <package>/.build/debug/rapport), RAPPORT_CHROMIUM
(browser binary), RAPPORT_CHROMEDRIVER (driver; else Selenium finds /usr/bin/chromedriver).
"""
import json
import os
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC

from support import ADMIN_PASSWORD, ALIBABA, ALIBABA_PHONE, LOCALES, PASSWORDS, TEAM, sign_in, wait

PACKAGE = Path(__file__).resolve().parents[2]


def _binary() -> Path:
    path = Path(os.environ.get("RAPPORT_BINARY", PACKAGE / ".build" / "debug" / "rapport"))
    if not path.is_file():
        pytest.exit(f"rapport binary not found at {path}: run `swift build` (or `swift test`) first", returncode=2)
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(binary: Path, *args: str, env: dict) -> str:
    result = subprocess.run([str(binary), *args], env=env, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.exit(f"`rapport {' '.join(args)}` failed ({result.returncode}):\n{result.stdout}\n{result.stderr}", returncode=2)
    return result.stdout


def _wait_healthy(url: str, process: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.exit(f"rapport serve exited early ({process.returncode}):\n{log.read_text(errors='replace')}", returncode=2)
        try:
            with urllib.request.urlopen(url + "/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.25)
    pytest.exit(f"rapport serve did not answer /health within {timeout}s:\n{log.read_text(errors='replace')}", returncode=2)


class Installation:
    """The binary, the SQLite file and the environment the suite's server runs with, for CLI calls."""

    def __init__(self) -> None:
        self.binary = _binary()
        self.folder = Path(tempfile.mkdtemp(prefix="rapport-browser-"))
        self.database = str(self.folder / "rapport.sqlite")
        self.env = {**os.environ, "RAPPORT_ADMIN_PASSWORD": ADMIN_PASSWORD, "RAPPORT_LOG_LEVEL": "info"}
        self.env.pop("RAPPORT_DATABASE", None)
        self.env.pop("RAPPORT_CONFIG", None)

    def run(self, *args: str) -> subprocess.CompletedProcess:
        """Runs `rapport ARGS --database FILE` and returns the finished process (the caller checks it)."""
        return subprocess.run([str(self.binary), *args, "--database", self.database], env=self.env,
                              capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def installation() -> Installation:
    return Installation()


@contextmanager
def serving(installation: Installation):
    """Runs `rapport serve` on the installation's database on a free port; yields the base URL and
    stops the server with SIGTERM afterwards."""
    port = _free_port()
    log = installation.folder / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen([str(installation.binary), "serve", "--database", installation.database, "--port", str(port)],
                                   env=installation.env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(base, process, log)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(installation):
    """A running server with admin, team 华东销售部, reps alice and bob. Yields the base URL."""
    binary, database, env = installation.binary, installation.database, installation.env
    _run(binary, "migrate", "--database", database, env=env)
    with serving(installation) as base:
        _run(binary, "team", "add", TEAM, "--database", database, env=env)
        _run(binary, "user", "add", "alice", "--role", "rep", "--team", TEAM, "--display-name", "Alice Wang",
             "--password", PASSWORDS["alice"], "--database", database, env=env)
        _run(binary, "user", "add", "bob", "--role", "rep", "--team", TEAM, "--display-name", "Bob Li",
             "--password", PASSWORDS["bob"], "--database", database, env=env)
        yield base


@pytest.fixture(scope="session")
def texts():
    """Both locale tables, to assert on the same texts the pages show."""
    return {lang: json.loads((LOCALES / f"{lang}.json").read_text(encoding="utf-8")) for lang in ("en", "zh-Hans")}


def _new_driver(accept_language: str) -> webdriver.Chrome:
    os.environ.setdefault("SE_OFFLINE", "true")
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": accept_language})
    if os.environ.get("RAPPORT_CHROMIUM"):
        options.binary_location = os.environ["RAPPORT_CHROMIUM"]
    driver_path = os.environ.get("RAPPORT_CHROMEDRIVER")
    service = Service(executable_path=driver_path) if driver_path else Service()
    driver = webdriver.Chrome(options=options, service=service)
    driver.implicitly_wait(0)
    return driver


@pytest.fixture(scope="session")
def browsers():
    """Makes browsers (each with its own cookies) and closes them all at the end."""
    made = []

    def make(accept_language: str = "zh-CN,zh;q=0.9") -> webdriver.Chrome:
        driver = _new_driver(accept_language)
        made.append(driver)
        return driver

    yield make
    for driver in made:
        driver.quit()


@pytest.fixture(scope="session")
def alice(server, browsers):
    """A browser signed in as the rep alice (Chinese preferred by the browser)."""
    driver = browsers("zh-CN,zh;q=0.9")
    sign_in(driver, server, "alice", PASSWORDS["alice"])
    return driver


@pytest.fixture(scope="session")
def alibaba(server, alice):
    """Alice's customer 阿里巴巴（中国）有限公司 with a phone, created through the form; yields its URL."""
    alice.get(server + "/customers/new")
    alice.find_element(By.ID, "f-name").send_keys(ALIBABA)
    alice.find_element(By.ID, "f-phone").send_keys(ALIBABA_PHONE)
    alice.find_element(By.ID, "f-industry").send_keys("电子商务")
    alice.find_element(By.ID, "save").click()
    wait(alice).until(EC.presence_of_element_located((By.ID, "customer-name")))
    assert alice.find_element(By.ID, "customer-name").text == ALIBABA
    return alice.current_url.split("#")[0]
