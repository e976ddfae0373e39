#!/usr/bin/python3
"""The class hub end to end: three students on one hub at the same time (./lab test --hub).

  hub_check.py --root DIR [--counts FILE] [--log FILE] [--test-mode-only]

Runs `./lab hub` on a free port with a state folder of its own (target/hub-test*, made afresh, so a teacher's
hub of the same checkout is left alone), twice: in test mode (any user name, every server running as the
caller), and, when run as root, for three system users the check makes (random passwords) and removes again
(PAM logins, each server running as its student). Each time, through the hub's REST API and each student's
own server:
  1. a student logs in with their password (test mode: the shared one; system users: their own, through PAM);
     a wrong password is refused;
  2. three users are added (./lab hub add) and their servers started; each finds its own copy of the course in its home
     (system users: owned by the student, writable by no one else);
  3. one student cannot reach another's server with their own token;
  4. one student changes a lesson notebook: the others' copies and the checkout's stay as they were; at that
     student's next start the change is kept and a file missing from their copy is back;
  5. the first code cells of lesson 01 (device, then loading the base model from the shared data) run in each
     student's Java kernel at the same time, opened from the student's copy of the notebook; the folder lesson 14
     writes to, data/my-personas/, is the student's own;
  6. one student hands in a solved exercise; ./lab hub collect grades the class: that student scores the
     exercise's points, the others zero;
  7. stopping ./lab hub (a TERM signal, as Ctrl+C in a terminal) stops everything it started: no process of
     the hub, the students' servers or their kernels is left (every process whose working folder or
     environment lies in the state folder, or that runs as a user made for the check, noted while they ran;
     any left over is killed).
Every wait has a time limit; whatever happens, the hub is stopped and the users are removed at the end (also on
Ctrl+C). Prints one line per check ("ok ..." or "FAIL ...") and writes "passed failed" to --counts.
"""
import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

EXERCISE = ("top-p", "01-top-p")   # the exercise handed in at step 5: its id and its folder
HUB_START_S = 180
SERVER_START_S = 300
CELL_S = 600
KERNEL_INFO_S = 60
KERNEL_ATTEMPTS = 3
STOP_S = 90
MARK = "a note only alice wrote"


