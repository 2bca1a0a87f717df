-- luacheck: std lua54, read globals scenario, no unused args, no max line length
-- Case 2 of the NISC supplementary survey (seeds/000_*.txt, 事例２ アクセス制限の不備).
-- A regional facility's monitoring device sits behind a gateway router with
-- no port restriction (settings near factory default). A third party sends it
-- commands and stops its functions. The main equipment is access-restricted
-- and keeps running, but nobody can see it. HQ's daily check of the
-- monitoring screen fails; the maintenance vendor reports the same
-- model failing at other facilities. The source says the main equipment's
-- basic operation was not affected (主要装置の基本的な動作には影響はなく): with
-- default settings the service never goes down unless the team itself stops
-- the main equipment. What worsens while nobody acts is what the source
-- describes: time without monitoring, other operators' devices of the same
-- model hit, and the exposure that stays open. An attack reaching the control
-- server is an off-by-default "what if" setting. Every number cites FACTS.md
-- or is marked `-- invented` and listed in `invented`.

local TAMPER_AFTER = 3 * 3600  -- invented, what-if only: exposure before the attacker, probing
                               -- through the open ports, reaches the control server
local TAMPER_P = 0.1           -- invented, what-if only: chance per 30 min after that
local OTHER_P = 0.5            -- invented: chance per hour another operator's device is hit

local function t(ja, en) return { ja = ja, en = en } end

