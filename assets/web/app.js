// tabletop.v1 client for the player, facilitator and observer pages.
// No build step, no outside resources: plain DOM, one WebSocket.
"use strict";
(function () {
  const kind = document.body.dataset.kind;
  const token = location.pathname.split("/").pop();
  const $ = (id) => document.getElementById(id);
  let S = {};               // strings of the current language
  let all = {};             // both languages: the terms table (/terms.json)
  let lang = "ja";
  let hello = null;
  let status = null, statusAt = 0;
  let menu = null;
  const records = [];       // records this seat may see, oldest first
  const answered = {};      // "inject/question" -> true
  let ws = null, ended = false, retry = 500;

  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // A text of the terms table (include/tabletop/terms.h) by its key; every
  // key is written out in full here so tests/base/test_terms.c can check it.
  const t = (key) => S[key] || key;
  const PHASES = { ready: "M_STATUS_READY", running: "M_STATUS_RUNNING", paused: "M_STATUS_PAUSED", ended: "M_STATUS_ENDED" };
  const ERRORS = {
    rate_limited: "W_ERR_RATE_LIMITED", not_available: "W_ERR_NOT_AVAILABLE", not_your_role: "W_ERR_NOT_YOUR_ROLE",
    too_long: "W_ERR_TOO_LONG", bad_json: "W_ERR_BAD_MESSAGE", bad_message: "W_ERR_BAD_MESSAGE",
    unknown_type: "W_ERR_BAD_MESSAGE", forbidden: "W_ERR_FORBIDDEN", not_running: "W_ERR_NOT_RUNNING",
    not_answerable: "W_ERR_NOT_ANSWERABLE", unknown_target: "W_ERR_UNKNOWN_TARGET",
    unknown_action: "W_ERR_UNKNOWN_ACTION", busy: "W_ERR_BUSY", internal: "W_ERR_INTERNAL",
  };
  const PHASE_NAMES = { isolate: "M_PHASE_ISOLATE", report: "M_PHASE_REPORT", recover: "M_PHASE_RECOVER" };
  const RATING_NAMES = { P: "LBL_RATING_P", S: "LBL_RATING_S", M: "LBL_RATING_M", U: "LBL_RATING_U", "N/A": "LBL_RATING_NA" };
  // A printf-style entry of the table (..._FMT) with its arguments in order.
  const tf = (key, ...args) => t(key).replace(/%(zu|d|s|g)/g, () => String(args.shift()));
  const pick = (x) => (x ? x[lang] || x.ja || x.en || "" : "");
  function fmt(ms) {
    const s = Math.floor(ms / 1000), d = Math.floor(s / 86400);
    const h = Math.floor(s / 3600) % 24, m = Math.floor(s / 60) % 60, x = s % 60;
    const p = (n) => String(n).padStart(2, "0");
    return (d ? "+" + d + "d " + p(h) : "+" + h) + ":" + p(m) + ":" + p(x);
  }
  const span = (ms) => fmt(Math.max(0, ms)).slice(1);   // a length of time: no "+"
  const objective = (id) => ((hello && hello.scenario.objectives) || []).find((o) => o.id === id);
  function party(id) {
    if (!id) return t("M_EVERYONE");
    if (Array.isArray(id)) return id.map(party).join(", "); // API 1.1: several roles
    if (id === "facilitator") return t("W_SEAT_FACILITATOR");
    const sc = hello.scenario;
    if (sc.roles[id]) return pick(sc.roles[id].name);
    if (sc.actors[id]) return pick(sc.actors[id].name);
    return id;
  }
  const actionLabel = (id) => {
    const a = hello && hello.scenario.actions[id];
    return a ? pick(a.label) : id || "";
  };

  function send(msg) {
    if (ws && ws.readyState === 1) ws.send(JSON.stringify(msg));
  }
  function showError(code, message, why) {
    const box = $("error");
    // The engine's reason in the page's language when the server sent both.
    const reason = why ? pick(why) : message;
    box.textContent = ERRORS[code] ? t(ERRORS[code]) + (code === "not_available" && reason ? ": " + reason : "")
      : t("W_ERR_OTHER") + ": " + message;
    box.hidden = false;
    clearTimeout(showError.t);
    showError.t = setTimeout(() => { box.hidden = true; }, 6000);
  }

  function showNotice(text) {
    const box = $("error");
    box.textContent = text;
    box.hidden = false;
    clearTimeout(showError.t);
    showError.t = setTimeout(() => { box.hidden = true; }, 6000);
  }

  // ---- rendering ----
  function renderStatic() {
    document.documentElement.lang = lang;
    $("lang").textContent = t("W_LANG_SWITCH");
    for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
    if (!hello) return;
    $("title").textContent = pick(hello.scenario.title);
    document.title = pick(hello.scenario.title) + " — tabletop";
    const seat = hello.seat;
    $("seat").textContent = seat.kind === "player" ? party(seat.role) + (seat.member ? " / " + seat.member : "")
      : seat.kind === "facilitator" ? t("W_SEAT_FACILITATOR") : t("W_SEAT_OBSERVER");
    if (kind === "facilitator") renderTargets();
  }
  function renderClock() {
    if (!status) return;
    let now = status.t;
    if (status.phase === "running") now += (performance.now() - statusAt) * status.speed;
    now = Math.min(now, status.length);
    $("sim").textContent = fmt(now);
    $("speed").textContent = "x" + Number(status.speed.toPrecision(4));
    $("phase").textContent = PHASES[status.phase] ? t(PHASES[status.phase]) : status.phase;
    renderScore(now);
  }
  // Staff seats: the drill scored as if it ended now, as the server sent it
  // (the terminal's /status and the dashboard give the same numbers); the
  // countdowns run with the clock.
  function renderScore(now) {
    const box = $("score");
    if (!box || !status || !status.score || !hello) return;
    const sc = status.score, over = status.phase === "ended";
    $("score-title").textContent = t(over ? "S_SCORE_FINAL" : "S_SCORE");
    const num = $("score-num");
    num.textContent = sc.score === null ? "—" : String(sc.score);
    num.dataset.tone = sc.tone;
    box.dataset.tone = sc.tone;
    $("score-line").textContent = sc.score === null ? t("M_SCORE_NOW_NONE")
      : over ? t(RATING_NAMES[sc.rating]) + " — " + t("S_SCORE_FINAL_NOTE")
      : tf("M_SCORE_NOW_FMT", sc.score, t(RATING_NAMES[sc.rating]));
    const na = $("score-na");
    na.textContent = sc.not_assessed ? tf("M_SCORE_NOT_ASSESSED_FMT", sc.not_assessed).trim() : "";
    na.hidden = !sc.not_assessed;
    const ul = $("objectives");
    ul.replaceChildren();
    for (const o of sc.objectives) {
      const def = objective(o.id) || { title: null, phase: "", target: 0, limit: 0 };
      let state;
      if (o.status === "reached") state = t("M_OBJ_AT_REACHED") + " " + fmt(o.at);
      else if (o.status === "missed") state = t("M_OBJ_AT_MISSED") + " " + fmt(o.at);
      else if (over) state = t("M_OBJ_OPEN");
      else state = t("M_OBJ_OPEN") + ", " + (now <= def.target ? t("M_OBJ_TARGET_IN") + " " + span(def.target - now)
        : t("M_OBJ_TARGET_PASSED") + " (" + span(now - def.target) + ")") + ", " + t("M_OBJ_LIMIT_IN") + " " + span(def.limit - now);
      const li = el("li", "objective " + o.status);
      li.dataset.id = o.id;
      li.append(el("span", "verdict", o.rating === "N/A" ? t("M_VERDICT_NA") : o.rating + " " + o.score),
        el("span", "", "[" + (PHASE_NAMES[def.phase] ? t(PHASE_NAMES[def.phase]) : def.phase) + "] " + (pick(def.title) || o.id) + ": " + state));
      li.firstChild.dataset.rating = o.rating;
      ul.append(li);
    }
  }
  function renderPending() {
    const ul = $("pending");
    ul.replaceChildren();
    for (const p of (status && status.pending) || []) {
      if (!p.action) continue;
      // An action an actor asked about has no completion time: it waits for the answer.
      const li = el("li", p.waiting ? "waiting" : "", actionLabel(p.id) + (kind !== "player" ? " (" + party(p.role) + ")" : "") + " — " +
        t(p.waiting ? "M_PENDING_WAITING" : "M_ACTION_DONE_AT") + " " + fmt(p.at));
      if (kind === "player" && !ended) {
        // API 1.1: an action in progress can be called off.
        const b = el("button", "cancel", t("W_CANCEL_ACTION"));
        b.type = "button";
        b.dataset.action = p.id;
        b.addEventListener("click", () => send({ type: "cancel", action: p.id }));
        li.append(" ", b);
      }
      ul.append(li);
    }
  }
  function renderMenu() {
    const ol = $("menu");
    if (!ol || !menu) return;
    ol.replaceChildren();
    for (const a of menu.actions) {
      const li = el("li", a.available ? "on" : "off");
      // The terminal's stable number: "N." when available, "(N)" when not.
      li.append(el("span", "n", a.available ? a.number + "." : "(" + a.number + ")"), el("span", "label", pick(a.label)));
      const b = el("button", "take", t("W_TAKE"));
      b.type = "button";
      b.dataset.action = a.id;
      b.disabled = !a.available || ended;
      b.addEventListener("click", () => {
        const note = $("act-note").value.trim();
        send(note ? { type: "act", action: a.id, note } : { type: "act", action: a.id });
        $("act-note").value = "";
      });
      li.append(b);
      if (!a.available) li.append(el("span", "why", (a.why && pick(a.why)) || t("M_NOT_AVAILABLE")));
      ol.append(li);
    }
  }
  function recordLine(r) {
    switch (r.type) {
      // an inject without `from` has no sender (party() of nothing is "everyone")
      case "inject": return [t("M_INJECT"), (r.from ? party(r.from) + " " : "") + "→ " + party(r.to) + ": " + pick(r.text)];
      case "message": return [t("M_MESSAGE"), (r.from ? party(r.from) + " " : "") + "→ " + party(r.to) + ": " + pick(r.text)];
      case "custom": return [t("M_CUSTOM"), (r.to ? "→ " + party(r.to) + (r.member ? " (" + r.member + ")" : "") + ": " : "") + pick(r.text)];
      case "action": return [t("M_ACTION"), party(r.role) + (r.member ? " (" + r.member + ")" : "") + ": " + actionLabel(r.id) + " — " + t("M_ACTION_DONE_AT") + " " + fmt(r.until) + (r.note ? " — " + r.note : "")];
      case "done": return [t("M_DONE"), party(r.role) + ": " + actionLabel(r.id)];
      case "refused": return [t("M_REFUSED"), party(r.role) + ": " + actionLabel(r.id) + " — " + pick(r.text)];
      case "note": return [t("M_NOTE"), party(r.role) + (r.member ? " (" + r.member + ")" : "") + ": " + r.note];
      case "answer": return [t("M_ANSWER"), party(r.role) + (r.member ? " (" + r.member + ")" : "") + ": " + pick((r.questions || [])[0]) + " — " + r.note];
      case "cancel": return [t(r.status ? "M_CANCEL_REFUSED" : "M_CANCEL"), party(r.role) + ": " + actionLabel(r.id) + (r.status ? " — " + pick(r.text) : "") + (r.note ? " — " + r.note : "")];
      case "reply": return [t(r.status ? "M_REPLY_REFUSED" : "M_REPLY"), party(r.role) + ": " + actionLabel(r.id) + " — " + (r.status ? pick(r.text) : r.note)];
      case "declined": return [t("M_DECLINED"), party(r.from) + " → " + party(r.role) + ": " + actionLabel(r.id) + " — " + pick(r.text)];
      case "asked": return [t("M_ASKED"), party(r.from) + " → " + party(r.role) + ": " + actionLabel(r.id) + " — " + pick(r.text)];
      case "objective": return [t(r.status === "reached" ? "M_OBJ_REACHED" : "M_OBJ_MISSED"), objective(r.id) ? pick(objective(r.id).title) : r.id];
      case "end": return [t("M_END"), ""];
      case "pause": return [t("M_PAUSED"), ""];
      case "resume": return [t("M_RESUMED"), ""];
      case "speed": return [t("M_SPEED"), "x" + r.speed];
      default: return null;
    }
  }
  function renderFeed() {
    const ul = $("feed");
    ul.replaceChildren();
    for (let i = records.length - 1; i >= 0; i--) {
      const r = records[i];
      const line = recordLine(r);
      if (!line) continue;
      const li = el("li", r.type === "objective" ? "objective_" + r.status : r.type);
      li.append(el("span", "when", fmt(r.t)), el("strong", "", line[0]), document.createTextNode(line[1] ? " " + line[1] : ""));
      if (r.type === "inject" && r.questions) {
        r.questions.forEach((q, qi) => {
          const box = el("div", "q");
          box.append(el("div", "", t("M_QUESTION") + ": " + pick(q)));
          if (kind === "player") {
            const key = r.id + "/" + qi;
            if (answered[key]) box.append(el("div", "answered", t("W_ANSWERED")));
            else if (!ended) {
              const f = el("form");
              const input = el("input");
              input.maxLength = 4000;
              input.required = true;
              input.placeholder = t("W_YOUR_ANSWER");
              input.setAttribute("aria-label", t("W_YOUR_ANSWER"));
              input.dataset.inject = r.id;
              input.dataset.question = qi;
              const b = el("button", "", t("W_SEND"));
              b.type = "submit";
              f.append(input, b);
              f.addEventListener("submit", (ev) => {
                ev.preventDefault();
                const text = input.value.trim();
                if (text) send({ type: "answer", inject: r.id, question: qi, text });
              });
              box.append(f);
            }
          }
          li.append(box);
        });
      }
      if (r.type === "asked" && kind === "player" && !ended && !records.slice(i + 1).some((x) => x.type === "reply" && x.id === r.id && !x.status)) {
        // API 1.1: the actor waits for this seat's answer.
        const f = el("form");
        const input = el("input");
        input.maxLength = 4000;
        input.required = true;
        input.placeholder = t("W_YOUR_ANSWER");
        input.setAttribute("aria-label", t("W_YOUR_ANSWER"));
        input.dataset.reply = r.id;
        const b = el("button", "", t("W_SEND"));
        b.type = "submit";
        f.append(input, b);
        f.addEventListener("submit", (ev) => {
          ev.preventDefault();
          const text = input.value.trim();
          if (text) send({ type: "reply", action: r.id, text });
        });
        li.append(f);
      }
      ul.append(li);
    }
    if (kind === "facilitator") {
      const ans = $("answers");
      ans.replaceChildren();
      for (let i = records.length - 1; i >= 0; i--) {
        const r = records[i];
        if (r.type !== "answer") continue;
        ans.append(el("li", "", fmt(r.t) + " " + party(r.role) + (r.member ? " (" + r.member + ")" : "") + " — " + pick((r.questions || [])[0]) + ": " + r.note));
      }
    }
  }
  function renderTargets() {
    const sel = $("inject-to");
    const keep = sel.value;
    sel.replaceChildren(new Option(t("M_EVERYONE"), ""));
    for (const id of Object.keys(hello.scenario.roles)) sel.append(new Option(party(id), id));
    for (const m of hello.scenario.roster) sel.append(new Option(party(m.role) + " / " + m.name, m.role + "\u0000" + m.name));
    sel.value = keep;
  }
  function renderSeats(list) {
    const ul = $("seats");
    ul.replaceChildren();
    for (const s of list) {
      if (s.kind !== "player") continue;
      ul.append(el("li", s.connected ? "on" : "off", party(s.role) + (s.member ? " / " + s.member : "") + " — " + (s.connected ? t("W_CONNECTED") : t("W_NOT_CONNECTED"))));
    }
  }
  function renderAll() { renderStatic(); renderClock(); renderPending(); renderMenu(); renderFeed(); }

  // ---- the socket ----
  function connect() {
    const proto = location.protocol === "https:" ? "wss:" : "ws:";
    ws = new WebSocket(proto + "//" + location.host + "/ws/" + token, "tabletop.v1");
    ws.onopen = () => { retry = 500; $("conn").hidden = true; records.length = 0; };
    ws.onmessage = (ev) => {
      let m;
      try { m = JSON.parse(ev.data); } catch (e) { return; }
      switch (m.type) {
        case "hello":
          hello = m;
          if (!renderAll.once) { lang = m.lang === "en" ? "en" : "ja"; S = all[lang]; renderAll.once = true; }
          renderAll();
          break;
        case "event":
          records.push(m.record);
          if (m.record.type === "answer") answered[m.record.id + "/" + ((hello.scenario && findQuestion(m.record)) ?? "")] = true;
          if (m.record.type === "end") ended = true;
          scheduleFeed();
          break;
        case "status": status = m; statusAt = performance.now(); renderClock(); renderPending(); break;
        case "menu": menu = m; renderMenu(); break;
        case "seats": renderSeats(m.seats); break;
        case "error": showError(m.code, m.message, m.why); break;
        case "next_stop": showNotice(pick(m.text)); break;
        case "next_blocked":   // the terminal's y/N before passing a limit
          if (window.confirm(pick(m.text))) send({ type: "next", pass_limit: true });
          break;
      }
    };
    ws.onclose = () => {
      if (ended) { $("conn").textContent = t("W_ENDED_MSG"); $("conn").hidden = false; renderMenu(); return; }
      $("conn").textContent = t("W_RECONNECTING");
      $("conn").hidden = false;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 8000);
    };
  }
  // The answered question's index among the inject's questions.
  function findQuestion(a) {
    const inj = records.find((r) => r.type === "inject" && r.id === a.id);
    if (!inj || !inj.questions || !a.questions) return null;
    const q = a.questions[0];
    const i = inj.questions.findIndex((x) => x.ja === q.ja && x.en === q.en);
    return i < 0 ? null : i;
  }
  let feedQueued = false;
  function scheduleFeed() {
    if (feedQueued) return;
    feedQueued = true;
    requestAnimationFrame(() => { feedQueued = false; renderFeed(); if (ended) renderMenu(); });
  }

  // ---- controls ----
  $("lang").addEventListener("click", () => { lang = lang === "ja" ? "en" : "ja"; S = all[lang]; renderAll(); });
  if (kind === "facilitator") {
    for (const id of ["pause", "resume", "next"]) $(id).addEventListener("click", () => send({ type: id }));
    $("speed-set").addEventListener("click", () => {
      const v = Number($("speed-in").value);
      if (v > 0) send({ type: "speed", speed: v });
    });
    $("end").addEventListener("click", () => { if (confirm(t("W_END_CONFIRM"))) send({ type: "end" }); });
    $("inject-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = $("inject-text").value.trim();
      if (!text) return;
      const [to, member] = $("inject-to").value.split("\u0000");
      const msg = { type: "inject", text };
      if (to) msg.to = to;
      if (member) msg.member = member;
      send(msg);
      $("inject-text").value = "";
    });
  }
  setInterval(renderClock, 250);

  fetch("/terms.json").then((r) => r.json()).then((j) => {
    all = j;
    S = all[lang];
    renderStatic();
    connect();
  });
})();
