-- A small scenario exercising every engine mechanism; numbers are invented.
return scenario {
  id = "mini",
  source = "test fixture",
  title = { ja = "小さな演習", en = "Mini exercise" },
  summary = { ja = "エンジンの試験用。", en = "For engine tests." },
  length = "2h",
  invented = { ja = "すべての数値は架空。", en = "All numbers are invented." },
  roles = {
    staff = { name = { ja = "システム担当", en = "System staff" } },
    boss = { name = { ja = "上司", en = "Supervisor" } },
  },
  actors = {
    vendor = { kind = "vendor", name = { ja = "保守ベンダー", en = "Maintenance vendor" },
               delay = { "10m", "20m" } },
  },
  state = { damage = 0, isolated = false, told = false, vendor_answered = false },
  metrics = { damage = { label = { ja = "被害", en = "Damage" }, unit = { ja = "件", en = "items" },
                         max = 1000, damage = true } },
  injects = {
    { id = "alert", at = "0m", from = "vendor", to = "staff",
      text = { ja = "警報です。", en = "An alert." },
      questions = { { ja = "誰に連絡しますか。", en = "Whom do you call?" } } },
    { id = "worse", when = function(s) return s.damage >= 100 end,
      text = { ja = "被害が拡大。", en = "Damage is spreading." } },
  },
  every = {
    { id = "spread", period = "1m",
      run = function(s, ctx) if not s.isolated then s.damage = s.damage + ctx.random(5, 15) end end },
  },
  actions = {
    isolate = { by = "staff", takes = "5m", label = { ja = "隔離する", en = "Isolate" },
                does = function(s) s.isolated = true end, completes = "contain",
                lesson = "fast" },
    tell_boss = { by = { "staff" }, takes = "2m", label = { ja = "上司に報告", en = "Tell the supervisor" },
                  requires = function(s) return s.isolated,
                    { ja = "先に隔離してください。", en = "Isolate first." } end,
                  does = function(s) s.told = true end, completes = "report" },
    ask_vendor = { by = "staff", takes = "1m", label = { ja = "ベンダーに依頼", en = "Ask the vendor" },
                   does = function(_, ctx)
                     ctx.after("vendor", function(s2, c2)
                       s2.vendor_answered = true
                       c2.message { from = "vendor", to = "staff",
                                    text = s2.isolated and { ja = "隔離済みなら安心です。", en = "Good that it is isolated." }
                                                      or { ja = "まだ接続中です。", en = "It is still connected." } }
                     end)
                   end },
    panic = { by = "boss", takes = "30m", label = { ja = "全停止", en = "Shut everything down" },
              harmful = { ja = "業務が止まる。", en = "Stops the business." } },
  },
  objectives = {
    contain = { phase = "isolate", title = { ja = "隔離", en = "Contain" },
                target = "15m", limit = "1h", notice = "alert" },
    report = { phase = "report", party = "supervisor", title = { ja = "報告", en = "Report" },
               target = "30m", limit = "90m" },
    recover = { phase = "recover", title = { ja = "復旧", en = "Recover" },
                target = "1h", limit = "2h", when = function(s) return s.isolated and s.told end },
  },
  lessons = { fast = { text = { ja = "早く隔離する。", en = "Isolate early." } } },
  history = {
    { at = "10m", action = "isolate", invented = true, text = { ja = "隔離した。", en = "Isolated." } },
  },
}
