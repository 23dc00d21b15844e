"""The CLI against the suite's running server: what an administrator does from a shell."""
import urllib.error
import urllib.request

from support import TEAM


def _status(server: str, path: str, token: str) -> int:
    request = urllib.request.Request(server + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def _ok(result) -> str:
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_password_reset_keeps_or_revokes_api_tokens(server, installation):
    _ok(installation.run("user", "add", "dora", "--role", "rep", "--team", TEAM, "--password", "dora-first-pass-1"))
    token = _ok(installation.run("user", "token", "dora", "--name", "sync")).strip()
    assert _status(server, "/api/v1/me", token) == 200

    kept = _ok(installation.run("user", "passwd", "dora", "--password", "dora-second-pass-2"))
    assert "--revoke-tokens" in kept
    assert _status(server, "/api/v1/me", token) == 200

    revoked = _ok(installation.run("user", "passwd", "dora", "--password", "dora-third-pass-3", "--revoke-tokens"))
    assert "1 API token(s) revoked" in revoked
    assert _status(server, "/api/v1/me", token) == 401
