#!/usr/bin/python3
"""tabletop.v1 over real sockets: a drill served with --serve and driven by
two player seats, the facilitator and the observer (docs/protocol.md).

Run by CTest with Debian's /usr/bin/python3 and python3-websockets; a
missing module is a failure, never a skip."""
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

import websockets  # python3-websockets (Debian); ImportError fails the test

TABLETOP, SOURCE = sys.argv[1], sys.argv[2]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        failures.append(what)


def http(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


class Seat:
    def __init__(self, url):
        self.ws_url = url.replace("http://", "ws://").replace("/join/", "/ws/")
        self.msgs = []

    async def open(self):
        self.ws = await websockets.connect(self.ws_url, subprotocols=["tabletop.v1"],
                                           max_size=1 << 22)
        self.task = asyncio.create_task(self.reader())

    async def reader(self):
        try:
            async for m in self.ws:
                self.msgs.append(json.loads(m))
        except websockets.ConnectionClosed:
            pass

    async def send(self, obj):
        await self.ws.send(obj if isinstance(obj, str) else json.dumps(obj))

    async def wait(self, pred, timeout=5.0):
        end = asyncio.get_event_loop().time() + timeout
        while asyncio.get_event_loop().time() < end:
            for m in self.msgs:
                if pred(m):
                    return m
            await asyncio.sleep(0.02)
        return None

    def events(self):
        return [m["record"] for m in self.msgs if m.get("type") == "event"]

    def errors(self, code):
        return [m for m in self.msgs if m.get("type") == "error" and m.get("code") == code]

    async def close(self):
        await self.ws.close()
        await self.task


def is_event(kind, **fields):
    def pred(m):
        if m.get("type") != "event" or m["record"].get("type") != kind:
            return False
        r = m["record"]
        return all(r.get(k) == v or (k == "text" and v in json.dumps(r.get("text"), ensure_ascii=False))
                   for k, v in fields.items())
    return pred


async def drill(links, proc):
    fac = Seat(links["facilitator"])
    obs = Seat(links["observer"])
    sysadmin = Seat(next(s["url"] for s in links["seats"] if s["role"] == "sysadmin"))
    user = Seat(next(s["url"] for s in links["seats"] if s["role"] == "user"))
    for s in (fac, obs, sysadmin, user):
        await s.open()
    hello = await user.wait(lambda m: m.get("type") == "hello")
    check(hello and hello["protocol"] == "tabletop.v1" and hello["seat"]["member"] == "Ito",
          "hello names the protocol, the role and the member")
    check(await user.wait(lambda m: m.get("type") == "menu") is not None, "a player gets its menu")
    menu = (await user.wait(lambda m: m.get("type") == "menu"))["actions"]
    ids = {a["id"] for a in menu}
    check("call_sysadmin" in ids and "user_unplug" in ids and "pull_cable" not in ids,
          "the user's menu holds only the user's actions")
    check(await user.wait(is_event("inject", id="av_alert")) is not None,
          "the user sees the inject addressed to the user")
    await asyncio.sleep(0.3)
    check(not any(r.get("id") == "av_alert" for r in sysadmin.events()),
          "the sysadmin seat never receives the inject addressed to the user")

    # Facilitator injects: to a role, to one member.
    await fac.send({"type": "inject", "to": "sysadmin", "text": "secret-for-sysadmin"})
    await fac.send({"type": "inject", "to": "user", "member": "Ito", "text": "only-for-ito"})
    check(await sysadmin.wait(is_event("custom", text="secret-for-sysadmin")) is not None,
          "a facilitator inject to a role reaches that role")
    check(await user.wait(is_event("custom", text="only-for-ito")) is not None,
          "a facilitator inject to a member reaches that member")
    await asyncio.sleep(0.3)
    check(not any("secret-for-sysadmin" in json.dumps(r, ensure_ascii=False) for r in user.events()),
          "the user never receives the sysadmin's inject")
    check(not any("only-for-ito" in json.dumps(r, ensure_ascii=False) for r in sysadmin.events()),
          "the sysadmin never receives the user's inject")
    check(await obs.wait(is_event("custom", text="only-for-ito")) is not None,
          "the observer sees everything")

    # Acting: another role's action, an unavailable one, then a good one.
    await user.send({"type": "act", "action": "pull_cable"})
    check(await user.wait(lambda m: m.get("code") == "not_your_role") is not None,
          "another role's action is refused to that seat")
    await sysadmin.send({"type": "act", "action": "pull_cable"})
    check(await sysadmin.wait(lambda m: m.get("code") == "not_available") is not None,
          "an action not available now is refused with its reason")
    await user.send({"type": "act", "action": "call_sysadmin", "note": "calling"})
    act = await user.wait(is_event("action", id="call_sysadmin"))
    check(act is not None and act["record"]["member"] == "Ito", "the user's action is journaled by member")
    await obs.send({"type": "act", "action": "call_sysadmin"})
    check(await obs.wait(lambda m: m.get("code") == "forbidden") is not None,
          "an observer cannot act")
    await user.send({"type": "pause"})
    check(await user.wait(lambda m: m.get("code") == "forbidden") is not None,
          "a player cannot use the facilitator's controls")

    # The consequence: once the call is done the sysadmin may pull the cable.
    def can_pull(m):
        return m.get("type") == "menu" and any(a["id"] == "pull_cable" and a["available"]
                                               for a in m["actions"])
    check(await sysadmin.wait(can_pull, timeout=8) is not None,
          "the sysadmin's menu offers pull_cable after the user's call")

    # Answers.
    await user.send({"type": "answer", "inject": "av_alert", "question": 0, "text": "the IT desk"})
    ans = await fac.wait(is_event("answer", id="av_alert"))
    check(ans is not None and ans["record"]["note"] == "the IT desk" and ans["record"]["member"] == "Ito",
          "an answer reaches the facilitator with its member")
    await sysadmin.send({"type": "answer", "inject": "av_alert", "question": 0, "text": "x"})
    check(await sysadmin.wait(lambda m: m.get("code") == "not_answerable") is not None,
          "a seat cannot answer a question it was not asked")

    # Bad input: each gets an error to that seat only.
    before = len(sysadmin.msgs)
    await user.send("{not json")
    check(await user.wait(lambda m: m.get("code") == "bad_json") is not None, "malformed JSON")
    await user.send({"type": "launch_missiles"})
    check(await user.wait(lambda m: m.get("code") == "unknown_type") is not None, "unknown type")
    await user.send(json.dumps({"type": "note", "text": "x" * (70 * 1024)}))
    check(await user.wait(lambda m: m.get("code") == "too_long") is not None,
          "a frame over 64 KiB is refused")
    await asyncio.sleep(0.5)
    check(not any(m.get("type") == "error" for m in sysadmin.msgs[before:]),
          "errors go to the offending seat only")
    for _ in range(60):
        await user.send({"type": "ping"})
    check(await user.wait(lambda m: m.get("code") == "rate_limited") is not None,
          "a flood from one seat is rate limited")
    await asyncio.sleep(2.5)  # the bucket refills
    await user.send({"type": "ping"})
    check(await user.wait(lambda m: m.get("type") == "pong") is not None,
          "the seat still works after bad input")

    # Reconnect: the same link catches up from the start.
    await user.close()
    user2 = Seat(next(s["url"] for s in links["seats"] if s["role"] == "user"))
    await user2.open()
    check(await user2.wait(is_event("inject", id="av_alert")) is not None and
          await user2.wait(is_event("custom", text="only-for-ito")) is not None,
          "a reconnected seat catches up on what it had seen")

    # Wrong token on the socket.
    bad = links["observer"].replace("http://", "ws://").replace("/join/", "/ws/")[:-1]
    bad += "0" if not bad.endswith("0") else "1"
    try:
        w = await websockets.connect(bad, subprotocols=["tabletop.v1"])
        await w.close()
        check(False, "a wrong token opens no socket")
    except Exception:
        check(True, "a wrong token opens no socket")

    # The facilitator ends: every seat is told, then the server goes away.
    await fac.send({"type": "end"})
    check(await user2.wait(is_event("end")) is not None, "the end reaches the players")
    for s in (fac, obs, sysadmin, user2):
        try:
            await asyncio.wait_for(s.task, 10)
        except asyncio.TimeoutError:
            pass


def main():
    tmp = tempfile.mkdtemp(prefix="tt-web-")
    roster = os.path.join(tmp, "roster.yaml")
    with open(roster, "w") as f:
        f.write('team: "Blue"\nmembers:\n  - { name: "Sato", role: sysadmin }\n'
                '  - { name: "Ito", role: user }\n')
    journal, seats, card = (os.path.join(tmp, n) for n in ("j.yaml", "seats.json", "card.json"))
    proc = subprocess.Popen([TABLETOP, "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none",
                             "--roster", roster, "--journal", journal, "--seats", seats,
                             "--speed", "60", "--lang", "en", "--scorecard", card],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, TT_SOURCE_DIR=SOURCE))
    for _ in range(200):
        if os.path.exists(seats) and os.path.getsize(seats) > 0 or proc.poll() is not None:
            break
        time.sleep(0.05)
    try:
        links = json.load(open(seats))
    except Exception as e:  # the server did not start
        proc.kill()
        print(proc.communicate()[1])
        check(False, f"the server starts and writes --seats ({e})")
        return
    check(set(links) == {"facilitator", "observer", "seats"} and len(links["seats"]) == 2,
          "--seats lists the facilitator, the observer and one seat per member")
    check(links["facilitator"].startswith("http://127.0.0.1:"), "the default address is loopback")
    check(oct(os.stat(journal + ".links").st_mode & 0o777) == "0o600",
          "the tokens are kept beside the journal, readable by the owner only")
    status, body = http(links["seats"][0]["url"])
    check(status == 200 and 'data-kind="player"' in body, "a seat's link serves the player page")
    status, body = http(links["facilitator"])
    check(status == 200 and 'data-kind="facilitator"' in body, "the facilitator's page")
    wrong = links["observer"][:-4] + "abcd"
    status, body = http(wrong)
    check(status == 403 and "app.js" not in body, "a wrong token gets 403 and no page")
    status, _ = http(links["observer"].rsplit("/join/", 1)[0] + "/join/")
    check(status == 403, "no token gets 403")

    asyncio.run(drill(links, proc))
    try:
        out, err = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    check(proc.returncode == 0, f"the drill ends cleanly (exit {proc.returncode}) {err[-300:]}")
    check(not os.path.exists(journal + ".links"), "the tokens are forgotten at the end")
    text = open(journal, encoding="utf-8").read()
    check(links["facilitator"].rsplit("/", 1)[1] not in text and
          all(s["url"].rsplit("/", 1)[1] not in text for s in links["seats"]),
          "the journal holds no token")
    check('type: answer' in text and '"the IT desk"' in text, "the answer is journaled")
    check('to: "user"' in text and 'member: "Ito"' in text, "the targeted inject is journaled")
    try:
        hot = json.load(open(card)).get("hotwash", [])
    except Exception:
        hot = []
    check(any(h["member"] == "Ito" and h["answer"] == "the IT desk" and h["inject"] == "av_alert"
              for h in hot), "the scorecard's hot wash lists the answer by member")
    html = os.path.join(tmp, "card.html")
    subprocess.run([TABLETOP, "score", journal, "-o", html, "--lang", "en"], capture_output=True)
    body = open(html, encoding="utf-8").read() if os.path.exists(html) else ""
    check('id="hotwash"' in body and "the IT desk" in body and "Ito" in body,
          "the HTML scorecard has the hot-wash section")
    r = subprocess.run([TABLETOP, "replay", journal], capture_output=True, text=True)
    check(r.returncode == 0, "the journal replays identically: " + r.stdout[-200:] + r.stderr[-200:])