class Check:
    def __init__(self, log):
        self.passed = self.failed = 0
        self.log = log

    def record(self, ok, what, detail=""):
        line = ("ok    " if ok else "FAIL  ") + what + (": " + detail if detail else "")
        print(line, flush=True)
        print(line, file=self.log, flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        return ok


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hub:
    """The hub under test, reached through its REST API with the lab's service token."""

    def __init__(self, root, state, log):
        self.root, self.state, self.log = root, state, log
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.process = None
        self.seen = set()   # every process of the hub noticed while it ran
        self.uids = set()   # users whose every process belongs to the hub (the system users made for the check)

    def start(self, hub_args):
        env = dict(os.environ, LAB_HUB_DIR=str(self.state))
        self.process = subprocess.Popen(["bash", str(self.root / "lab"), "hub", "--port", str(self.port), *hub_args],
                                        cwd=self.root, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + HUB_START_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("./lab hub stopped with exit code %d (see the log)" % self.process.returncode)
            try:
                urllib.request.urlopen(self.base + "/hub/api", timeout=2)
                self.token = (self.state / "api-token").read_text().strip()
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.5)
        raise RuntimeError("the hub did not answer within %d s" % HUB_START_S)

    def call(self, method, path, body=None, token=None, prefix="/hub/api", raw=False):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + prefix + path, data=data, method=method, headers={
            "Authorization": "token " + (token or self.token), "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            text = answer.read()
        return text if raw else (json.loads(text) if text.strip() else None)

    def status(self, method, path, token):
        """The HTTP status of one call (errors included)."""
        try:
            request = urllib.request.Request(self.base + path, method=method, headers={"Authorization": "token " + token})
            with urllib.request.urlopen(request, timeout=60) as answer:
                return answer.status
        except urllib.error.HTTPError as e:
            return e.code

    def note_processes(self):
        self.seen |= processes_in(self.state, self.uids)

    def stop(self):
        """Stops ./lab hub (it stops the hub, which stops every server), as Ctrl+C or a TERM signal do; returns
        what went wrong, if anything. What is still there after STOP_S is left to leftovers()."""
        if self.process is None:
            return None
        self.note_processes()
        problem = None
        if self.process.poll() is None:
            # TERM, not INT: a shell started in the background ignores INT, and so would ./lab hub here.
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_S)
            except subprocess.TimeoutExpired:
                problem = "./lab hub did not end within %d s of a TERM signal" % STOP_S
                self.process.kill()
                self.process.wait(10)
        hub_pid = hub_process(self.state)
        if hub_pid:
            problem = problem or "./lab hub ended but left the hub running (pid %d)" % hub_pid
            os.kill(hub_pid, signal.SIGTERM)   # what ./lab hub stop does
        deadline = time.monotonic() + STOP_S
        while time.monotonic() < deadline and any(alive(pid) for pid in self.seen | processes_in(self.state, self.uids)):
            time.sleep(0.5)
        return problem

    def leftovers(self):
        left = sorted(pid for pid in self.seen | processes_in(self.state, self.uids) if alive(pid))
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        return left


def hub_process(state):
    """The pid of the hub whose state folder is state, if it runs."""
    try:
        pid = int((state / "jupyterhub.pid").read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if alive(pid) else None


def alive(pid):
    try:
        status = Path("/proc/%d/status" % pid).read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def processes_in(state, uids=()):
    """Pids of processes whose working folder, command line or environment lies in the folder state, or that run as
    one of uids."""
    mark = str(state)
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            text = (entry / "cmdline").read_bytes() + b"\0" + (entry / "environ").read_bytes()
        except OSError:
            continue
        if cwd.startswith(mark) or mark.encode() in text or (uids and entry.stat().st_uid in uids):
            found.add(int(entry.name))
    return found


def message(user, msg_type, content):
    return {"header": {"msg_id": uuid.uuid4().hex, "username": user, "session": uuid.uuid4().hex, "msg_type": msg_type,
                       "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [], "content": content}


async def reply_to(socket_, request, timeout, output=None):
    """Sends a request on the kernel's websocket and returns its reply's content (stream text goes to output)."""
    socket_.write_message(json.dumps(request))
    msg_id = request["header"]["msg_id"]
    expected = request["header"]["msg_type"].replace("_request", "_reply")
    while True:
        text = await asyncio.wait_for(socket_.read_message(), timeout)
        if text is None:
            raise ConnectionError("the kernel's websocket closed")
        answer = json.loads(text)
        if answer.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind, content = answer["msg_type"], answer["content"]
        if output is not None and kind == "stream":
            output.append(content["text"])
        elif output is not None and kind == "error":
            output.append("%s: %s" % (content["ename"], content["evalue"]))
        elif kind == expected:
            return content


async def open_kernel(hub, user, token, kernel_id):
    """A websocket to a kernel that answers; a kernel that does not answer at start is restarted, as a student
    would (Kernel, Restart), up to KERNEL_ATTEMPTS times. Returns (websocket, restarts)."""
    url = "ws://127.0.0.1:%d/user/%s/api/kernels/%s/channels" % (hub.port, user, kernel_id)
    for attempt in range(KERNEL_ATTEMPTS):
        socket_ = await websocket_connect(HTTPRequest(url, headers={"Authorization": "token " + token}, request_timeout=120))
        try:
            await reply_to(socket_, message(user, "kernel_info_request", {}), KERNEL_INFO_S)
            return socket_, attempt
        except asyncio.TimeoutError:
            socket_.close()
            await asyncio.get_running_loop().run_in_executor(None, lambda: hub.call(
                "POST", "/api/kernels/%s/restart" % kernel_id, {}, token=token, prefix="/user/%s" % user))
    raise TimeoutError("%s's kernel did not answer after %d starts" % (user, KERNEL_ATTEMPTS))


async def run_cells(hub, user, token, kernel_id, cells):
    """Runs the cells one after another in a kernel; returns (ok, text output, seconds, restarts)."""
    socket_, restarts = await open_kernel(hub, user, token, kernel_id)
    started = time.monotonic()
    output = []
    try:
        for code in cells:
            reply = await reply_to(socket_, message(user, "execute_request", {
                "code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
                "stop_on_error": True}), CELL_S, output)
            if reply.get("status") != "ok":
                output.append("the kernel's reply: %s" % json.dumps(reply)[:200])
                return False, "".join(output), time.monotonic() - started, restarts
        return True, "".join(output), time.monotonic() - started, restarts
    finally:
        socket_.close()


def wait_ready(hub, users):
    deadline = time.monotonic() + SERVER_START_S
    waiting = set(users)
    while waiting and time.monotonic() < deadline:
        for user in sorted(waiting):
            server = hub.call("GET", "/users/" + user)["servers"].get("", {})
            if server.get("ready"):
                waiting.discard(user)
        hub.note_processes()
        time.sleep(1)
    return waiting


def contents(hub, user, token, path, body=None):
    return hub.call("PUT" if body else "GET", "/api/contents/" + path, body, token=token, prefix="/user/%s" % user)


class TestMode:
    """./lab hub --test-mode: students with any name, servers running as the caller, homes in the state folder."""
    title = "test mode"

    def __init__(self, state):
        self.state = state
        self.students = ("alice", "bob", "carol")
        self.hub_args = ["--test-mode"]
        self.uids = set()

    login = "the shared test password"

    def password(self, user):
        return (self.state / "test-password").read_text().strip()

    def home(self, user):
        return self.state / "homes" / user

    def set_up(self, check):
        pass

    def tear_down(self):
        pass


class SystemUsers:
    """./lab hub as root for three system users made for the check (and removed after it): PAM logins, and each
    server running as its student (LocalProcessSpawner)."""
    title = "system users (PAM)"

    def __init__(self, state):
        self.state = state
        tag = uuid.uuid4().hex[:4]
        self.students = tuple("labhub-%s-%s" % (tag, n) for n in ("alice", "bob", "carol"))
        self.hub_args = ["--users", ",".join(self.students), "--ip", "127.0.0.1"]
        self.passwords = {u: uuid.uuid4().hex for u in self.students}
        self.made = []
        self.uids = set()

    login = "their system password (PAM)"

    def password(self, user):
        return self.passwords[user]

    def home(self, user):
        import pwd
        return Path(pwd.getpwnam(user).pw_dir)

    def set_up(self, check):
        import pwd
        for user in self.students:
            subprocess.run(["useradd", "--create-home", "--shell", "/bin/bash", user], check=True, capture_output=True)
            self.made.append(user)
            self.uids.add(pwd.getpwnam(user).pw_uid)
            subprocess.run(["chpasswd"], input="%s:%s\n" % (user, self.passwords[user]), text=True, check=True,
                           capture_output=True)
        check.record(True, "three system users made for the check", ", ".join(self.students))

    def tear_down(self):
        for user in self.made:
            subprocess.run(["userdel", "--remove", user], capture_output=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def login_status(hub, user, password):
    """The hub's answer to its login form: 302 (logged in, sent on to the server) or 403 (refused)."""
    form = urllib.parse.urlencode({"username": user, "password": password}).encode()
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(hub.base + "/hub/login", data=form, method="POST"), timeout=60) as answer:
            return answer.status
    except urllib.error.HTTPError as e:
        return e.code


def resident_mb(pids, word):
    """Median resident memory (MB) of the processes among pids whose command line holds word."""
    sizes = []
    for pid in pids:
        try:
            if word.encode() not in Path("/proc/%d/cmdline" % pid).read_bytes():
                continue
            status = Path("/proc/%d/status" % pid).read_text()
        except OSError:
            continue
        sizes += [int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")]
    return sorted(sizes)[len(sizes) // 2] if sizes else float("nan")


def check_hub(hub, root, check, mode):
    students = mode.students
    alice, bob, carol = students
    hub.start(mode.hub_args)
    check.record(True, "[%s] the hub started on port %d" % (mode.title, hub.port))
    say = lambda text: "[%s] %s" % (mode.title, text)

    password = mode.password(alice)
    right, wrong = login_status(hub, alice, password), login_status(hub, alice, "not-" + password)
    check.record(right == 302 and wrong != 302, say("%s logs in with %s, a wrong password is refused" % (alice, mode.login)),
                 "HTTP %d (sent on to the server) and %d (the login page again)" % (right, wrong))

    # The hub knows the users of --users (and whoever logged in) already; ./lab hub add adds the others through
    # the REST API.
    known = {u["name"] for u in hub.call("GET", "/users")}
    missing = [u for u in students if u not in known]
    if missing:
        subprocess.run(["bash", str(root / "lab"), "hub", "add", *missing], cwd=root, env=dict(os.environ, LAB_HUB_DIR=str(hub.state)),
                       stdout=hub.log, stderr=subprocess.STDOUT, timeout=120)
    known = {u["name"] for u in hub.call("GET", "/users")}
    check.record(set(students) <= known, say("users added with ./lab hub add (the REST API)"),
                 "added %s, %s known already" % (", ".join(missing) or "none", len(students) - len(missing)))
    tokens = {u: hub.call("POST", "/users/%s/tokens" % u, {"note": "hub check", "expires_in": 3600})["token"] for u in students}
    for user in students:
        hub.call("POST", "/users/%s/server" % user)
    waiting = wait_ready(hub, students)
    if not check.record(not waiting, say("three students' servers started"),
                        "not ready after %d s: %s" % (SERVER_START_S, ", ".join(sorted(waiting))) if waiting else ""):
        return

    lesson = "notebooks/01-base-model.ipynb"
    homes = {u: mode.home(u) / "finetune-lab" for u in students}
    own_copies = all((homes[u] / lesson).is_file() and (homes[u] / "exercises" / EXERCISE[1]).is_dir() for u in students)
    detail = ""
    if isinstance(mode, SystemUsers):
        import pwd
        owners = {u: pwd.getpwuid((homes[u] / lesson).stat().st_uid).pw_name for u in students if (homes[u] / lesson).is_file()}
        own_copies = own_copies and all(owners[u] == u for u in students) \
            and not any((homes[u] / lesson).stat().st_mode & 0o022 for u in students)
        detail = "owners %s" % sorted(set(owners.values()))
    check.record(own_copies, say("each student has their own copy of notebooks/ and exercises/ in their home"), detail)

    code = hub.status("GET", "/user/%s/api/contents/%s" % (alice, lesson), tokens[bob])
    check.record(code in (403, 404), say("bob's token does not open alice's server"), "HTTP %d" % code)

    checkout_before = (root / lesson).read_bytes()
    model = contents(hub, alice, tokens[alice], lesson)
    model["content"]["cells"].insert(0, {"cell_type": "markdown", "metadata": {}, "source": MARK})
    contents(hub, alice, tokens[alice], lesson, {"type": "notebook", "format": "json", "content": model["content"]})
    seen = [MARK in json.dumps(contents(hub, u, tokens[u], lesson)["content"]) for u in students]
    check.record(seen == [True, False, False] and (root / lesson).read_bytes() == checkout_before,
                 say("alice's change to a notebook stays in her copy (bob, carol and the checkout do not see it)"),
                 "seen by alice, bob, carol: %s" % seen)

    # The next login: the start script adds what is missing and must keep what alice changed.
    removed = sorted((homes[alice] / "exercises" / EXERCISE[1]).glob("*.java"))[0]
    removed.unlink()
    hub.call("DELETE", "/users/%s/server" % alice)
    deadline = time.monotonic() + SERVER_START_S
    while hub.call("GET", "/users/" + alice)["servers"] and time.monotonic() < deadline:
        time.sleep(0.5)
    hub.call("POST", "/users/%s/server" % alice)
    waiting = wait_ready(hub, [alice])
    kept = not waiting and MARK in json.dumps(contents(hub, alice, tokens[alice], lesson)["content"])
    check.record(kept and removed.is_file(), say("at alice's next start her change is kept and a file missing from her "
                                                 "copy is back"), "server ready: %s" % (not waiting))

    original = json.loads(checkout_before)
    cells = ["".join(c["source"]) for c in original["cells"] if c["cell_type"] == "code"][:2]
    cells.append('System.out.println("own file: " + Notebook.file("data/my-personas/robot.jsonl"));')
    kernels = {}
    for user in students:
        session = hub.call("POST", "/api/sessions", {"path": lesson, "type": "notebook", "name": "",
                                                    "kernel": {"name": "finetune-lab"}},
                           token=tokens[user], prefix="/user/%s" % user)
        kernels[user] = session["kernel"]["id"]
    hub.note_processes()

    async def all_at_once():
        return await asyncio.gather(*(run_cells(hub, u, tokens[u], kernels[u], cells) for u in students),
                                    return_exceptions=True)
    results = asyncio.run(all_at_once())
    hub.note_processes()
    for user, result in zip(students, results):
        if isinstance(result, BaseException):
            check.record(False, say("lesson 01's first cells in %s's Java kernel" % user), "%s: %s" % (type(result).__name__, result))
            continue
        ok, output, seconds, restarts = result
        own = "own file: %s" % (homes[user] / "data" / "my-personas" / "robot.jsonl")
        good = ok and "Computing on" in output and "parameters" in output and own in output
        restarted = "; the kernel did not answer at its start and was restarted %d time(s)" % restarts if restarts else ""
        check.record(good, say("lesson 01's first cells in %s's Java kernel, three kernels at once; data/my-personas/ "
                               "is in the student's copy" % user),
                     ("%.0f s" % seconds if good else output.strip()[-300:]) + restarted)
    print("[%s] resident memory, median: a student's Jupyter server %.0f MB, a Java kernel after lesson 01's first cells %.0f MB"
          % (mode.title, resident_mb(hub.seen, "jupyterhub-singleuser"), resident_mb(hub.seen, "KernelLauncher")),
          file=hub.log, flush=True)

    solution_dir = root / "solutions" / EXERCISE[1]
    for source in sorted(solution_dir.glob("*.java")):
        contents(hub, alice, tokens[alice], "exercises/%s/%s" % (EXERCISE[1], source.name),
                 {"type": "file", "format": "text", "content": source.read_text()})
    grading = hub.state / "grading"
    env = dict(os.environ, LAB_HUB_DIR=str(hub.state))
    collect = subprocess.run(["bash", str(root / "lab"), "hub", "collect", EXERCISE[0], "--out", str(grading)],
                             cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
    print(collect.stdout, file=hub.log, flush=True)
    points = {}
    if (grading / "grades.csv").is_file():
        for line in (grading / "grades.csv").read_text().splitlines()[1:]:
            fields = line.split(",")
            points[fields[0]] = fields[2] if len(fields) > 2 else "?"
    handed_in = collect.returncode == 0 and points.get(alice, "0") not in ("0", "?") \
        and points.get(bob) == "0" and points.get(carol) == "0"
    check.record(handed_in, say("./lab hub collect grades the class: alice's solved %s scores, bob's and carol's untouched copies 0"
                 % EXERCISE[0]), "points %s, exit code %d" % (points, collect.returncode))


def run_mode(root, mode_type, check, log):
    state = root / "target" / ("hub-test" if mode_type is TestMode else "hub-test-system")
    subprocess.run(["rm", "-rf", str(state)], check=True)
    state.mkdir(parents=True)
    mode = mode_type(state)
    hub = Hub(root, state, log)
    try:
        mode.set_up(check)
        hub.uids = mode.uids
        check_hub(hub, root, check, mode)
    except (Exception, KeyboardInterrupt) as error:
        check.record(False, "[%s] the hub check stopped" % mode.title, "%s: %s" % (type(error).__name__, error))
    finally:
        problem = hub.stop()
        left = hub.leftovers()
        check.record(not left and not problem and hub.process is not None,
                     "[%s] stopping ./lab hub stopped everything it started" % mode.title,
                     "%d processes noted while it ran%s%s" % (len(hub.seen), "; " + problem if problem else "",
                                                               "; killed left over: %s" % left if left else ""))
        mode.tear_down()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", required=True)
    parser.add_argument("--counts")
    parser.add_argument("--log", required=True)
    parser.add_argument("--test-mode-only", action="store_true", help="skip the system users' part even as root")
    args = parser.parse_args()
    root = Path(args.root).resolve()
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    modes = [TestMode]
    if os.geteuid() == 0 and shutil.which("useradd") and not args.test_mode_only:
        modes.append(SystemUsers)
    with open(args.log, "w") as log:
        check = Check(log)
        for mode in modes:
            run_mode(root, mode, check, log)
        if len(modes) == 1:
            print("note: the system users' part (PAM logins, servers running as each student) runs only as root")
        if args.counts:
            Path(args.counts).parent.mkdir(parents=True, exist_ok=True)
            Path(args.counts).write_text("%d %d\n" % (check.passed, check.failed))
        print("%d passed, %d failed" % (check.passed, check.failed))
    return 0 if check.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
