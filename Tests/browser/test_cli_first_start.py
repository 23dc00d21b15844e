"""First start for operators, through the real binary on fresh SQLite files: the administrator's
one-time password reaches a log file while the server runs, `migrate` creates the administrator
like `serve`, RAPPORT_ADMIN_PASSWORD is never silently ignored, errors are words without the usage
block, and listings are labelled."""
import os
import re
import signal
import subprocess
import time
import urllib.request

from conftest import Installation, _free_port


def _fresh(admin_password: str | None) -> Installation:
    installation = Installation()
    if admin_password is None:
        installation.env.pop("RAPPORT_ADMIN_PASSWORD", None)
    else:
        installation.env["RAPPORT_ADMIN_PASSWORD"] = admin_password
    return installation


def test_serve_writes_the_one_time_password_to_a_log_file_at_once():
    installation = _fresh(None)
    port = _free_port()
    log = installation.folder / "nohup.out"
    with open(log, "w") as out:
        process = subprocess.Popen([str(installation.binary), "serve", "--database", installation.database, "--port", str(port)],
                                   env=installation.env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.25)
        # The server is still running: the lines must be in the file already, not at exit.
        text = log.read_text()
        assert process.poll() is None
        assert "Created the administrator." in text
        assert re.search(r"one-time password: \S{12,}", text), text
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def test_migrate_creates_the_administrator_like_serve():
    installation = _fresh(None)
    done = installation.run("migrate")
    assert done.returncode == 0, done.stderr
    assert "Applied:" in done.stdout
    assert re.search(r"one-time password: \S{12,}", done.stdout)
    listing = installation.run("user", "list")
    assert listing.stdout.splitlines()[0].split() == ["USERNAME", "ROLE", "TEAM", "STATE", "DISPLAY", "NAME"]
    assert re.search(r"^admin\s+admin\s", listing.stdout, re.MULTILINE)


def test_admin_password_is_used_when_users_exist_but_no_administrator():
    installation = _fresh(None)
    added = installation.run("user", "add", "xiaoli", "--role", "rep", "--password", "xiaoli-pass-2026")
    assert added.returncode == 0, added.stderr
    # Without the variable: a warning that says what to do, and still no administrator.
    warned = installation.run("migrate")
    assert "no active administrator" in warned.stdout and "RAPPORT_ADMIN_PASSWORD" in warned.stdout
    assert not re.search(r"^admin\s", installation.run("user", "list").stdout, re.MULTILINE)
    # With it: the administrator is created with that password.
    installation.env["RAPPORT_ADMIN_PASSWORD"] = "Admin-pass-2026-first"
    created = installation.run("migrate")
    assert "Created the administrator 'admin'" in created.stdout
    assert re.search(r"^admin\s+admin\s", installation.run("user", "list").stdout, re.MULTILINE)
    # Once an administrator exists, a set variable is reported as ignored.
    again = installation.run("migrate")
    assert "RAPPORT_ADMIN_PASSWORD is ignored" in again.stdout


def test_errors_are_words_and_only_usage_errors_print_usage():
    installation = _fresh("Admin-pass-2026-first")
    assert installation.run("migrate").returncode == 0
    short = installation.run("user", "add", "bob", "--role", "rep", "--password", "short")
    assert short.returncode == 1
    assert "password: Too short: at least 10 characters." in short.stderr
    assert "tooShort" not in short.stderr and "Usage:" not in short.stderr + short.stdout
    missing = installation.run("user", "disable", "nobody")
    assert missing.returncode == 1
    assert "no such user nobody" in missing.stderr and "Usage:" not in missing.stderr
    usage = installation.run("user", "add", "carol", "--role", "boss")
    assert usage.returncode != 0 and "Usage:" in usage.stderr


def test_jobs_says_what_ran_and_what_was_skipped():
    installation = _fresh("Admin-pass-2026-first")
    assert installation.run("migrate").returncode == 0
    first = installation.run("jobs")
    assert first.returncode == 0, first.stderr
    assert re.search(r"^lifecycle-recompute: ran \(", first.stdout, re.MULTILINE), first.stdout
    second = installation.run("jobs")
    # The daily recompute already ran today: the second pass skips it and says so.
    assert re.search(r"^lifecycle-recompute: skipped", second.stdout, re.MULTILINE), second.stdout


def test_demo_prints_labelled_sign_ins():
    installation = _fresh("Admin-pass-2026-first")
    done = installation.run("demo", "--customers", "3")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("USERNAME"))
    assert lines[header].split() == ["USERNAME", "ROLE", "NAME", "ONE-TIME", "PASSWORD"]
    assert lines[header + 1].split()[0] == "wang.li"
    assert "Created the administrator 'admin'" in done.stdout
