-- Facts of a facilitator guide, generated from the scenario file itself so
-- that every fact in docs/scenarios/ID.md is traceable to scenarios/ID.lua:
-- settings, objectives with their rationale, the inject timeline with its
-- discussion questions, the actions per role, the model answer and the real
-- operator's history, in Japanese and English.
--
--   lua5.4 tools/scenario_guide.lua SOURCE_DIR ID          print the block
--   lua5.4 tools/scenario_guide.lua --check SOURCE_DIR ID  exit 1 unless
--       docs/scenarios/ID.md holds exactly that block between the markers
--
-- The scenario runs here in plain Lua (no engine): only its static tables are
-- read; no callback is called. A conditional inject's condition is quoted from
-- the file (the lines of its `when` function).

local BEGIN = "<!-- BEGIN GENERATED: tools/scenario_guide.lua (do not edit by hand) -->"
local END = "<!-- END GENERATED -->"

local function fail(msg)
  io.stderr:write("scenario_guide: ", msg, "\n")
  os.exit(2)
end

local args = { ... }
local check = false
if args[1] == "--check" then check = true; table.remove(args, 1) end
local root, id = args[1], args[2]
if not root or not id or not id:match("^[a-z0-9-]+$") then
  fail("usage: scenario_guide.lua [--check] SOURCE_DIR ID")
end