return scenario {
  id = "exposed-monitoring",
  source = "case 2",
  title = t("アクセス制限の不備", "Missing access restriction"),
  summary = t(
    "地方施設の監視装置が、ポート制限のないゲートウェイルーター経由でインターネットから到達できた。第三者のコマンドで"
      .. "監視装置の機能が停止する。主要装置は動き続けているが、監視できない。本社の定時確認で発覚し、同日、保守ベンダー"
      .. "から同型機器の他施設での不具合の連絡が入る。現地業者にサービス継続を確認し、主要装置を止めずに監視装置を切り離し、"
      .. "ルーターのポートを制限して不要なポートを閉じ、プログラム改修を依頼し、所管省庁へ自主的に報告する。"
      .. "出典どおり主要装置の基本的な動作には影響しない。",
    "A regional facility's monitoring device is reachable from the internet through a gateway router with no "
      .. "port restriction. A third party's commands stop the device. The main equipment keeps running, but "
      .. "nobody can see it. HQ's daily check finds it; the same day the maintenance vendor reports the same "
      .. "model failing at other facilities. Confirm service with the local contractor, disconnect the "
      .. "monitoring device without stopping the main equipment, restrict the router's ports and close "
      .. "unneeded ones, order the program fix, and report voluntarily to the competent ministry. As in the "
      .. "source, the main equipment's basic operation is not affected."),
  length = "12h",  -- invented: from the daily check to the end of the day
  invented = t(
    "出典に時刻・件数の記載がないため、次の値は演習用に設定した：保守ベンダーの連絡の時刻（2時間後）、"
      .. "外部からのコマンドの数（10分ごとに1〜6件）、同型機器を使う他事業者が被害を受ける確率（1時間ごとに50%、最大12台）、"
      .. "改修プログラムが届くまでの時間（4時間）、各関係者の応答時間、各対処の所要時間、目標時間と期限。"
      .. "出典にない「もしも」の設定（既定は無効）：攻撃が制御サーバに及ぶ（3時間後から30分ごとに10%）。",
    "The source gives no times or counts, so these are set for the exercise: when the maintenance vendor "
      .. "calls (2 h), the commands from outside (1-6 per 10 min), the chance another operator with the same "
      .. "model is hit (50% per hour, at most 12), the time until the fixed program arrives (4 h), every party's "
      .. "reply delay, every action's duration, and the target and limit times. A 'what if' setting not in the "
      .. "source (off by default): the attack reaches the control server (from 3 h, 10% per 30 min)."),

  roles = {
    sysadmin = { name = t("システム担当（本社）", "System staff (HQ)"),
                 description = t("監視装置の定時確認、保守ベンダーと現地業者への指示を担う。",
                                 "Runs the daily monitoring check and directs the vendor and the local contractor.") },
    manager = { name = t("設備の管理責任者（本社）", "Facility manager (HQ)"),
                description = t("主要装置の運転の判断と、所管省庁への報告を担う。",
                                "Decides on the main equipment's operation and reports to the competent ministry.") },
  },

  actors = {
    maint_vendor = { kind = "vendor", name = t("保守ベンダー", "Maintenance vendor"),
                     delay = { "30m", "1h30m" } },          -- invented
    local_contractor = { kind = "contractor", name = t("現地業者", "Local contractor"),
                         delay = { "30m", "1h" } },         -- invented: travel to the facility
    ministry = { kind = "ministry", name = t("所管省庁", "Competent ministry"),
                 delay = { "1h", "3h" } },                  -- invented (F5: "promptly", no number)
  },

  state = {
    exposed = true,            -- the monitoring device is reachable from the internet
    monitor_connected = true,  -- the device is attached to the facility's system
    monitor_working = false,   -- its functions were stopped before the daily check
    main_running = true,       -- the main equipment (restricted, unaffected)
    cause_known = false,       -- unrestricted router ports found
    vendor_engaged = false,    -- the maintenance vendor is handling the facility
    service_confirmed = false, -- the local contractor confirmed service on site
    site_watch = false,        -- the local contractor watches the equipment on site
    control_tampered = false,  -- what-if only: the attacker has reached the control server
    fix_ordered = false,       -- the program fix was ordered from the vendor
    program_fixed = false,     -- the device rejects malicious commands (the fix is installed)
    router_restricted = false,
    ports_closed = false,
    reported_ministry = false,
    alert_shared = false,      -- the ministry warned operators with the same model
    attacker_commands = 0,     -- commands received from outside
    unwatched_minutes = 0,     -- minutes with neither monitoring nor anyone on site
    exposed_minutes = 0,       -- minutes the device stays reachable and attached to the system
    service_down_minutes = 0,  -- minutes of stopped service (only if the team stops the main
                               -- equipment, or with the what-if setting)
    other_sites_hit = 0,       -- other operators' devices of the same model stopped
    remote_reboots = 0,
  },

  settings = {
    control_server_reachable = {
      value = false,  -- the source: 主要装置の基本的な動作には影響はなく
      label = t("（もしも）攻撃が制御サーバに及び、主要装置が不安定になりうる（出典にはない）",
                "(What if) the attack can reach the control server and unsettle the main equipment (not in the source)") },
  },

  metrics = {                -- `max` values are display scales only
    attacker_commands = { label = t("外部からのコマンド", "Commands from outside"), unit = t("件", "commands"), max = 500 },
    unwatched_minutes = { label = t("監視も現地確認もない時間", "Time unwatched"), unit = t("分", "min"),
                          max = 720, damage = true },
    exposed_minutes = { label = t("外部から到達できるまま接続されていた時間", "Time left exposed and attached"),
                        unit = t("分", "min"), max = 720, damage = true },
    service_down_minutes = { label = t("サービスへの影響時間", "Time service was affected"), unit = t("分", "min"),
                             max = 720, damage = true },
    other_sites_hit = { label = t("被害を受けた他事業者の装置", "Other operators' devices hit"), unit = t("台", "devices"),
                        max = 12, damage = true },
  },

  injects = {
    { id = "daily_check", at = "0m", from = "sysadmin", to = "sysadmin",
      text = t("毎日定時の確認で、地方施設の監視装置の管理画面にアクセスできない。主要装置の状態が見えない。",
               "At the fixed daily check, the regional facility's monitoring screen does not respond. The main "
                 .. "equipment's status cannot be seen."),
      questions = {
        t("現地でサービスが維持できているか、誰にどう確認するか。", "Who confirms on site that service continues, and how?"),
        t("監視できない間、主要装置をどう扱うか。", "What do you do with the main equipment while you cannot see it?"),
      } },

    { id = "vendor_call", at = "2h",  -- invented: "the same day" in the source
      from = "maint_vendor", to = "sysadmin",
      text = t("電話：「同型の機器で構成されている他の施設でも、監視装置に不具合が出ています。」",
               "On the phone: 'Monitoring devices are failing at other facilities built with the same model.'"),
      questions = {
        t("故障か、攻撃か。何を見れば区別できるか。", "A fault or an attack? What tells them apart?"),
        t("同型機器を使う他の事業者に、誰が知らせるべきか。", "Who should warn other operators using the same model?"),
      } },

    { id = "stopped_again", when = function(s) return s.remote_reboots > 0 and not s.monitor_working and s.exposed end,
      from = "sysadmin", to = "sysadmin",
      text = t("遠隔で再起動した監視装置が、数十分後に再び停止した。外部から同じコマンドが届いている。",
               "The remotely rebooted device stopped again after a few dozen minutes: the same commands keep coming from outside."),
      questions = { t("再起動で解決しない理由は何か。", "Why does rebooting not solve it?") } },

    { id = "control_hit", when = function(s) return s.control_tampered end,
      to = "manager",  -- what-if only
      text = t("（もしもの設定）制御サーバに見覚えのない操作履歴が残り、主要装置の一部が不安定になっている。",
               "(What-if setting) The control server shows operations nobody made; part of the main equipment is unstable."),
      questions = {
        t("監視装置をすぐ切り離すか。主要装置は止めるべきか。", "Disconnect the monitoring device now? Stop the main equipment?"),
      } },

    { id = "service_impact", when = function(s) return s.service_down_minutes > 0 and s.main_running end,
      to = "manager",
      text = t("施設の利用者から、サービスが不安定だという苦情が届いている。",
               "Users of the facility complain that the service is unstable."),
      questions = { t("所管省庁への報告内容はどう変わるか。", "How does the report to the ministry change?") } },

    { id = "main_stopped", when = function(s) return not s.main_running end,
      to = "manager",
      text = t("主要装置を停止したため、地域でのサービス提供が止まった。",
               "With the main equipment stopped, the service in the region has stopped."),
      questions = { t("主要装置を止める判断は必要だったか。", "Was stopping the main equipment necessary?") } },
  },

  every = {
    -- The attacker keeps sending commands while the device is reachable; after
    -- a while, probing through the open ports reaches the control server.
    { id = "attacker", period = "10m", start = "0m",  -- invented
      run = function(s, ctx)
        -- draws come first, whatever the state: runs that differ only in what
        -- the team did see the same attacker (compared in the golden tests)
        local commands = ctx.random(1, 6)  -- invented
        if not (s.exposed and s.monitor_connected) then return end
        s.attacker_commands = s.attacker_commands + commands
        if s.monitor_working and not s.program_fixed then s.monitor_working = false end  -- stopped again
      end },
    -- What if (off by default, not in the source): probing reaches the control server.
    { id = "probe_control", period = "30m", start = "0m",
      run = function(s, ctx)
        local hit = ctx.chance(TAMPER_P)
        if s.control_server_reachable and s.exposed and s.monitor_connected and ctx.now >= TAMPER_AFTER
           and not s.control_tampered and hit then
          s.control_tampered = true
        end
      end },

    -- The facility: what goes on while nobody watches, and the exposure. The
    -- main equipment keeps working (the source); the service stops only if
    -- the team stops it, or in the what-if.
    { id = "facility", period = "1m", start = "0m",
      run = function(s)
        local watched = s.monitor_working or s.site_watch
        if not watched then s.unwatched_minutes = s.unwatched_minutes + 1 end
        if s.exposed and s.monitor_connected then s.exposed_minutes = s.exposed_minutes + 1 end
        if not s.main_running or (s.control_tampered and s.monitor_connected) then
          s.service_down_minutes = s.service_down_minutes + 1
        end
      end },

    -- Other operators with the same model, until the ministry's warning goes out.
    { id = "others", period = "1h", start = "0m",
      run = function(s, ctx)
        local hit = ctx.chance(OTHER_P)
        if not s.alert_shared and s.other_sites_hit < 12 and hit then  -- invented cap
          s.other_sites_hit = s.other_sites_hit + 1
        end
      end },
  },

  actions = {
    ask_local_contractor = {
      by = { "sysadmin", "manager" },
      label = t("現地業者に、現地でサービス継続を確認し、監視が戻るまで現地で主要装置を見守るよう依頼する",
                "Ask the local contractor to confirm service on site and watch the main equipment there until monitoring is back"),
      takes = "10m",  -- invented
      does = function(s, ctx)
        ctx.after("local_contractor", function(s2, ctx2)
          s2.service_confirmed = true
          s2.site_watch = true
          local text
          if not s2.main_running then
            text = t("現地に到着。主要装置は停止しており、サービスは止まっている。",
                     "On site. The main equipment is stopped and so is the service.")
          elseif s2.control_tampered then
            text = t("現地に到着。サービスは継続しているが、（もしもの設定）制御サーバに不審な操作の跡があり一部が不安定。",
                     "On site. Service continues, but the control server shows strange operations and part of it is unstable.")
          else
            text = t("現地に到着。主要装置は正常に動作し、サービスは維持できている。監視装置は応答しない。監視が戻るまで現地で見守る。",
                     "On site. The main equipment works normally and the service continues. The monitoring device does "
                       .. "not respond. We will watch the equipment here until monitoring is back.")
          end
          ctx2.message{ from = "local_contractor", to = "sysadmin", text = text, after = "0m" }
        end)
      end,
    },
    request_vendor = {
      by = "sysadmin",
      label = t("保守ベンダーに施設の対応を依頼する", "Ask the maintenance vendor to handle the facility"),
      takes = "10m",  -- invented
      does = function(s, ctx)
        s.vendor_engaged = true
        ctx.after("maint_vendor", function(s2, ctx2)
          s2.cause_known = true
          local finding = t(
            "対応する。監視装置はゲートウェイルーター経由で外部から到達でき、ルーターのポートに制限がかかっていない。"
              .. "監視装置の不要なポートも開いている。設定はほぼ初期設定のまま。",
            "We will handle it. The monitoring device is reachable from outside through the gateway router, whose "
              .. "ports are unrestricted; unneeded ports on the device are open too. Settings are near factory default.")
          local advice
          if not s2.main_running then
            advice = t("主要装置はアクセス制限されており、止める必要はなかった。運転を再開してほしい。",
                       "The main equipment is access-restricted; it did not need stopping. Please restart it.")
          elseif s2.monitor_connected then
            advice = t("外部からのコマンドが今も届いている。まず監視装置をシステムから切り離してほしい。",
                       "Commands from outside are still arriving: disconnect the monitoring device from the system first.")
          else
            advice = t("監視装置は切り離されている。ルーターの設定変更に進める。",
                       "The device is already disconnected; we can go on to the router settings.")
          end
          ctx2.message{ from = "maint_vendor", to = "sysadmin", after = "0m",
                        text = t(finding.ja .. advice.ja, finding.en .. " " .. advice.en) }
        end)
      end,
      completes = "request_vendor",
    },
    disconnect_monitor = {
      by = "sysadmin",
      label = t("監視装置をシステムから切り離す（主要装置は運転継続）",
                "Disconnect the monitoring device (main equipment keeps running)"),
      takes = "20m",  -- invented
      requires = function(s)
        if not s.monitor_connected then return false, t("すでに切り離されている。", "Already disconnected.") end
        return s.site_watch, t("現地で作業する人がいない。現地業者に依頼する。",
                               "Nobody is on site to do it; ask the local contractor.")
      end,
      does = function(s) s.monitor_connected = false end,
      lesson = "port_settings",
    },
    shutdown_main_equipment = {
      by = "manager",
      label = t("念のため主要装置を停止する", "Stop the main equipment to be safe"),
      takes = "15m",  -- invented
      requires = function(s) return s.main_running, t("すでに停止している。", "Already stopped.") end,
      does = function(s) s.main_running = false end,
      harmful = t("主要装置はアクセス制限されており影響はなかった。停止すれば重要インフラサービスそのものが止まる。",
                  "The main equipment was restricted and unaffected; stopping it stops the critical service itself."),
    },
    restart_main_equipment = {
      by = "manager",
      label = t("主要装置の運転を再開する", "Restart the main equipment"),
      takes = "1h",  -- invented
      requires = function(s) return not s.main_running, t("停止していない。", "It is not stopped.") end,
      does = function(s) s.main_running = true end,
    },
    reboot_monitor_remotely = {
      by = "sysadmin",
      label = t("監視装置を遠隔で再起動する", "Reboot the monitoring device remotely"),
      takes = "15m",  -- invented
      repeatable = true,
      requires = function(s)
        return s.monitor_connected, t("監視装置は切り離されている。", "The device is disconnected.")
      end,
      does = function(s)
        s.remote_reboots = s.remote_reboots + 1
        s.monitor_working = true  -- until the next command from outside
      end,
      wasted = t("ポートが開いたままでは、外部から同じコマンドで再び停止させられる。",
                 "With the ports still open, the same commands from outside stop it again."),
    },
    restrict_router_ports = {
      by = "sysadmin",
      label = t("ゲートウェイルーターのポートを制限する（保守ベンダーと）", "Restrict the gateway router's ports (with the vendor)"),
      takes = "2h",  -- invented
      requires = function(s)
        return s.cause_known, t("保守ベンダーの調査結果がまだない（先に依頼する）。",
                                "No findings from the maintenance vendor yet (ask them first).")
      end,
      does = function(s)
        s.router_restricted = true
        if s.ports_closed then s.exposed = false end
      end,
      lesson = "port_settings",
    },
    close_unneeded_ports = {
      by = "sysadmin",
      label = t("監視装置の不要なポートを閉じる（保守ベンダーと）", "Close the monitoring device's unneeded ports (with the vendor)"),
      takes = "1h",  -- invented
      requires = function(s)
        return s.cause_known, t("保守ベンダーの調査結果がまだない（先に依頼する）。",
                                "No findings from the maintenance vendor yet (ask them first).")
      end,
      does = function(s)
        s.ports_closed = true
        if s.router_restricted then s.exposed = false end
      end,
    },
    restore_monitoring = {
      by = "sysadmin",
      label = t("監視装置を初期化し、再接続する", "Reset the monitoring device and reconnect it"),
      takes = "1h",  -- invented
      requires = function(s)
        if s.exposed then
          return false, t("ルーターのポート制限と不要ポートの閉鎖が終わっていない。再接続すれば再び停止させられる。",
                          "The router is not restricted and unneeded ports are open; reconnected, it would be stopped again.")
        end
        return s.site_watch, t("現地で作業する人がいない。", "Nobody is on site.")
      end,
      does = function(s)
        s.monitor_connected = true
        s.monitor_working = true
      end,
    },
    report_ministry = {
      by = "manager",
      label = t("所管省庁へ自主的に報告する", "Report voluntarily to the competent ministry"),
      takes = "30m",  -- invented
      does = function(s, ctx)
        s.reported_ministry = true
        ctx.after("ministry", function(s2, ctx2)
          s2.alert_shared = true
          local text
          if s2.cause_known then
            text = t("報告に感謝する。同型機器を使用する事業者に、ゲートウェイルーターのポート制限の確認を注意喚起した（NISCへも共有）。",
                     "Thank you. Operators using the same model have been warned to check their gateway routers' "
                       .. "port restrictions (shared with NISC).")
          else
            text = t("報告に感謝する。同型機器を使用する事業者に注意喚起した（NISCへも共有）。原因がわかれば追加で知らせてほしい。",
                     "Thank you. Operators using the same model have been warned (shared with NISC). Please tell "
                       .. "us the cause when you know it.")
          end
          ctx2.message{ from = "ministry", to = "manager", text = text, after = "0m" }
        end)
      end,
      completes = "report_ministry",
      lesson = "share_info",
    },
    agree_security_with_vendor = {
      by = "manager",
      label = t("インターネット接続機器の対策を保守ベンダーと取り決める", "Agree security handling of internet-facing devices with the vendor"),
      takes = "1h",  -- invented
      lesson = "vendor_sharing",
    },
    order_program_fix = {  -- [5] 悪意あるコマンドを受け付けないよう、プログラムを改修
      by = "sysadmin",
      label = t("悪意あるコマンドを受け付けないようプログラム改修を依頼する", "Order a program fix so the device rejects malicious commands"),
      takes = "30m",  -- invented
      requires = function(s)
        if s.fix_ordered then return false, t("依頼済み。", "Already ordered.") end
        return s.vendor_engaged, t("保守ベンダーにまだ依頼していない。", "The vendor has not been asked yet.")
      end,
      does = function(s, ctx)
        s.fix_ordered = true
        ctx.after("4h", function(s2, ctx2)  -- invented: the vendor's fixed program for this model
          s2.program_fixed = true
          ctx2.message{ from = "maint_vendor", to = "sysadmin", after = "0m",
                        text = t("改修したプログラムを監視装置に適用した。外部からの不正なコマンドは受け付けない。",
                                 "The fixed program is installed on the monitoring device: it rejects malicious commands from outside.") }
        end)
      end,
      lesson = "program_fix",
    },
    plan_third_party_audit = {
      by = "manager",
      label = t("セキュリティ対策の第三者監査を検討する", "Consider a third-party security audit"),
      takes = "30m",  -- invented
      lesson = "audit",
    },
  },

  objectives = {
    confirm_service = {
      phase = "isolate", notice = "daily_check", target = "1h30m", limit = "4h",  -- invented
      title = t("現地でサービスが維持できていることを確認する", "Confirm on site that the service continues"),
      capability = t("状況評価", "Situational Assessment"),
      rationale = t("監視できない間は主要装置の状態がわからない。現地業者の移動時間（30分〜1時間、独自設定）を見込んだ。",
                    "While monitoring is down nobody sees the main equipment; the target allows for the local contractor's "
                      .. "travel (30 min to 1 h, invented)."),
      when = function(s) return s.service_confirmed end,
    },
    isolate_monitor = {
      phase = "isolate", notice = "daily_check", target = "2h30m", limit = "6h",  -- invented
      title = t("主要装置を止めずに監視装置を切り離す", "Disconnect the monitoring device without stopping the main equipment"),
      capability = t("サイバーセキュリティ", "Cybersecurity"),
      rationale = t("外部から到達できる装置は走査で発見され悪用される（F21）。出典では監視装置へのアクセスに問題があると分かった時点で"
                      .. "切り離し、主要装置の機能を維持した。つながっている間は外部からのコマンドが届き続ける。保守ベンダーへの依頼から"
                      .. "調査結果まで30分〜1時間30分（独自設定）と作業20分を見込み、2時間30分を目標、当日の業務時間内の6時間を期限とした（独自設定）。",
                    "Internet-exposed devices are found by scanning and abused (F21). The source disconnected the device "
                      .. "once the access problem was known, and kept the main equipment running; while attached, commands "
                      .. "from outside keep coming. Allowing 30-90 min for the vendor's findings and 20 min of work "
                      .. "(invented): 2 h 30 min target, 6 h limit within the working day (invented)."),
      when = function(s) return not s.monitor_connected and s.main_running end,
    },
    request_vendor = {
      phase = "report", party = "maint_vendor", notice = "daily_check", target = "1h", limit = "4h",  -- invented
      title = t("保守ベンダーに施設の対応を依頼する", "Ask the maintenance vendor to handle the facility"),
      capability = t("運用調整", "Operational Coordination"),
      rationale = t("出典では保守・点検を保守ベンダーに委託しており、施設の対応を依頼した（時間は独自設定）。",
                    "Maintenance was outsourced to the vendor, whom the source asked to handle the facility (times invented)."),
    },
    report_ministry = {
      phase = "report", party = "ministry", notice = "daily_check", target = "6h", limit = "12h",  -- F5 + invented
      title = t("所管省庁へ報告する", "Report to the competent ministry"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("所管省庁はNISCへ「速やかに」共有するが数値の期限はない（F5）。出典の報告は自主的で、同型機器を使う他事業者の"
                      .. "参考になった。当日中を期限、半日以内を目標とした（独自設定）。",
                    "The ministry passes reports to NISC 'promptly', with no numeric deadline (F5). The source's report was "
                      .. "voluntary and helped other operators of the same model. Same day as the limit, half a day as the "
                      .. "target (invented)."),
    },
    ports_restricted = {
      phase = "recover", notice = "daily_check", target = "6h", limit = "12h",  -- invented
      title = t("ルーターのポートを制限し、不要なポートを閉じる", "Restrict the router's ports and close unneeded ones"),
      capability = t("サイバーセキュリティ", "Cybersecurity"),
      rationale = t("初期設定に近い機器は走査で見つかる（F21）。出典の原因と再発防止策（時間は独自設定）。",
                    "Devices near factory default are found by scanning (F21); the source's cause and fix (times invented)."),
      when = function(s) return s.router_restricted and s.ports_closed end,
    },
    monitoring_back = {
      phase = "recover", notice = "daily_check", target = "8h", limit = "12h",  -- invented
      title = t("制限した構成で監視を再開する", "Monitoring back, behind the restricted router"),
      capability = t("インフラシステム", "Infrastructure Systems"),
      rationale = t("監視が戻るまで主要装置の異常は現地でしか見つからない。当日中に戻すことを目標とした（独自設定）。",
                    "Until monitoring is back, the equipment is only seen on site; back within the day (invented)."),
      when = function(s) return s.monitor_working and not s.exposed end,
    },
  },

  lessons = {
    share_info = { capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      text = t(
      "積極的な情報共有：同型機器を使う他事業者の参考になると考え、所管省庁へ自主的に報告した。重要インフラの面的な防護につながる。",
      "Share actively: the operator reported voluntarily so that operators with the same model could learn; it protects "
        .. "critical infrastructure as a whole.") },
    port_settings = { capability = t("サイバーセキュリティ", "Cybersecurity"),
      text = t(
      "機器の設定確認：ほぼ初期設定だったことが要因。本当に必要なポート以外は閉じ、攻撃を受ける可能性を最小限にする。",
      "Check device settings: near-default settings were the cause. Close every port not truly needed.") },
    vendor_sharing = { capability = t("サプライチェーンの健全性・セキュリティ", "Supply Chain Integrity and Security"),
      text = t(
      "保守ベンダーとの情報共有：インターネットに接続する機器のセキュリティ対策を保守ベンダーと共有する。",
      "Share with the maintenance vendor how internet-facing devices are secured.") },
    program_fix = { capability = t("長期的な脆弱性の低減", "Long-term Vulnerability Reduction"),
      text = t(
      "再発防止策：悪意あるコマンドを受け付けないよう、プログラムを改修する。",
      "Prevention: fix the program so that it rejects malicious commands.") },
    audit = { capability = t("防護活動のリスク管理", "Risk Management for Protection Programs and Activities"),
      text = t(
      "必要に応じてセキュリティ対策を第三者に監査してもらう。", "Where needed, have security measures audited by a third party.") },
  },

  history = {
    { at = "0m", invented = true,
      text = t("本社の定時確認で監視装置の管理画面にアクセスできなかった。",
               "HQ's fixed daily check could not reach the monitoring screen.") },
    { at = "2h", invented = true,
      text = t("保守ベンダーから同型機器の他施設での不具合の連絡があり、発覚した。",
               "The maintenance vendor reported the same model failing elsewhere, and the incident came to light.") },
    { at = "2h15m", action = "ask_local_contractor", invented = true,
      text = t("現地でサービス提供が維持できているかを現地業者に確認した。",
               "They asked the local contractor whether service continued on site.") },
    { at = "2h20m", action = "request_vendor", invented = true,
      text = t("保守ベンダーに施設の対応を依頼した。", "They asked the maintenance vendor to handle the facility.") },
    { at = "4h", action = "disconnect_monitor", invented = true,
      text = t("監視装置へのアクセスに問題があることが分かり、同装置をシステムから切り離した。",
               "Having found that the problem lay in access to the monitoring device, they disconnected it from the system.") },
    { at = "5h", action = "report_ministry", invented = true,
      text = t("所管省庁等へ連絡した（他事業者の参考になると考え自主的に）。",
               "They told the competent ministry (voluntarily, to help other operators).") },
    { at = "6h", action = "restrict_router_ports", invented = true,
      text = t("再発防止策として、ゲートウェイルーターのポート制限を実施した（通常操作は可能）。",
               "As prevention, they restricted the gateway router's ports (normal operation still possible).") },
    { action = "order_program_fix",
      text = t("再発防止策として、悪意あるコマンドを受け付けないようプログラムを改修した（時期の記載なし）。",
               "As prevention, the program was fixed to reject malicious commands (no date given).") },
  },
}
