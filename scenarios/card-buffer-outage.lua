-- Case 6 of the NISC supplementary survey (seeds/000_*.txt, 事例6
-- システムの不具合によるサービス障害).
-- Group companies outsource their system jointly; it links to several
-- external centres. A customer inserts a card with corrupt data; the terminal
-- sends an out-of-spec code; its error handling loops with no retry limit and
-- exhausts the buffer shared with every external centre, so no group company
-- can transact. Past incidents point at the network; switching equipment and
-- restricting connections bring the failure back; only the resource metrics
-- show the exhausted buffer. Every number cites FACTS.md or is marked
-- `-- invented` and is listed in `invented`.

local MIN = 60

local function t(ja, en) return { ja = ja, en = en } end

-- The restart and the switch both start from an empty buffer; if the faulty
-- terminal still sends its code the loop fills it again (F20: uncontrolled
-- retries exhaust shared resources).
local function fresh_buffer(s)
  s.buffer_used = 0
  s.service_up = true
end

return scenario {
  id = "card-buffer-outage",
  source = "case 6",
  title = t("システムの不具合によるサービス障害", "Service outage from a system defect"),
  summary = t(
    "外部センタとの連携を要する処理でタイムアウトが多発し、全グループ会社で他社との取引ができなくなった。外部委託先から全グループ会社に"
      .. "自動通報が届く。過去の障害ではネットワークが原因だった。原因は、データに異常があるカードから送られた規定外コードのエラー処理が"
      .. "上限なく繰り返され、外部センタとの共通バッファ領域を食いつぶしていることにある。リソースの状態を見て原因を突き止め、"
      .. "該当端末を止めてから機器を再立ち上げ（バッファクリア）し、グループ各社と外部センタに情報を共有する。",
    "Timeouts pile up in processing that needs an external centre, and no group company can transact with "
      .. "others. The outsourcer's automatic notice reaches every group company. In past incidents the network was "
      .. "to blame. This time a card with corrupt data made a terminal send an out-of-spec code whose error "
      .. "handling retries without limit, eating the buffer shared with every external centre. Find it from the "
      .. "resource metrics, stop the terminal, then restart the device (buffer clear), and keep the group "
      .. "companies and external centres informed."),
  length = "8h",
  invented = t(
    "出典に時刻・件数の記載がないため、次の値は演習用に設定した：バッファが空から満杯になる速さ（1分に5〜9%）、グループ全体で"
      .. "1分に失敗する取引数（300〜600件）、端末が自然に送信をやめる時刻（2時間30分〜3時間30分後）、接続規制の効果（埋まる速さ半分、"
      .. "規制先との取引は失敗）、各関係者の応答時間、各対処の所要時間、目標時間と期限。リトライの上限がないと共有資源が枯渇することはF20に基づく。",
    "The source gives no times or counts, so these are set for the exercise: how fast the buffer fills from "
      .. "empty (5-9% a minute), transactions failing across the group per minute (300-600), when the terminal "
      .. "stops sending on its own (2 h 30 min to 3 h 30 min in), the effect of restricting connections (half the "
      .. "fill speed; transactions with the restricted centres fail), every reply time and action duration, and "
      .. "every target and limit. That unbounded retries exhaust shared resources is F20."),

  roles = {
    hq = { name = t("障害対策本部", "Incident headquarters"),
           description = t("グループ各社、外部センタ、外部委託先との調整と情報共有を担う。",
                           "Coordinates and shares information with the group companies, external centres and the outsourcer.") },
    system = { name = t("システム担当", "System staff"),
               description = t("外部委託先とともにシステムを調べ、切替えや再立ち上げを指示する。",
                                "Investigates the system with the outsourcer and orders switches and restarts.") },
    business = { name = t("業務部門", "Business division"),
                 description = t("店舗と顧客への影響を把握する。", "Tracks the effect on stores and customers.") },
  },

  actors = {
    outsourcer = { kind = "outsourcer", name = t("外部委託先", "Outsourcer"),
                   delay = { "5m", "15m" } },          -- invented
    group_companies = { kind = "company", name = t("グループ各社", "Group companies"),
                        delay = { "10m", "30m" } },    -- invented
    external_centres = { kind = "centre", name = t("外部センタ", "External centres"),
                         delay = { "15m", "45m" } },   -- invented
    stores = { kind = "department", name = t("店舗", "Stores"),
               delay = { "5m", "20m" } },              -- invented
  },

  state = {
    buffer_used = 100,          -- % of the shared buffer; already exhausted when timeouts are noticed
    fill_rate = 0,              -- % per minute while the loop runs (drawn at detection)
    tx_rate = 0,                -- transactions per minute across the group (drawn at detection)
    terminal_stops_at = 0,      -- seconds: when the terminal stops sending on its own (drawn)
    loop_active = true,         -- the faulty terminal keeps sending its code
    terminal_blocked = false,
    service_up = false,
    failed_tx = 0,              -- damage: transactions that failed
    minutes_down = 0,           -- damage: minutes without service across the group
    recurrences = 0,            -- the failure came back after a switch or restart
    network_checked = false,
    switched = false,
    restricted = false,
    buffer_found = false,
    store_reported = false,     -- the stores mentioned the card error
    terminal_clue = false,
    source_found = false,
    groups_informed = false,
    centres_informed = false,
    conference_held = false,
    monitoring_added = false,
  },

  settings = {
    buffer_monitoring = {
      value = false,  -- the source: no real-time monitoring of the buffer ([4])
      label = t("共通バッファ領域をリアルタイムに監視している", "The shared buffer is monitored in real time") },
  },

  metrics = {
    buffer_used = { label = t("共通バッファ使用率", "Shared buffer used"), unit = t("%", "%"), max = 100 },
    failed_tx = { label = t("失敗した取引", "Failed transactions"), unit = t("件", "transactions"),
                  max = 250000, damage = true },
    minutes_down = { label = t("サービス停止時間", "Minutes without service"), unit = t("分", "min"),
                     max = 480, damage = true },
    recurrences = { label = t("障害の再発", "Recurrences"), unit = t("回", "times"), max = 5, damage = true },
  },

  injects = {
    { id = "timeouts", at = "0m", from = "outsourcer", to = "hq",
      text = t("外部委託先から全グループ会社へ自動通報：「外部センタとの連携を要する処理でタイムアウトを多数検知。」"
                 .. "どのグループ会社でも、端末で他社との取引ができない。",
               "The outsourcer's automatic notice to every group company: 'Many timeouts in processing that needs "
                 .. "an external centre.' No group company's terminals can transact with other companies."),
      questions = {
        t("過去の障害はネットワークが原因だった。今回も同じと決めてよいか。",
          "Past failures were in the network. Can you assume the same now?"),
        t("障害の範囲を切り分けるために、まず何を見るか。", "What do you look at first to narrow the failure down?"),
        t("グループ各社と外部センタには、いつ、誰が、何を伝えるか。",
          "When, who, and what do you tell the group companies and the external centres?"),
      },
      does = function(s, ctx)
        s.fill_rate = ctx.random(5, 9)                          -- invented
        s.tx_rate = ctx.random(300, 600)                        -- invented
        s.terminal_stops_at = ctx.random(150, 210) * MIN        -- invented
      end },

    { id = "buffer_alert", when = function(s) return s.buffer_monitoring end,
      from = "outsourcer", to = "system",
      text = t("監視アラート：外部センタとの共通バッファ領域の使用率が100%。",
               "Monitoring alert: the buffer shared with the external centres is at 100%."),
      questions = {
        t("何がバッファを埋めているのか。", "What is filling the buffer?"),
      },
      does = function(s) s.buffer_found = true end },

    { id = "store_reports", at = "10m", from = "stores", to = "business",
      text = t("「どの端末でも他社カードの取引ができない。さっき、ある顧客のカードがエラーになった端末がある。」"
                 .. "外部委託先の影響情報にも原因の手がかりはない。",
               "'No terminal can take other companies' cards. One terminal had a customer's card error a "
                 .. "little while ago.' The outsourcer's impact information gives no clue to the cause."),
      questions = {
        t("店舗の情報を、システム担当と外部委託先にどう届けるか。",
          "How does the stores' information reach the system staff and the outsourcer?"),
      },
      does = function(s) s.store_reported = true end },

    { id = "recurred", when = function(s) return s.recurrences > 0 end,
      from = "outsourcer", to = "system",
      text = t("「切替え（再立ち上げ）後しばらく取引が通っていたが、再びタイムアウトが多発している。同じ事象が再発した。」",
               "'After the switch (restart) transactions flowed for a while; now the timeouts are "
                 .. "back. The same failure has recurred.'"),
      questions = {
        t("機器を替えても再発するなら、原因はどこにあるか。", "If new equipment fails the same way, where is the cause?"),
        t("再発の前後で何が変わらずに続いているか。", "What kept going across the switch?"),
      } },

    { id = "groups_ask", when = function(s, ctx) return ctx.now >= 60 * MIN and not s.groups_informed end,  -- invented
      from = "group_companies", to = "hq",
      text = t("グループ各社から問い合わせが殺到：「自動通報のあと何の連絡もない。いつ復旧するのか。店頭で顧客を待たせている。」",
               "The group companies call in: 'Nothing since the automatic notice. When will it be back? Customers "
                 .. "are waiting at our counters.'"),
      questions = {
        t("分からないことをどう伝えるか。次の連絡はいつと約束するか。",
          "How do you say what is not known yet? When do you promise the next update?"),
      } },

    { id = "complaints", when = function(s) return s.minutes_down >= 120 end,  -- invented
      from = "stores", to = "business",
      text = t("顧客の苦情が増え、取引を断った件数が積み上がっている。",
               "Customer complaints grow; the refused transactions pile up."),
      questions = {
        t("業務部門として、顧客への案内と代替手段をどうするか。", "As the business division, what do you tell customers, and what workaround is there?"),
      } },
  },

  every = {
    -- The retry loop eats the shared buffer; a full buffer stops every
    -- transaction that needs an external centre.
    { id = "retry_loop", period = "1m", start = "0m",
      run = function(s, ctx)
        if s.loop_active and not s.terminal_blocked and s.terminal_stops_at > 0 and ctx.now >= s.terminal_stops_at then
          s.loop_active = false  -- the customer gave up; the terminal stops sending (invented)
        end
        if s.loop_active then
          local rate = s.fill_rate
          if s.restricted then rate = rate // 2 end   -- invented
          s.buffer_used = math.min(100, s.buffer_used + rate)
        end
        if s.buffer_used >= 100 then
          if s.service_up then
            s.service_up = false
            s.recurrences = s.recurrences + 1
          end
          s.failed_tx = s.failed_tx + s.tx_rate
          s.minutes_down = s.minutes_down + 1
        elseif s.restricted then
          s.failed_tx = s.failed_tx + s.tx_rate // 2   -- invented: the restricted centres' share
        end
      end },
  },

  actions = {
    check_network = {
      by = "system",
      label = t("過去の事例に倣いネットワークの障害状況を確認・解析する", "Check and analyse the network, as in past incidents"),
      takes = "45m",  -- invented
      does = function(s, ctx)
        s.network_checked = true
        ctx.message{ from = "outsourcer", to = "system", after = "0m",
                     text = t("ネットワーク機器と回線に異常は見当たらない。", "No fault in the network equipment or lines.") }
      end,
      wasted = t("出典でも過去の障害事例を参考にネットワークを調べたが、原因は別にあった。",
                 "In the source too the network was checked after past incidents; the cause lay elsewhere."),
    },
    switch_equipment = {
      by = "system",
      label = t("予備の機器に切り替える", "Switch to the standby equipment"),
      takes = "20m",  -- invented
      requires = function(s) return not s.switched, t("切替え済み。", "Already switched.") end,
      does = function(s, ctx)
        s.switched = true
        fresh_buffer(s)
        ctx.message{ from = "outsourcer", to = "system", after = "0m",
                     text = t("予備機に切り替えた。取引が通り始めている。", "Switched to the standby; transactions are going through.") }
      end,
      wasted = t("端末が規定外コードを送り続ける限り、予備機のバッファも埋まり同じ事象が再発する（出典）。",
                 "While the terminal keeps sending the out-of-spec code, the standby's buffer fills too and the failure recurs (the source)."),
    },
    restrict_centre_connections = {
      by = "system",
      label = t("外部センタとの接続を規制する", "Restrict connections to the external centres"),
      takes = "15m",  -- invented
      requires = function(s) return not s.restricted, t("規制中。", "Already restricted.") end,
      does = function(s) s.restricted = true end,
      wasted = t("出典でも接続規制の後に同じ事象が再発した。規制先との取引が止まるうえ、ループは止まらない。",
                 "In the source the failure came back after the restriction; it stops trade with those centres and not the loop."),
    },
    lift_restriction = {
      by = "system",
      label = t("外部センタとの接続規制を解除する", "Lift the restriction on the external centres"),
      takes = "10m",  -- invented
      requires = function(s) return s.restricted, t("規制していない。", "Nothing is restricted.") end,
      does = function(s) s.restricted = false end,
    },
    inspect_resource_metrics = {
      by = "system",
      label = t("システムのリソース状態（メモリ・バッファ等）を調べる", "Inspect the system's resource metrics (memory, buffers)"),
      takes = "30m",  -- invented: no dashboard for the buffer ([4])
      does = function(s, ctx)
        s.buffer_found = true
        local text
        if s.buffer_used >= 100 then
          text = t("外部センタとの共通バッファ領域が枯渇している。ほかのリソースは正常。",
                   "The buffer shared with the external centres is exhausted; every other resource is normal.")
        elseif s.loop_active then
          text = t(string.format("共通バッファ領域の使用率が%d%%で、毎分増え続けている。", s.buffer_used),
                   string.format("The shared buffer is at %d%% and growing every minute.", s.buffer_used))
        else
          text = t(string.format("共通バッファ領域の使用率は%d%%で、増えていない。", s.buffer_used),
                   string.format("The shared buffer is at %d%% and no longer growing.", s.buffer_used))
        end
        ctx.message{ from = "outsourcer", to = "system", text = text, after = "0m" }
      end,
      completes = "find_cause",
    },
    hold_video_conference = {
      by = "hq",
      label = t("グループ各社・外部委託先とTV合同会議を開く", "Hold a joint video conference with the group companies and the outsourcer"),
      takes = "20m",  -- invented
      requires = function(s) return not s.conference_held, t("開催済み。", "Already held.") end,
      does = function(s, ctx)
        s.conference_held = true
        ctx.after("stores", function(s2, ctx2)
          s2.terminal_clue = true
          ctx2.message{ from = "stores", to = "system", after = "0m",
                        text = t("会議で共有された店舗の情報：障害の直前、ある店舗の端末で顧客のカードがエラーになり、その端末は今も「処理中」のまま。",
                                 "Shared at the conference from the stores: just before the failure a customer's card "
                                   .. "errored at one store's terminal, which still shows 'processing'.") }
        end)
      end,
      completes = "joint_conference",
      lesson = "share_information",
    },
    relay_store_info = {
      by = "business",
      label = t("店舗の情報（カードエラーの端末）をシステム担当に伝える", "Pass the stores' report (the card-error terminal) to the system staff"),
      takes = "10m",  -- invented
      requires = function(s)
        if s.terminal_clue then return false, t("伝達済み。", "Already passed on.") end
        return s.store_reported, t("店舗からまだ情報がない。", "The stores have not reported yet.")
      end,
      does = function(s) s.terminal_clue = true end,
      lesson = "share_information",
    },
    trace_error_source = {
      by = "system",
      label = t("バッファを埋めている処理と送信元の端末を突き止める", "Trace what fills the buffer and which terminal sends it"),
      takes = "20m",  -- invented
      requires = function(s)
        return s.buffer_found or s.terminal_clue,
          t("何を追えばよいか手がかりがない（バッファの状態か店舗の情報が要る）。",
            "No lead to follow yet (the buffer's state or the stores' information is needed).")
      end,
      does = function(s, ctx)
        s.source_found = true
        ctx.message{ from = "outsourcer", to = "system", after = "0m",
                     text = t("ある端末からの規定外コードのエラー処理が上限なくループしており、共通バッファを消費している。",
                              "The error handling of an out-of-spec code from one terminal loops "
                                .. "without a retry limit and consumes the shared buffer.") }
      end,
    },
    block_terminal = {
      by = "system",
      label = t("該当カード・端末からの取引を遮断する", "Block the faulty card and terminal"),
      takes = "10m",  -- invented
      requires = function(s)
        if s.terminal_blocked then return false, t("遮断済み。", "Already blocked.") end
        return s.source_found, t("どの端末か分かっていない。", "Which terminal is not known.")
      end,
      does = function(s) s.terminal_blocked = true; s.loop_active = false end,
      completes = "stop_loop",
    },
    restart_device = {
      by = "system",
      label = t("該当機器を再立ち上げする（バッファクリア）", "Restart the device (clear the buffer)"),
      takes = "15m",  -- invented
      repeatable = true,
      does = function(s, ctx)
        fresh_buffer(s)
        local text
        if s.loop_active then
          text = t("再立ち上げした。取引が通り始めたが、バッファの使用率がまた上がっている。",
                   "Restarted. Transactions go through, but buffer use is climbing again.")
        else
          text = t("再立ち上げした。バッファはクリアされ、取引は正常に流れている。",
                   "Restarted. The buffer is clear and transactions flow normally.")
        end
        ctx.message{ from = "outsourcer", to = "system", text = text, after = "0m" }
      end,
    },
    notify_group_companies = {
      by = "hq",
      label = t("グループ各社に状況と見通しを連絡する", "Tell the group companies the situation and outlook"),
      takes = "10m",  -- invented
      requires = function(s) return not s.groups_informed, t("連絡済み。", "Already told.") end,
      does = function(s, ctx)
        s.groups_informed = true
        ctx.after("group_companies", function(s2, ctx2)
          local text
          if s2.service_up and not s2.loop_active then
            text = t("了解。取引が戻ったことを確認した。", "Understood; trade is back on our side.")
          else
            text = t("了解。店頭では他社取引を一時停止と案内する。次の連絡時刻を知らせてほしい。",
                     "Understood; stores will say other-company trade is suspended. Tell us "
                       .. "when the next update comes.")
          end
          ctx2.message{ from = "group_companies", to = "hq", text = text, after = "0m" }
        end)
      end,
      completes = "inform_groups",
    },
    notify_external_centres = {
      by = "hq",
      label = t("外部センタに障害の状況を連絡する", "Tell the external centres about the failure"),
      takes = "15m",  -- invented
      requires = function(s) return not s.centres_informed, t("連絡済み。", "Already told.") end,
      does = function(s, ctx)
        s.centres_informed = true
        ctx.after("external_centres", function(s2, ctx2)
          local text
          if s2.source_found then
            text = t("原因が当方の回線でないことを了解した。復旧後の再送に備える。",
                     "Understood that our lines are not the cause; we prepare for resends after recovery.")
          else
            text = t("当方では異常を検知していない。原因が分かり次第知らせてほしい。",
                     "We see nothing wrong on our side; tell us as soon as you know the cause.")
          end
          ctx2.message{ from = "external_centres", to = "hq", text = text, after = "0m" }
        end)
      end,
      completes = "inform_centres",
    },
    add_buffer_alert = {
      by = "system",
      label = t("共通バッファ領域の使用率の常時監視とアラートを設定する", "Set up continuous monitoring and an alert on the shared buffer"),
      takes = "20m",  -- invented: a threshold alert on a metric the outsourcer already collects
      does = function(s) s.monitoring_added = true end,
      lesson = "realtime_monitoring",
    },
    plan_joint_drill = {
      by = "hq",
      label = t("想定外の事態を前提に、関係組織すべてを巻き込んだ訓練を計画する", "Plan a drill of the unexpected with every organisation involved"),
      takes = "30m",  -- invented
      lesson = "drill_unexpected",
    },
  },

  objectives = {
    find_cause = {
      phase = "isolate", notice = "timeouts", target = "1h", limit = "3h",  -- invented
      title = t("共通バッファ領域の枯渇を突き止める", "Find the exhausted shared buffer"),
      rationale = t("出典では過去の事例に引きずられ、原因究明に時間を要した。リソースを見れば30分で分かる（独自設定）ため、1時間（目標）、"
                      .. "3時間（期限）とした。",
                    "In the source past incidents led the search astray and the cause took long to find. The "
                      .. "resource metrics show it in 30 minutes (invented), so 1 h (target), 3 h (limit)."),
      when = function(s) return s.buffer_found end,
    },
    stop_loop = {
      phase = "isolate", notice = "timeouts", target = "1h30m", limit = "4h",  -- invented
      title = t("規定外コードを送る端末を止める", "Stop the terminal sending the out-of-spec code"),
      rationale = t("リトライに上限がないと小さな不具合が共有資源を枯渇させる（F20）。端末を止めない限り再立ち上げしても再発するため、"
                      .. "原因究明の30分後を目標とした（時間は独自設定）。",
                    "Unbounded retries turn a small fault into exhausted shared resources (F20); until the terminal "
                      .. "stops, every restart relapses. Target: 30 min after the cause is found (times invented)."),
    },
    inform_groups = {
      phase = "report", party = "group_companies", notice = "timeouts", target = "30m", limit = "2h",  -- invented
      title = t("グループ各社に状況を連絡する", "Inform the group companies"),
      rationale = t("自動通報は事象を伝えるだけで、店頭の案内には本部からの見通しが要る。業務部門・外部委託先との情報共有は出典の教訓②。"
                      .. "時間は独自設定。",
                    "The automatic notice only reports the event; stores need the HQ's outlook to guide customers. "
                      .. "Sharing with business units and outsourcers is the source's lesson 2. Times invented."),
    },
    inform_centres = {
      phase = "report", party = "external_centres", notice = "timeouts", target = "1h", limit = "3h",  -- invented
      title = t("外部センタに連絡する", "Inform the external centres"),
      rationale = t("共通バッファのため関連するすべての外部センタで障害が発生した（出典）。各センタの切り分けと再送準備のため1時間（目標）。"
                      .. "時間は独自設定。",
                    "The buffer was shared, so every related external centre failed (the source). They need to "
                      .. "stop searching their side and prepare resends: 1 h target, invented."),
    },
    joint_conference = {
      phase = "report", party = "outsourcer", notice = "timeouts", target = "1h", limit = "3h",  -- invented
      title = t("TV合同会議で関係者と情報を共有する", "Share information in the joint video conference"),
      rationale = t("出典ではTV合同会議で店舗・外部委託先・本部が対応した。店舗の情報は原因の手がかりになる。時間は独自設定。",
                    "In the source stores, outsourcer and HQ met in a joint video conference; the stores' information "
                      .. "is a lead to the cause. Times invented."),
    },
    restore_service = {
      phase = "recover", notice = "timeouts", target = "2h", limit = "6h",  -- invented
      title = t("全グループ会社の取引を復旧する", "Restore trade for every group company"),
      rationale = t("出典では原因究明と復旧に時間を要した。端末を止め、再立ち上げし、規制を解いて取引が流れるまでを2時間（目標）、"
                      .. "営業時間内の6時間（期限）とした（独自設定）。",
                    "In the source cause and recovery took long. Stopping the terminal, restarting, and lifting any "
                      .. "restriction until trade flows: 2 h target, 6 h limit within business hours (invented)."),
      when = function(s) return s.service_up and not s.loop_active and not s.restricted end,
    },
  },

  lessons = {
    realtime_monitoring = { text = t(
      "重要リソースの異常をリアルタイムに検知していなかった。システム監視設計を強化し、障害を未然に防ぐ。",
      "Critical resources were not watched in real time: strengthen the monitoring design to prevent failures.") },
    share_information = { text = t(
      "想定外の事態の原因究明に時間を要した。業務部門や外部委託先との情報共有をさらに円滑にする。",
      "Finding the cause of the unexpected took long: make information flow more smoothly with business units and outsourcers.") },
    drill_unexpected = { text = t(
      "機器の切替えでは復旧できなかった。想定外の事態を前提に、関係組織すべてを巻き込んだ訓練を行う。",
      "Switching equipment did not restore service: drill for the unexpected, with every organisation involved.") },
  },

  history = {
    { at = "0m", invented = true,
      text = t("外部センタとの連携処理でタイムアウトを検知し、外部委託先から全グループ会社に自動通報された。",
               "Timeouts were detected in processing with the external centres; the outsourcer notified every group company automatically.") },
    { at = "20m", action = "check_network", invented = true,
      text = t("店舗や外部委託先の情報では原因が分からず、過去の障害事例を参考にネットワークの障害状況を確認・解析した。",
               "Store and outsourcer information did not reveal the cause; following past incidents the network was checked and analysed.") },
    { at = "40m", action = "hold_video_conference", invented = true,
      text = t("店舗、外部委託先、障害対策本部がTV合同会議で対応した。",
               "Stores, outsourcer and incident headquarters coordinated in a joint video conference.") },
    { at = "1h", action = "notify_group_companies", invented = true,
      text = t("グループ各社へ状況を連絡した（想定）。", "The group companies were updated (assumed).") },
    { at = "1h10m", action = "switch_equipment", invented = true,
      text = t("機器を切り替えたが、同じ事象が再発した。", "Equipment was switched; the same failure recurred.") },
    { at = "1h50m", action = "restrict_centre_connections", invented = true,
      text = t("外部センタとの接続規制を実施したが、同じ事象が再発した。",
               "Connections to the external centres were restricted; the failure recurred.") },
    { at = "2h", action = "notify_external_centres", invented = true,
      text = t("外部センタへ状況を連絡した（想定）。", "The external centres were told (assumed).") },
    { at = "2h20m", action = "inspect_resource_metrics", invented = true,
      text = t("共通バッファ領域が枯渇していることを究明した。", "They found the shared buffer exhausted.") },
    { at = "3h30m", action = "restart_device", invented = true,
      text = t("該当機器を再立ち上げ（バッファクリア）し、復旧した。", "The device was restarted (buffer clear) and service recovered.") },
    { at = "3h50m", action = "lift_restriction", invented = true,
      text = t("接続規制を解除した（想定）。", "The restriction was lifted (assumed).") },
  },
}