local path = root .. "/scenarios/" .. id .. ".lua"
local lines = {}
do
  local f = io.open(path, "r")
  if not f then fail("cannot read " .. path) end
  for l in f:lines() do lines[#lines + 1] = l end
  f:close()
end

local env = setmetatable({ scenario = function(t) return t end }, { __index = _G })
local chunk, err = loadfile(path, "t", env)
if not chunk then fail(err) end
local sc = chunk()

-- Durations as the scenario writes them, normalised to "1d 02:30" style.
local UNITS = { s = 1, m = 60, h = 3600, d = 86400 }
local function seconds(v)
  if type(v) == "number" then return v end
  local total = 0
  for n, u in tostring(v):gmatch("(%d+)([smhd])") do total = total + tonumber(n) * UNITS[u] end
  return total
end
local function when_text(v)
  local s = seconds(v)
  local d = s // 86400
  local h, m = (s % 86400) // 3600, (s % 3600) // 60
  if d > 0 then return string.format("+%dd %02d:%02d", d, h, m) end
  return string.format("+%d:%02d", h, m)
end

local function cell(s) return (tostring(s or ""):gsub("|", "\\|"):gsub("\n", " ")) end
local function both(t) return t and (t.ja .. "<br>" .. t.en) or "" end
local function sorted_keys(t)
  local k = {}
  for key in pairs(t or {}) do k[#k + 1] = key end
  table.sort(k)
  return k
end
local function name_of(who)
  if not who then return "—" end
  if type(who) == "table" then  -- API 1.1: several recipients
    local names = {}
    for i, id in ipairs(who) do names[i] = name_of(id) end
    return table.concat(names, ", ")
  end
  local r = (sc.roles or {})[who] or (sc.actors or {})[who]
  return r and (r.name.ja .. " / " .. r.name.en) or who
end

-- The source lines of a function value (a conditional inject's `when`).
local function source_of(fn)
  local info = debug.getinfo(fn, "S")
  local out = {}
  for i = info.linedefined, info.lastlinedefined do out[#out + 1] = lines[i]:gsub("^%s+", "") end
  local text = table.concat(out, " ")
  return text:match("(function.-end)%s*,?[^,]*$") or text
end

local out = {}
local function w(s) out[#out + 1] = s or "" end

w(BEGIN)
w()
w(string.format("出典 / Source: `%s` — scenarios/%s.lua. 長さ / Length: %s.", sc.source, id, when_text(sc.length)))
w()
w("### 独自設定の値 / Invented values")
w()
w(sc.invented.ja)
w()
w(sc.invented.en)
w()

w("### 役割 / Roles")
w()
w("| id | 役割 / Role | 説明 / Description |")
w("|---|---|---|")
for _, k in ipairs(sorted_keys(sc.roles)) do
  local r = sc.roles[k]
  w(string.format("| `%s` | %s | %s |", k, cell(both(r.name)), cell(both(r.description))))
end
w()

if sc.settings and next(sc.settings) then
  w("### 設定 / Settings")
  w()
  w("| setting | 既定 / default | 意味 / meaning |")
  w("|---|---|---|")
  for _, k in ipairs(sorted_keys(sc.settings)) do
    local st = sc.settings[k]
    w(string.format("| `%s` | `%s` | %s |", k, tostring(st.value), cell(both(st.label))))
  end
  w()
end

w("### 目標と根拠 / Objectives and their justification")
w()
w("| id | 段階 / phase | 目標時間 / target | 期限 / limit | 報告先 / party | 目標 / objective | 根拠 / rationale |")
w("|---|---|---|---|---|---|---|")
for _, k in ipairs(sorted_keys(sc.objectives)) do
  local o = sc.objectives[k]
  w(string.format("| `%s` | %s | %s | %s | %s | %s | %s |", k, o.phase, when_text(o.target), when_text(o.limit),
    o.party and cell(name_of(o.party)) or "—", cell(both(o.title)), cell(both(o.rationale))))
end
w()

w("### 状況付与の流れと討議の問い / Inject timeline and discussion questions")
w()
for i, inj in ipairs(sc.injects or {}) do
  local at = inj.at and when_text(inj.at) or ("条件 / when `" .. source_of(inj.when) .. "`")
  w(string.format("%d. **%s** (`%s`) — %s → %s", i, at, inj.id, cell(name_of(inj.from)), cell(name_of(inj.to))))
  w("   - " .. cell(inj.text.ja))
  w("   - " .. cell(inj.text.en))
  for _, q in ipairs(inj.questions or {}) do
    w("   - 問い / Q: " .. cell(q.ja) .. " / " .. cell(q.en))
  end
end
w()

w("### 役割ごとの対応 / Actions per role")
w()
for _, role in ipairs(sorted_keys(sc.roles)) do
  w(string.format("**%s**", name_of(role)))
  w()
  for _, k in ipairs(sorted_keys(sc.actions)) do
    local a = sc.actions[k]
    local by = type(a.by) == "table" and a.by or { a.by }
    local mine = false
    for _, r in ipairs(by) do mine = mine or r == role end
    if mine then
      local mark = ""
      if a.harmful then mark = " **有害 / harmful**: " .. cell(both(a.harmful))
      elseif a.wasted then mark = " **無駄 / wasted**: " .. cell(both(a.wasted)) end
      local extra = {}
      if a.completes then extra[#extra + 1] = "→ `" .. a.completes .. "`" end
      if a.lesson then extra[#extra + 1] = "教訓 / lesson `" .. a.lesson .. "`" end
      w(string.format("- `%s` (%s) %s / %s%s%s", k, when_text(a.takes or 0), cell(a.label.ja), cell(a.label.en),
        #extra > 0 and (" — " .. table.concat(extra, ", ")) or "", mark))
    end
  end
  w()
end

-- The model answer: what a good team does, in order (answers/ID/model.yaml).
do
  local f = io.open(root .. "/scenarios/answers/" .. id .. "/model.yaml", "r")
  if f then
    w("### 模範解答の流れ / The model answer (scenarios/answers/" .. id .. "/model.yaml)")
    w()
    local at, by
    for l in f:lines() do
      at = l:match("^%s*%-%s*at:%s*(%S+)") or at
      by = l:match("^%s*by:%s*(%S+)") or by
      local act = l:match("^%s*do:%s*(%S+)")
      if act then
        local a = sc.actions[act]
        w(string.format("- %s %s: %s / %s", when_text(at), cell(name_of(by)), a and cell(a.label.ja) or act,
          a and cell(a.label.en) or act))
      end
    end
    f:close()
    w()
  end
end

w("### 教訓 / Lessons")
w()
for _, k in ipairs(sorted_keys(sc.lessons)) do
  w(string.format("- `%s`: %s / %s", k, cell(sc.lessons[k].text.ja), cell(sc.lessons[k].text.en)))
end
w()

w("### 実際の事業者の対応 / What the real operator did")
w()
for _, h in ipairs(sc.history or {}) do
  local at = h.at and (when_text(h.at) .. (h.invented and "*" or "")) or "時期の記載なし / no date"
  w(string.format("- %s%s: %s / %s", at, h.action and (" `" .. h.action .. "`") or "", cell(h.text.ja), cell(h.text.en)))
end
w()
w("\\* 時刻は演習用に設定 / time invented for the exercise.")
w()
w(END)

local block = table.concat(out, "\n") .. "\n"
if not check then
  io.write(block)
  return
end
local doc_path = root .. "/docs/scenarios/" .. id .. ".md"
local f = io.open(doc_path, "r")
if not f then fail("cannot read " .. doc_path) end
local doc = f:read("a")
f:close()
local b = doc:find(BEGIN, 1, true)
local e = doc:find(END, 1, true)
if not b or not e then fail(doc_path .. ": no generated block") end
if doc:sub(b, e + #END - 1) .. "\n" ~= block then
  io.stderr:write(doc_path .. ": the generated block differs from scenarios/" .. id .. ".lua; regenerate it with\n"
    .. "  lua5.4 tools/scenario_guide.lua . " .. id .. "\n")
  os.exit(1)
end
