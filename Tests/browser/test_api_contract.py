"""The API against its own OpenAPI document, by schemathesis (property-based requests).

A separate server on a fresh SQLite database filled by `rapport demo` is fuzzed with a rep's
token: every operation of the served document, generated valid and invalid inputs, and stateful
sequences that follow the ids one response hands the next request. Every check must pass except
two that do not describe this API:

- positive_data_acceptance: the document cannot say that an id must name an existing record, that
  a cursor must come from a previous page, that a deal must be won before it gets an order, or
  which custom fields exist; those schema-valid requests are rightly refused. docs/api.md keeps
  the count and the kinds.
- use_after_free: deleting is soft (the record stays readable with `deletedAt`, for the trash
  and for undo), by design.

The run is bounded (RAPPORT_SCHEMATHESIS_EXAMPLES per operation, default 25) and reproducible
(RAPPORT_SCHEMATHESIS_SEED, default 1; set another seed to explore). Uploads (`*/import`) are left
out: schemathesis cannot build CSV/XLSX files and the file tests cover them.
"""
import os
import shutil
import subprocess
import tempfile

import pytest

from conftest import Installation, serving

EXCLUDED_CHECKS = "positive_data_acceptance,use_after_free"


@pytest.fixture(scope="module")
def fuzz_target():
    """A server of its own on demo data; yields (base URL, rep token)."""
    installation = Installation()

    def run(*args: str) -> str:
        done = installation.run(*args)
        assert done.returncode == 0, f"rapport {' '.join(args)}: {done.stdout}{done.stderr}"
        return done.stdout

    run("migrate")
    run("demo")
    token = run("user", "token", "zhang.wei", "--name", "contract").strip().splitlines()[-1]
    try:
        with serving(installation) as base:
            yield base, token
    finally:
        shutil.rmtree(installation.folder, ignore_errors=True)


def test_every_operation_conforms_to_the_document(fuzz_target):
    schemathesis = shutil.which("schemathesis") or shutil.which("st")
    if schemathesis is None:
        pytest.fail("schemathesis is not installed (pip install -r Tests/browser/requirements.txt)")
    base, token = fuzz_target
    examples = os.environ.get("RAPPORT_SCHEMATHESIS_EXAMPLES", "25")
    seed = os.environ.get("RAPPORT_SCHEMATHESIS_SEED", "1")
    command = [
        schemathesis, "run", f"{base}/api/v1/openapi.json", "--url", f"{base}/api/v1",
        "-H", f"Authorization: Bearer {token}",
        "--checks", "all", "--exclude-checks", EXCLUDED_CHECKS,
        "--max-examples", examples, "--seed", seed,
        # One worker: hypothesis describes lambdas with ast.parse, which CPython 3.11 does not allow from two
        # threads at once ("AST constructor recursion depth mismatch").
        "--workers", "1",
        # Uploads need files; revoking the run's own token would turn the rest into 401s.
        "--exclude-path-regex", r"(import$|^/tokens/\{id\}$)",
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200, cwd=tempfile.gettempdir())
    output = done.stdout + done.stderr
    assert done.returncode == 0, "schemathesis found problems:\n" + output[-20000:]
    assert "generated" in output
