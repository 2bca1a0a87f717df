-- A hostile scenario for tests/tty: its preconditions (`requires`) write
-- what the sandbox cannot watch (an upvalue, a global, a table reachable
-- from an upvalue) and draw from the RNG, and an `every` copies all of it
-- into the state, so the journal shows how often each `requires` ran. A
-- screen asking them to draw a menu must leave no trace: the live journal
-- replays and resumes identically. The numbers are invented.
local function t(ja, en) return { ja = ja, en = en } end

local asked = 0              -- an upvalue
local seen = { n = 0 }       -- a table reachable from an upvalue

local function nosy(s)
  asked = asked + 1
  seen.n = seen.n + 1
  seen[#seen + 1] = s.steps
  peeked = (peeked or 0) + 1 -- luacheck: ignore (a global, on purpose)
  return math.random(1, 6) > 0 and s.steps < 50
end

return scenario {
  id = "requires-trace",
  source = "test",
  title = t("前提条件の痕跡テスト", "Precondition trace test"),
  summary = t("表示のための問い合わせが演習を変えないことの確認",
              "Asking for a menu must not change the drill"),
  length = "2h",
  invented = t("すべての数値は架空", "Every number is invented"),

  roles = {
    lead = { name = t("統括", "Lead") },
  },

  state = { steps = 0, asked = 0, seen = 0, peeked = 0, roll = 0 },

  metrics = {
    steps = { label = t("手順", "Steps"), unit = t("回", "times"), max = 100 },
  },

  injects = {
    { id = "start", at = "0m", to = "lead",
      text = t("演習開始", "The drill begins") },
  },

  every = {
    { id = "tally", period = "1m", start = "0m",
      run = function(s, ctx)
        s.asked = asked
        s.seen = seen.n + #seen
        s.peeked = peeked or 0 -- luacheck: ignore
        s.roll = ctx.random(1, 1000000)
      end },
  },

  actions = {
    step = {
      by = "lead", takes = "1m", repeatable = true,
      label = t("手順を進める", "Take a step"),
      requires = nosy,
      does = function(s) s.steps = s.steps + 1 end,
    },
    check = {
      by = "lead", takes = "2m", repeatable = true,
      label = t("確認する", "Check"),
      requires = function(s, ctx)
        asked = asked + 10
        return nosy(s) and ctx.now >= 0, t("まだ", "Not yet")
      end,
      does = function(s) s.steps = s.steps + 2 end,
    },
  },

  objectives = {
    walk = { phase = "isolate", title = t("手順を進める", "Take steps"),
             when = function(s) return s.steps >= 6 end,
             target = "30m", limit = "1h50m", rationale = t("架空", "invented") },
  },
}
