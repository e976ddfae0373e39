#!/usr/bin/python3
"""The class hub's helper for ./lab hub (Debian's JupyterHub 3.0).

  hub.py config --root DIR --hub-dir DIR --port N --hub-port N --proxy-port N [--ip IP] [--users a,b] [--admins a]
                [--test-mode]
      Writes HUB_DIR/jupyterhub_config.py (HUB_DIR is target/hub unless LAB_HUB_DIR says otherwise) and the
      secrets it reads at start-up (made here, at run time, mode 600, never printed into a committed file):
      the proxy's token, the lab's service token (the REST API's admin, for ./lab hub add and the test) and,
      in test mode, the shared password of the dummy login.
  hub.py students --hub-dir DIR
      Prints "NAME<TAB>HOME" for every user the hub knows (read from its database, hub running or not), with
      the home their copy of the course is in.
  hub.py add --hub-dir DIR NAME...
      Adds users through the running hub's REST API.

Real mode: the system's users log in with their password (PAM) and each one's server runs as that user
(LocalProcessSpawner, so the hub runs as root). Test mode: one shared password (DummyAuthenticator) and every
server runs as the user who started the hub, each with its own home under HUB_DIR/homes/ (SimpleLocalProcess-
Spawner): separate copies of the course, but no separation by the system; for trying it on one machine only.
"""
import argparse
import json
import os
import pwd
import secrets
import sqlite3
import sys
import urllib.error
import urllib.request
from pathlib import Path

SERVICE = "finetune-lab"
COURSE_FOLDER = "finetune-lab"   # in each student's home, made by src/main/hub/start-user.sh


def secret_file(path):
    """The secret kept in path, made on first use (mode 600)."""
    if not path.is_file():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(str(path), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_hex(32) + "\n")
    return path


def names(text):
    found = [n.strip() for n in (text or "").split(",") if n.strip()]
    for n in found:
        if not n.replace("-", "").replace("_", "").replace(".", "").isalnum() or n != n.lower():
            raise SystemExit("hub: '%s' is not a user name the hub accepts: use lower-case letters, digits, '-', '_' or '.'" % n)
    return sorted(set(found))


def config_text(args, hub):
    root = Path(args.root).resolve()
    users, admins = names(args.users), names(args.admins)
    lines = [
        "# The class hub's configuration, written by ./lab hub (src/main/python/hub.py): edit the options of",
        "# ./lab hub instead, this file is written again at every start. Secrets are read from files beside it.",
        "from pathlib import Path",
        "c = get_config()  # noqa",
        "HUB = Path(%r)" % str(hub),
        "",
        "c.JupyterHub.ip = %r" % args.ip,
        "c.JupyterHub.port = %d" % args.port,
        "c.JupyterHub.hub_ip = '127.0.0.1'",
        "c.JupyterHub.hub_port = %d" % args.hub_port,
        "c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:%d'" % args.proxy_port,
        "c.JupyterHub.pid_file = str(HUB / 'jupyterhub.pid')",
        "c.JupyterHub.db_url = 'sqlite:///' + str(HUB / 'jupyterhub.sqlite')",
        "c.JupyterHub.cookie_secret_file = str(HUB / 'jupyterhub_cookie_secret')",
        "c.ConfigurableHTTPProxy.auth_token = (HUB / 'proxy-token').read_text().strip()",
        "c.JupyterHub.cleanup_servers = True   # stopping the hub stops every student's server",
        "# The lab's own service: its token is the REST API's admin (./lab hub add, the hub's test).",
        "c.JupyterHub.services = [{'name': %r, 'api_token': (HUB / 'api-token').read_text().strip(), 'admin': True}]" % SERVICE,
        "",
        "# Each student's server: their own copy of the course in ~/%s (made at the first login), the lab's" % COURSE_FOLDER,
        "# Java kernel from this checkout (JUPYTER_PATH), and its data and library read from here (FINETUNE_LAB_ROOT).",
        "c.Spawner.cmd = [%r, '/usr/bin/jupyterhub-singleuser']" % str(root / "src" / "main" / "hub" / "start-user.sh"),
        "c.Spawner.notebook_dir = '~/%s'" % COURSE_FOLDER,
        "c.Spawner.default_url = '/tree'",
        "c.Spawner.environment = {",
        "    'JUPYTERHUB_SINGLEUSER_APP': 'notebook.notebookapp.NotebookApp',  # Debian's Notebook 6",
        "    'JUPYTER_PATH': %r," % str(root / "target" / "jupyter"),
        "    'FINETUNE_LAB_ROOT': %r," % str(root),
        "}",
        "c.Spawner.start_timeout = 180   # a busy machine starts Python slowly",
        "c.Spawner.http_timeout = 180",
        "",
    ]
    if args.test_mode:
        lines += [
            "# Test mode: one shared password, every server runs as the user who started the hub, homes under target/hub.",
            "c.JupyterHub.authenticator_class = 'dummy'",
            "c.DummyAuthenticator.password = (HUB / 'test-password').read_text().strip()",
            "c.JupyterHub.spawner_class = 'simple'",
            "c.SimpleLocalProcessSpawner.home_dir_template = str(HUB / 'homes' / '{username}')",
        ]
        if os.geteuid() == 0:
            lines.append("c.Spawner.args = ['--allow-root']   # the servers run as root here, like the hub")
    else:
        lines += [
            "# A real class: the system's users and passwords (PAM); each server runs as its student.",
            "c.JupyterHub.authenticator_class = 'pam'",
            "c.JupyterHub.spawner_class = 'localprocess'",
        ]
    if users:
        lines.append("c.Authenticator.allowed_users = set(%r)" % (users + admins))
    if admins:
        lines.append("c.Authenticator.admin_users = set(%r)" % admins)
    return "\n".join(lines) + "\n"