async def after_crash(links, journal, tmp):
    """kill -9 of the server, then resume --serve: the same links, nothing lost."""
    user_url = next(s["url"] for s in links["seats"] if s["role"] == "user")
    user = Seat(user_url)
    await user.open()
    await user.send({"type": "act", "action": "call_sysadmin"})
    check(await user.wait(is_event("action", id="call_sysadmin")) is not None, "acted before the crash")
    await user.send({"type": "note", "text": "before-the-crash"})
    check(await user.wait(is_event("note")) is not None, "a note before the crash")
    return user


def crash_and_resume():
    tmp = tempfile.mkdtemp(prefix="tt-web-kill-")
    journal, seats = os.path.join(tmp, "j.yaml"), os.path.join(tmp, "seats.json")
    proc = subprocess.Popen([TABLETOP, "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none",
                             "--journal", journal, "--seats", seats, "--speed", "60", "--lang", "en",
                             "--no-scorecard"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(200):
        if os.path.exists(seats) and os.path.getsize(seats) > 0 or proc.poll() is not None:
            break
        time.sleep(0.05)
    links = json.load(open(seats))
    port = links["facilitator"].split(":")[2].split("/")[0]

    async def phase1():
        u = await after_crash(links, journal, tmp)
        proc.kill()  # SIGKILL: no chance to tidy up
        proc.wait()
        await asyncio.wait_for(u.task, 5)
    asyncio.run(phase1())
    check(os.path.exists(journal + ".links"), "the tokens survive a kill -9")
    seats2 = os.path.join(tmp, "seats2.json")
    proc2 = subprocess.Popen([TABLETOP, "resume", journal, "--serve", "127.0.0.1:" + port, "--ui", "none",
                              "--seats", seats2, "--no-scorecard", "--lang", "en"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(200):
        if os.path.exists(seats2) and os.path.getsize(seats2) > 0 or proc2.poll() is not None:
            break
        time.sleep(0.05)
    try:
        links2 = json.load(open(seats2))
    except Exception:
        proc2.kill()
        check(False, "resume --serve starts: " + proc2.communicate()[1][-300:])
        return
    check(links2 == links, "resume --serve gives every seat the same link")

    async def phase2():
        user = Seat(next(s["url"] for s in links["seats"] if s["role"] == "user"))
        fac = Seat(links["facilitator"])
        await user.open()
        await fac.open()
        check(await user.wait(is_event("action", id="call_sysadmin")) is not None and
              await user.wait(is_event("note", note="before-the-crash")) is not None,
              "after the crash the same link catches up on everything before it")
        st = await user.wait(lambda m: m.get("type") == "status")
        check(st is not None and st["phase"] == "paused", "the resumed drill waits, paused")
        await fac.send({"type": "resume"})
        check(await user.wait(lambda m: m.get("type") == "status" and m["phase"] == "running") is not None,
              "the facilitator resumes it from the page")
        await user.send({"type": "note", "text": "after-the-crash"})
        check(await user.wait(is_event("note", note="after-the-crash")) is not None,
              "the seat goes on after the crash")
        await fac.send({"type": "end"})
        await user.wait(is_event("end"))
    asyncio.run(phase2())
    try:
        proc2.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        proc2.kill()
        proc2.communicate()
    check(proc2.returncode == 0, f"the resumed drill ends cleanly (exit {proc2.returncode})")
    r = subprocess.run([TABLETOP, "replay", journal], capture_output=True, text=True)
    text = open(journal, encoding="utf-8").read()
    check(r.returncode == 0 and "before-the-crash" in text and "after-the-crash" in text,
          "the journal holds both sides of the crash and replays: " + r.stdout[-150:] + r.stderr[-150:])



def over_tls():
    """--tls-cert/--tls-key: the pages over HTTPS and the socket over WSS."""
    import ssl
    tmp = tempfile.mkdtemp(prefix="tt-web-tls-")
    cert, key = os.path.join(tmp, "c.pem"), os.path.join(tmp, "k.pem")
    r = subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                        "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"], capture_output=True)
    check(r.returncode == 0, "openssl makes a test certificate")
    seats = os.path.join(tmp, "seats.json")
    proc = subprocess.Popen([TABLETOP, "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none",
                             "--journal", os.path.join(tmp, "j.yaml"), "--seats", seats,
                             "--tls-cert", cert, "--tls-key", key, "--no-scorecard", "--lang", "en"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for _ in range(200):
        if os.path.exists(seats) and os.path.getsize(seats) > 0 or proc.poll() is not None:
            break
        time.sleep(0.05)
    try:
        links = json.load(open(seats))
    except Exception:
        proc.kill()
        check(False, "the TLS server starts: " + proc.communicate()[1][-300:])
        return
    check(links["observer"].startswith("https://"), "TLS links are https://")
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    try:
        with urllib.request.urlopen(links["observer"], timeout=5, context=ctx) as resp:
            ok = resp.status == 200 and 'data-kind="observer"' in resp.read().decode()
    except Exception as e:
        ok = False
        print(e)
    check(ok, "the observer page over HTTPS")

    async def wss():
        url = links["observer"].replace("https://", "wss://").replace("/join/", "/ws/")
        async with websockets.connect(url, subprotocols=["tabletop.v1"], ssl=ctx) as w:
            m = json.loads(await asyncio.wait_for(w.recv(), 5))
            return m.get("type") == "hello"
    try:
        check(asyncio.run(wss()), "the socket over WSS says hello")
    except Exception as e:
        check(False, f"the socket over WSS ({e})")
    proc.terminate()
    try:
        proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()


main()
crash_and_resume()
over_tls()
print(f"{len(failures)} failed" if failures else "all passed")
sys.exit(1 if failures else 0)
