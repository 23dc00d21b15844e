#!/usr/bin/env python3
"""Page snapshots for refactors that must not change HTML (a developer tool, not a CI test).

Crawls every GET page it can reach from the main menus as an admin, a manager and a rep on a
`rapport demo` database (up to 350 pages each) with one build, then compares with another build's
crawl of a copy of the same database. Times, CSRF tokens and the tone check's label JSON are
normalised; notices differ between runs because the jobs run at start-up.

  pagediff.py setup BINARY DIR          # demo database DIR/template.sqlite + users with known passwords
  pagediff.py snap BINARY DIR NAME      # serve a copy with BINARY, crawl GET pages as admin/manager/rep -> DIR/NAME/
  pagediff.py diff DIR A B              # list pages that differ (unified diff of the first few)
"""
import difflib, hashlib, http.cookiejar, json, os, re, shutil, signal, socket, subprocess, sys, time, urllib.parse, urllib.request

PASSWORD = "Pagediff-pass-2026"

def run(binary, *args, env=None):
    r = subprocess.run([binary, *args], capture_output=True, text=True, env=env or os.environ, timeout=300)
    if r.returncode:
        sys.exit(f"{args}: {r.stdout}\n{r.stderr}")
    return r.stdout

def setup(binary, d):
    os.makedirs(d, exist_ok=True)
    db = f"{d}/template.sqlite"
    if os.path.exists(db): os.remove(db)
    env = {**os.environ, "RAPPORT_ADMIN_PASSWORD": PASSWORD}
    run(binary, "demo", "--database", db, env=env)
    listing = run(binary, "user", "list", "--database", db)
    chosen = {}
    for line in listing.splitlines():
        for role in ("manager", "rep"):
            if role in line.split() and role not in chosen:
                chosen[role] = line.split()[0]
    for name in chosen.values():
        run(binary, "user", "passwd", name, "--password", PASSWORD, "--database", db)
    json.dump({"admin": "admin", **chosen}, open(f"{d}/users.json", "w"))
    print("users", chosen)

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None

def session(base, user):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login").read().decode()
    token = re.search(r'name="_csrf" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"_csrf": token, "username": user, "password": PASSWORD}).encode()
    opener.open(base + "/login", data)
    return opener

def normalize(html):
    html = re.sub(r'(name="_csrf" value=")[^"]+', r'\1X', html)
    html = re.sub(r'(data-csrf=")[^"]+', r'\1X', html)
    html = re.sub(r'value="\d{4}-\d\d-\d\dT\d\d:\d\d"', 'value="NOW"', html)
    html = re.sub(r'data-labels="[^"]*"', 'data-labels="L"', html)
    html = re.sub(r'\d{4}-\d\d-\d\d \d\d:\d\d', 'DATETIME', html)
    return html

def snap(binary, d, name):
    out = f"{d}/{name}"
    shutil.rmtree(out, ignore_errors=True); os.makedirs(out)
    db = f"{out}/db.sqlite"; shutil.copy(f"{d}/template.sqlite", db)
    port = free_port(); base = f"http://127.0.0.1:{port}"
    log = open(f"{out}/serve.log", "w")
    p = subprocess.Popen([binary, "serve", "--database", db, "--port", str(port), "--log-level", "warning"], stdout=log, stderr=log)
    try:
        for _ in range(200):
            try: urllib.request.urlopen(base + "/health", timeout=1); break
            except Exception: time.sleep(0.2)
        users = json.load(open(f"{d}/users.json"))
        index = {}
        for role, user in users.items():
            opener = session(base, user)
            seen, queue = set(), ["/", "/customers", "/agenda", "/deals", "/deals?view=list", "/orders", "/pool", "/lifecycle",
                                  "/commitments", "/notices", "/account", "/contacts", "/products", "/payments-due", "/team-types"]
            while queue and len(seen) < 350:
                path = queue.pop(0)
                if path in seen: continue
                seen.add(path)
                try:
                    r = opener.open(base + path, timeout=30); status = r.status; body = r.read().decode("utf-8", "replace")
                except urllib.error.HTTPError as e:
                    status = e.code; body = e.read().decode("utf-8", "replace")
                key = f"{role}_{hashlib.sha1(path.encode()).hexdigest()[:12]}.html"
                open(f"{out}/{key}", "w").write(normalize(body))
                index[key] = [role, path, status]
                for href in re.findall(r'href="(/[^"#]*)"', body):
                    href = href.replace("&amp;", "&")
                    if href.startswith(("/static", "/logout", "/api", "/export")) or href.endswith((".csv", ".xlsx")): continue
                    if "cursor=" in href and not os.environ.get("PAGEDIFF_CURSORS"): continue
                    if href not in seen: queue.append(href)
        json.dump(index, open(f"{out}/index.json", "w"), indent=1, ensure_ascii=False)
        print(f"{len(index)} pages; statuses:", sorted({v[2] for v in index.values()}))
    finally:
        p.send_signal(signal.SIGTERM); p.wait(timeout=30)

def diff(d, a, b):
    ia = json.load(open(f"{d}/{a}/index.json")); ib = json.load(open(f"{d}/{b}/index.json"))
    missing = set(ia) ^ set(ib)
    if missing: print("only in one:", [ia.get(k) or ib.get(k) for k in missing][:20])
    shown = 0; differing = 0
    for key in sorted(set(ia) & set(ib)):
        x = open(f"{d}/{a}/{key}").read(); y = open(f"{d}/{b}/{key}").read()
        if x != y:
            differing += 1
            print("DIFF", ia[key])
            if shown < 5:
                shown += 1
                sys.stdout.writelines(list(difflib.unified_diff(x.splitlines(True), y.splitlines(True), n=1))[:40])
    print(f"{len(set(ia) & set(ib))} pages compared, {differing} differ")

if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "setup": setup(sys.argv[2], sys.argv[3])
    elif cmd == "snap": snap(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "diff": diff(sys.argv[2], sys.argv[3], sys.argv[4])