def config(args):
    hub = Path(args.hub_dir).resolve()
    for name in ("api-token", "proxy-token") + (("test-password",) if args.test_mode else ()):
        secret_file(hub / name)
    path = hub / "jupyterhub_config.py"
    path.write_text(config_text(args, hub))
    print(path)


def home_of(hub, name, spawner):
    if spawner == "simple":
        return hub / "homes" / name
    try:
        return Path(pwd.getpwnam(name).pw_dir)
    except KeyError:
        return None


def students(args):
    hub = Path(args.hub_dir).resolve()
    db = hub / "jupyterhub.sqlite"
    if not db.is_file():
        raise SystemExit("hub: no hub has run in this checkout yet (%s is missing): start it with ./lab hub" % db)
    text = (hub / "jupyterhub_config.py").read_text() if (hub / "jupyterhub_config.py").is_file() else ""
    spawner = "simple" if "spawner_class = 'simple'" in text else "localprocess"
    with sqlite3.connect("file:%s?mode=ro" % db, uri=True) as connection:
        rows = connection.execute("SELECT name FROM users ORDER BY name").fetchall()
    for (name,) in rows:
        home = home_of(hub, name, spawner)
        print("%s\t%s" % (name, home / COURSE_FOLDER if home else ""))


def api(base, token, method, path, body=None, timeout=60):
    """One call to the hub's REST API; returns the decoded JSON answer (None for an empty one)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base.rstrip("/") + "/hub/api" + path, data=data, method=method,
                                     headers={"Authorization": "token " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        text = answer.read()
    return json.loads(text) if text.strip() else None


def add(args):
    hub = Path(args.hub_dir).resolve()
    port = running_port(hub)
    token = (hub / "api-token").read_text().strip()
    wanted = names(",".join(args.names))
    try:
        added = api("http://127.0.0.1:%d" % port, token, "POST", "/users", {"usernames": wanted})
    except urllib.error.HTTPError as e:
        try:
            reason = json.loads(e.read()).get("message", "")
        except ValueError:
            reason = ""
        hint = " (in a real class, make the system user first: sudo adduser NAME)" if "does not exist on the system" in reason else ""
        raise SystemExit("hub: the hub did not add %s: HTTP %d %s%s" % (", ".join(wanted), e.code, reason, hint))
    for user in added or []:
        print("added %s" % user["name"])


def running_port(hub):
    pid_file = hub / "jupyterhub.pid"
    try:
        pid = int(pid_file.read_text().strip())
        os.kill(pid, 0)
    except (OSError, ValueError):
        raise SystemExit("hub: the hub is not running (start it with ./lab hub)")
    for line in (hub / "jupyterhub_config.py").read_text().splitlines():
        if line.startswith("c.JupyterHub.port = "):
            return int(line.split("=")[1])
    raise SystemExit("hub: %s names no port" % (hub / "jupyterhub_config.py"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("config")
    c.add_argument("--root", required=True)
    c.add_argument("--hub-dir", required=True)
    c.add_argument("--ip", default="0.0.0.0")
    c.add_argument("--port", type=int, required=True)
    c.add_argument("--hub-port", type=int, required=True)
    c.add_argument("--proxy-port", type=int, required=True)
    c.add_argument("--users", default="")
    c.add_argument("--admins", default="")
    c.add_argument("--test-mode", action="store_true")
    s = sub.add_parser("students")
    s.add_argument("--hub-dir", required=True)
    a = sub.add_parser("add")
    a.add_argument("--hub-dir", required=True)
    a.add_argument("names", nargs="+")
    args = parser.parse_args()
    {"config": config, "students": students, "add": add}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
