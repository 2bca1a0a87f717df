-- A small scenario for the terminal-drill tests (not one of the six cases):
-- two hours, a worm that spreads every minute until the host is isolated,
-- an actor reply, a conditional inject and three objectives. The numbers are
-- invented; it exists to exercise the engine, not to teach.
local function t(ja, en) return { ja = ja, en = en } end

return scenario {
  id = "tty-drill",
  source = "test",
  title = t("端末演習テスト", "Terminal drill test"),
  summary = t("テスト用の小さなシナリオ", "A small scenario for tests"),
  length = "2h",
  invented = t("すべての数値は架空", "Every number is invented"),

  roles = {
    sysadmin = { name = t("システム担当", "System staff") },
    supervisor = { name = t("監督者", "Supervisor") },
  },

  actors = {
    vendor = { kind = "vendor", name = t("保守業者", "Maintenance vendor"),
               delay = { "10m", "20m" } },
  },

  state = { infected = 1, isolated = false, reported = false, vendor_called = false,
            restored = false },

  metrics = {
    infected = { label = t("感染端末", "Infected hosts"), unit = t("台", "hosts"),
                 max = 500, damage = true },
  },

  injects = {
    { id = "alert", at = "0m", from = "vendor", to = "sysadmin",
      text = t("不審な通信を検知しました", "Suspicious traffic detected"),
      questions = { t("最初に誰に知らせますか", "Who do you tell first?") } },
    { id = "spread", when = function(s) return s.infected > 100 end,
      to = "supervisor",
      text = t("感染が100台を超えました", "More than 100 hosts are infected") },
    { id = "status_call", at = "45m", from = "vendor", to = "supervisor",
      text = t("業者から状況確認の電話", "The vendor calls for a status update") },
  },

  every = {
    { id = "worm", period = "1m", start = "0m",
      run = function(s, ctx)
        if not s.isolated then s.infected = s.infected + ctx.random(1, 6) end
      end },
  },

  actions = {
    isolate = {
      by = "sysadmin", takes = "5m",
      label = t("ネットワークから切り離す", "Isolate the network"),
      does = function(s) s.isolated = true end,
      completes = "contain",
    },
    report = {
      by = { "sysadmin", "supervisor" }, takes = "2m",
      label = t("上長へ報告する", "Report to management"),
      does = function(s) s.reported = true end,
      completes = "tell",
    },
    call_vendor = {
      by = "sysadmin", takes = "1m",
      label = t("業者に連絡する", "Call the vendor"),
      does = function(s, ctx)
        s.vendor_called = true
        ctx.message { from = "vendor", to = "sysadmin",
                      text = t("復旧手順を送ります", "Sending the recovery steps") }
      end,
      lesson = "vendor_route",
    },
    restore = {
      by = "sysadmin", takes = "20m",
      label = t("バックアップから復旧する", "Restore from backup"),
      requires = function(s)
        return s.isolated and s.vendor_called,
               t("隔離と業者連絡が先です", "Isolate and call the vendor first")
      end,
      does = function(s) s.restored = true end,
      completes = "recover",
    },
    reboot_all = {
      by = "sysadmin", takes = "10m",
      label = t("全台を再起動する", "Reboot every host"),
      wasted = t("感染は止まらない", "It does not stop the infection"),
    },
  },

  objectives = {
    contain = { phase = "isolate", title = t("感染拡大を止める", "Stop the spread"),
                target = "15m", limit = "1h", notice = "alert",
                rationale = t("架空", "invented") },
    tell = { phase = "report", party = "supervisor",
             title = t("上長へ報告", "Tell management"),
             target = "20m", limit = "1h", rationale = t("架空", "invented") },
    recover = { phase = "recover", title = t("復旧する", "Recover"),
                target = "1h", limit = "1h50m", rationale = t("架空", "invented") },
  },

  lessons = {
    vendor_route = { text = t("業者の連絡先を把握しておく", "Know how to reach the vendor") },
  },

  history = {
    { at = "30m", action = "isolate", invented = true,
      text = t("30分後に隔離（架空）", "Isolated after 30 minutes (invented)") },
  },
}
