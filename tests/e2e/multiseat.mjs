// Real-browser end-to-end test of a multi-seat drill: Debian's chromium,
// headless, driven by playwright-core (never a downloaded browser).
// Two seats join, each sees only its own injects, one takes an action, the
// other sees its consequence, the facilitator ends, and the scorecard names
// the member who acted and lists the hot-wash answers.
// Usage: node multiseat.mjs TABLETOP SOURCE_DIR OUT_DIR
// A missing chromium or node module is a failure, never a skip.
import { chromium } from "playwright-core";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [tabletop, source, outDir] = process.argv.slice(2);
const CHROMIUM = "/usr/bin/chromium";
let failed = 0;
function check(cond, what) {
  console.log((cond ? "ok   " : "FAIL ") + what);
  if (!cond) failed++;
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`FAIL ${CHROMIUM} is missing (apt-get install chromium)`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tt-e2e-"));
const roster = path.join(tmp, "roster.yaml");
fs.writeFileSync(roster, 'team: "Blue"\nmembers:\n  - { name: "Sato", role: sysadmin }\n  - { name: "Ito", role: user }\n');
const journal = path.join(tmp, "j.yaml"), seats = path.join(tmp, "seats.json"), card = path.join(tmp, "card.json");
const server = spawn(tabletop, ["run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none", "--roster", roster,
  "--journal", journal, "--seats", seats, "--speed", "60", "--lang", "en", "--scorecard", card],
  { stdio: ["ignore", "pipe", "pipe"] });
let serverErr = "";
server.stderr.on("data", (d) => { serverErr += d; });
const exited = new Promise((resolve) => server.on("exit", (code) => resolve(code)));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
for (let i = 0; i < 200 && !(fs.existsSync(seats) && fs.statSync(seats).size > 0); i++) await sleep(50);
const links = JSON.parse(fs.readFileSync(seats, "utf8"));
const userUrl = links.seats.find((s) => s.role === "user").url;
const sysUrl = links.seats.find((s) => s.role === "sysadmin").url;

let finalScore = null, finalVerdicts = [];   // the facilitator's page at the end
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run"],
});
try {
  const phone = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 1 };
  const user = await (await browser.newContext(phone)).newPage();
  const sys = await (await browser.newContext(phone)).newPage();
  const fac = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  fac.on("dialog", (d) => d.accept());
  await Promise.all([user.goto(userUrl), sys.goto(sysUrl), fac.goto(links.facilitator)]);

  // Each seat sees only its own injects.
  await user.locator("#feed").getByText("antivirus shows an alert").waitFor({ timeout: 10000 });
  check(true, "the user's page shows the inject addressed to the user");
  check(await user.locator("#seat").innerText() === "PC user / Ito", "the page names the role and the member");
  await fac.selectOption("#inject-to", "sysadmin");
  await fac.fill("#inject-text", "Check the server room now");
  await fac.click("#inject-form button[type=submit]");
  await sys.locator("#feed").getByText("Check the server room now").waitFor({ timeout: 10000 });
  check(true, "a facilitator inject to the sysadmin reaches the sysadmin's page");
  await sleep(500);
  check(await sys.locator("#feed").getByText("antivirus shows an alert").count() === 0,
    "the sysadmin's page never shows the user's inject");
  check(await user.locator("#feed").getByText("Check the server room now").count() === 0,
    "the user's page never shows the sysadmin's inject");

  // The sysadmin cannot pull the cable yet; the user calls; then the sysadmin can.
  const pull = sys.locator('button[data-action="pull_cable"]');
  await pull.waitFor({ timeout: 10000 });
  check(await pull.isDisabled(), "pull_cable is not available before anyone called the sysadmin");
  // The terminal's stable number: "(N)" with the reason while unavailable.
  const pullRow = sys.locator("#menu li", { has: pull });
  const numberBefore = await pullRow.locator(".n").innerText();
  check(/^\(\d+\)$/.test(numberBefore), `an unavailable action shows its number in brackets (${numberBefore})`);
  check((await pullRow.locator(".why").innerText()).trim().length > 0, "and the reason it is not available");
  // Usable at 360 px: nothing wider than the phone, every control on screen.
  for (const [p, name] of [[user, "PC user"], [sys, "system staff"]]) {
    const wide = await p.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 360, `the ${name}'s page fits 360 px (scrollWidth ${wide})`);
    const off = await p.evaluate(() => [...document.querySelectorAll("button, input, select")]
      .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < 0 || r.right > 360); }).length);
    check(off === 0, `every control of the ${name}'s page lies within 360 px (${off} outside)`);
  }
  // The words come from the terms table (GET /terms.json).
  check(await user.locator('h2[data-t="W_ACTIONS"]').innerText() === "Actions", "the page's words come from the terms table");
  await user.click('button[data-action="call_sysadmin"]');
  await user.locator("#feed li.action").first().waitFor({ timeout: 10000 });
  check(true, "the user's action appears on the user's page");
  await sys.waitForSelector('button[data-action="pull_cable"]:not([disabled])', { timeout: 15000 });
  check(true, "the sysadmin's page offers pull_cable once the call is done (the consequence)");
  const numberAfter = await pullRow.locator(".n").innerText();
  check(numberAfter === numberBefore.slice(1, -1) + ".", `its number stays the same (${numberBefore} then ${numberAfter})`);

  // Hot wash: the user answers a discussion question.
  const box = user.locator('input[data-inject="av_alert"][data-question="0"]');
  await box.fill("Call the IT desk by phone");
  await box.press("Enter");
  await fac.locator("#answers").getByText("Call the IT desk by phone").waitFor({ timeout: 10000 });
  check(true, "the answer reaches the facilitator's page");
  await user.locator(".answered").first().waitFor({ timeout: 10000 });
  await fac.locator("#seats li.on").nth(1).waitFor({ timeout: 5000 });
  check(await fac.locator("#seats li.on").count() === 2, "the facilitator sees both seats connected");

  // The live "ended now" score on the facilitator's page (tt_score_ended_now,
  // as the terminal's /status and the dashboard): open objectives whose
  // limit is ahead are "not assessed".
  await fac.locator("#objectives li").first().waitFor({ timeout: 10000 });
  const naRows = fac.locator('#objectives .verdict[data-rating="N/A"]');
  check(await naRows.count() > 0, "open objectives before their limit are listed");
  check((await naRows.allInnerTexts()).every((x) => x === "not assessed"), "and each says \"not assessed\"");
  check(await fac.locator("#score-line").innerText() !== "", "the facilitator's page states the score if the drill ended now");
  // The same words in Japanese, from the terms table.
  await fac.click("#lang");
  check((await naRows.allInnerTexts()).every((x) => x === "未評価"), "in Japanese each says 未評価");
  check((await fac.locator("#score-title").innerText()) === "暫定スコア", "and the panel is 暫定スコア");
  await fac.click("#lang");

  for (const p of [user, sys]) await p.evaluate(() => window.scrollTo(0, 0));
  await user.screenshot({ path: path.join(outDir, "multiseat-player.png"), fullPage: true });
  await sys.screenshot({ path: path.join(outDir, "multiseat-sysadmin.png"), fullPage: true });
  await fac.screenshot({ path: path.join(outDir, "multiseat-facilitator.png") });

  // Next up to a limit, confirmed (the dialog): a missed objective is U and
  // the score is never green while it is.
  for (let i = 0; i < 40 && await fac.locator("#objectives li.missed").count() === 0; i++) {
    await fac.click("#next");
    await sleep(300);
  }
  const missedRow = fac.locator("#objectives li.missed").first();
  check(await missedRow.count() === 1, "next passed a limit after the confirmation: an objective is missed");
  await fac.waitForFunction(() => {
    const v = document.querySelector("#objectives li.missed .verdict");
    return v && v.textContent.startsWith("U");
  }, null, { timeout: 10000 });
  check(true, "the missed objective is rated U 0 on the page");
  const tone = await fac.locator("#score-num").getAttribute("data-tone");
  check(tone !== "good", `the score is not green while an objective is missed (tone ${tone})`);
  check(await user.locator("#score").count() === 0, "players get no score");

  // The facilitator ends the exercise.
  await fac.click("#end");
  await user.locator("#conn").getByText("The exercise has ended").waitFor({ timeout: 15000 });
  check(true, "the players are told the exercise ended");
  await fac.locator("#score-title").getByText("Final score").waitFor({ timeout: 10000 });
  finalScore = await fac.locator("#score-num").innerText();
  finalVerdicts = await fac.locator("#objectives .verdict").allInnerTexts();
} catch (e) {
  check(false, "browser steps: " + e.message.split("\n")[0]);
} finally {
  await browser.close();
}
const code = await Promise.race([exited, sleep(20000).then(() => { server.kill("SIGKILL"); return "timeout"; })]);
check(code === 0, `the drill ends cleanly (exit ${code}) ${serverErr.slice(-300)}`);
let c = {};
try { c = JSON.parse(fs.readFileSync(card, "utf8")); } catch (e) { /* checked below */ }
check((c.timeline || []).some((e) => e.kind === "action" && e.id === "call_sysadmin" && e.member === "Ito"),
  "the scorecard names the member who acted");
check((c.hotwash || []).some((h) => h.member === "Ito" && h.answer === "Call the IT desk by phone"),
  "the scorecard's hot wash lists the answer");
check(finalScore === String(c.score), `the page's final score is the card's (${finalScore} vs ${c.score})`);
check(JSON.stringify(finalVerdicts) === JSON.stringify((c.objectives || []).map((o) =>
  o.rating === "N/A" ? "not assessed" : o.rating + " " + o.score)), "each objective's verdict on the page is the card's");
const replay = spawnSync(tabletop, ["replay", journal], { encoding: "utf8" });
check(replay.status === 0, "the journal replays: " + replay.stdout.slice(-120));
fs.rmSync(tmp, { recursive: true, force: true });
console.log(failed ? `${failed} failed` : "all passed");
process.exit(failed ? 1 : 0);
