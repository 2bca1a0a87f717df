-- luacheck: std lua54, read globals scenario, no unused args, no max line length
-- Case 6 of the NISC supplementary survey (seeds/000_*.txt, 事例6
-- システムの不具合によるサービス障害).
-- Group companies outsource their system jointly; it links to several
-- external centres. A customer inserts a card with corrupt data; the terminal
-- sends an out-of-spec code; its error handling loops with no retry limit and
-- exhausts the buffer shared with every external centre, so no group company
-- can transact. The card was not pre-checked (cause [4]). The stores' and
-- outsourcer's information does not reveal the cause; past incidents point at
-- the network; switching equipment and restricting connections bring the
-- failure back; only the resource metrics show the exhausted buffer. Every number cites FACTS.md or is marked
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
      .. "自動通報が届く。過去の障害ではネットワークが原因だった。原因は、カードの事前チェック処理が一部漏れていたため、データに異常が"
      .. "あるカードから規定外コードが送られ、そのエラー処理が上限なく繰り返されて外部センタとの共通バッファ領域を食いつぶしていることにある。"
      .. "リソースの状態を見て原因を突き止め、該当端末を止めてから機器を再立ち上げ（バッファクリア）し、グループ各社と外部センタに"
      .. "情報を共有し、再発防止策（プログラム改修、類似ロジックの総点検、手順・マニュアル・ツール、監視）を決める。",
    "Timeouts pile up in processing that needs an external centre, and no group company can transact with "
      .. "others. The outsourcer's automatic notice reaches every group company. In past incidents the network was "
      .. "to blame. This time a card pre-check was missing, so a card with corrupt data made a terminal send an "
      .. "out-of-spec code whose error handling retries without limit, eating the buffer shared with every "
      .. "external centre. Find it from the resource metrics, stop the terminal, then restart the device (buffer "
      .. "clear), keep the group companies and external centres informed, and decide the prevention measures "
      .. "(program fix, audit of similar logic, procedures, manuals and tools, monitoring)."),
  length = "8h",
  invented = t(
    "出典に時刻・件数の記載がないため、次の値は演習用に設定した：バッファが空から満杯になる速さ（1分に5〜9%）、グループ全体で"
      .. "1分に失敗する取引数（300〜600件）、端末が自然に送信をやめる時刻（2時間30分〜3時間30分後）、接続規制の効果（規制先の分の"
      .. "バッファが空き一時的に取引が通るが、ループは続き再発する。規制先との取引は失敗）、プログラム改修（事前チェックとリトライ上限）の"
      .. "適用までの時間（3時間）、各関係者の応答時間、各対処の所要時間、目標時間と期限。リトライの上限がないと共有資源が枯渇することはF20に基づく。",
    "The source gives no times or counts, so these are set for the exercise: how fast the buffer fills from "
      .. "empty (5-9% a minute), transactions failing across the group per minute (300-600), when the terminal "
      .. "stops sending on its own (2 h 30 min to 3 h 30 min in), the effect of restricting connections (the "
      .. "restricted centres' part of the buffer is freed, so trade flows for a while, but the loop goes on and the "
      .. "failure recurs; transactions with the restricted centres fail), the time until the program fix (pre-check "
      .. "and retry limit) is in place (3 h), every reply time and action duration, and every target and limit. That unbounded retries exhaust shared resources is F20."),

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
    store_reported = false,     -- the stores reported the impact (no cause: the source)
    source_found = false,
    fix_ordered = false,        -- pre-check and retry limit ordered from the outsourcer
    retry_limited = false,      -- the fixed program is in place: the loop cannot run on
    groups_informed = false,
    centres_informed = false,
    conference_held = false,
    monitoring_added = false,
    similar_logic_audited = false,
    procedures_reviewed = false,
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
    -- API 1.1: the automatic notice reaches the company's incident HQ and its
    -- system staff at once (the source: the outsourcer notifies automatically);
    -- the business division hears from the stores.
    { id = "timeouts", at = "0m", from = "outsourcer", to = { "hq", "system" },
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

    { id = "store_reports", at = "10m", from = "stores", to = "business",  -- invented
      text = t("「どの店舗でも、どの端末でも他社カードの取引ができない。」店舗の情報からも外部委託先のサービス影響情報からも、"
                 .. "原因の手がかりは得られない。",
               "'No terminal in any store can take other companies' cards.' Neither the stores' information nor the "
                 .. "outsourcer's service-impact information gives a clue to the cause."),
      questions = {
        t("店舗の影響情報を、障害対策本部・システム担当・外部委託先にどう届けるか。",
          "How does the stores' impact information reach the headquarters, the system staff and the outsourcer?"),
        t("影響情報で原因が分からないとき、次に何を見るか。",
          "When the impact information does not reveal the cause, what do you look at next?"),
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
        if s.loop_active and s.retry_limited then
          s.loop_active = false  -- the fixed program gives up after its retry limit (F20)
        end
        if s.loop_active then
          -- restricting connections does not slow the loop (the source: the failure recurred)
          s.buffer_used = math.min(100, s.buffer_used + s.fill_rate)
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
      does = function(s, ctx)
        s.restricted = true
        -- the restricted centres' part of the shared buffer is freed (invented:
        -- half); trade with the others flows until the loop fills it again
        s.buffer_used = s.buffer_used // 2
        s.service_up = s.buffer_used < 100
        ctx.message{ from = "outsourcer", to = "system", after = "0m",
                     text = t("接続を規制した。規制していない外部センタとの取引が通り始めている。",
                              "Connections restricted; trade with the unrestricted centres is going through.") }
      end,
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
      label = t("店舗・外部委託先とTV合同会議を開く", "Hold a joint video conference with the stores and the outsourcer"),
      takes = "20m",  -- invented
      requires = function(s) return not s.conference_held, t("開催済み。", "Already held.") end,
      does = function(s, ctx)
        s.conference_held = true
        ctx.after("stores", function(s2, ctx2)
          local text
          if s2.source_found then
            text = t("会議で共有：原因の端末が特定されたことを店舗に伝え、店頭の案内をそろえた。",
                     "Shared at the conference: the stores now know which terminal caused it and give customers one message.")
          else
            text = t("会議で共有された店舗の情報：どの店舗でも他社取引ができない。店舗の情報では原因は分からない。",
                     "Shared at the conference from the stores: no store can trade with other companies; their "
                       .. "information does not reveal the cause.")
          end
          ctx2.message{ from = "stores", to = "hq", after = "0m", text = text }
        end)
      end,
      completes = "joint_conference",
      lesson = "share_information",
    },
    relay_store_info = {
      by = "business",
      label = t("店舗の影響情報を障害対策本部とシステム担当に伝える", "Pass the stores' impact information to the headquarters and the system staff"),
      takes = "10m",  -- invented
      requires = function(s) return s.store_reported, t("店舗からまだ情報がない。", "The stores have not reported yet.") end,
      does = function(s, ctx)
        ctx.message{ from = "stores", to = "system", after = "0m",
                     text = t("店舗の影響情報：全店舗で他社取引が不可。原因の手がかりはない（出典：店舗や外部委託先の情報では原因特定に至らず）。",
                              "The stores' impact information: no store can trade with other companies; no clue to the "
                                .. "cause (the source: store and outsourcer information did not reveal it).") }
      end,
      lesson = "share_information",
    },
    trace_error_source = {
      by = "system",
      label = t("バッファを埋めている処理と送信元の端末を突き止める", "Trace what fills the buffer and which terminal sends it"),
      takes = "20m",  -- invented
      requires = function(s)
        return s.buffer_found,
          t("何を追えばよいか手がかりがない（まずバッファなどリソースの状態を見る）。",
            "No lead to follow yet (look at the resources, such as the buffer, first).")
      end,
      does = function(s, ctx)
        s.source_found = true
        ctx.message{ from = "outsourcer", to = "system", after = "0m",
                     text = t("特定業務でカードの事前チェック処理が一部漏れており、データに異常があるカードから規定外コードが送られた。"
                                .. "そのエラー処理が上限なくループし、共通バッファを消費している。",
                              "A card pre-check was missing in one business process, so a card with corrupt data sent "
                                .. "an out-of-spec code; its error handling loops without a retry limit and consumes "
                                .. "the shared buffer.") }
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
    order_program_fix = {  -- [5] エラー処理ロジックの適正化
      by = "system",
      label = t("エラー処理ロジックの改修（カードの事前チェック処理の実装、リトライ上限の設定）を外部委託先に依頼する",
                "Order the error-handling fix from the outsourcer (a card pre-check and a retry limit)"),
      takes = "30m",  -- invented: agreeing the change
      requires = function(s)
        if s.fix_ordered then return false, t("依頼済み。", "Already ordered.") end
        return s.source_found, t("どの処理を直すかまだ分かっていない。", "Which logic to fix is not known yet.")
      end,
      does = function(s, ctx)
        s.fix_ordered = true
        ctx.after("3h", function(s2, ctx2)  -- invented: build, test and release
          s2.retry_limited = true
          ctx2.message{ from = "outsourcer", to = "system", after = "0m",
                        text = t("改修版（事前チェックとリトライ上限）を適用した。規定外コードは上限回数で打ち切られる。",
                                 "The fixed program (pre-check and retry limit) is in place: an out-of-spec code now "
                                   .. "stops at the retry limit.") }
        end)
      end,
      lesson = "fix_error_handling",
    },
    audit_similar_logic = {  -- [5] 類似ロジックの総点検
      by = "system",
      label = t("ほかの業務の類似ロジック（事前チェック・リトライ）の総点検を指示する",
                "Order an audit of similar logic in other business processes (pre-checks, retries)"),
      takes = "20m",  -- invented: issuing the order
      requires = function(s) return s.source_found, t("何が原因のロジックかまだ分かっていない。", "The faulty logic is not known yet.") end,
      does = function(s) s.similar_logic_audited = true end,
      lesson = "audit_similar_logic",
    },
    review_procedures = {  -- [5] 手順の見直し、マニュアル・ツール類の整備
      by = "hq",
      label = t("現状把握・対処を速めるため、手順を見直しマニュアル・ツール類を整備する",
                "Review the procedures and prepare manuals and tools to see and act faster"),
      takes = "30m",  -- invented: assigning the work
      does = function(s) s.procedures_reviewed = true end,
      lesson = "procedures_tools",
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
      capability = t("状況評価", "Situational Assessment"),
      rationale = t("出典では過去の事例に引きずられ、原因究明に時間を要した。リソースを見れば30分で分かる（独自設定）ため、1時間（目標）、"
                      .. "3時間（期限）とした。",
                    "In the source past incidents led the search astray and the cause took long to find. The "
                      .. "resource metrics show it in 30 minutes (invented), so 1 h (target), 3 h (limit)."),
      when = function(s) return s.buffer_found end,
    },
    stop_loop = {
      phase = "isolate", notice = "timeouts", target = "1h30m", limit = "4h",  -- invented
      title = t("規定外コードを送る端末を止める", "Stop the terminal sending the out-of-spec code"),
      capability = t("インフラシステム", "Infrastructure Systems"),
      rationale = t("リトライに上限がないと小さな不具合が共有資源を枯渇させる（F20）。端末を止めない限り再立ち上げしても再発するため、"
                      .. "原因究明の30分後を目標とした（時間は独自設定）。",
                    "Unbounded retries turn a small fault into exhausted shared resources (F20); until the terminal "
                      .. "stops, every restart relapses. Target: 30 min after the cause is found (times invented)."),
    },
    inform_groups = {
      phase = "report", party = "group_companies", notice = "timeouts", target = "30m", limit = "2h",  -- invented
      title = t("グループ各社に状況を連絡する", "Inform the group companies"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("自動通報は事象を伝えるだけで、店頭の案内には本部からの見通しが要る。業務部門・外部委託先との情報共有は出典の教訓②。"
                      .. "時間は独自設定。",
                    "The automatic notice only reports the event; stores need the HQ's outlook to guide customers. "
                      .. "Sharing with business units and outsourcers is the source's lesson 2. Times invented."),
    },
    inform_centres = {
      phase = "report", party = "external_centres", notice = "timeouts", target = "1h", limit = "3h",  -- invented
      title = t("外部センタに連絡する", "Inform the external centres"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("共通バッファのため関連するすべての外部センタで障害が発生した（出典）。各センタの切り分けと再送準備のため1時間（目標）。"
                      .. "時間は独自設定。",
                    "The buffer was shared, so every related external centre failed (the source). They need to "
                      .. "stop searching their side and prepare resends: 1 h target, invented."),
    },
    joint_conference = {
      phase = "report", party = "outsourcer", notice = "timeouts", target = "1h", limit = "3h",  -- invented
      title = t("TV合同会議で関係者と情報を共有する", "Share information in the joint video conference"),
      capability = t("運用調整", "Operational Coordination"),
      rationale = t("出典ではTV合同会議で店舗・外部委託先・本部が対応した。店舗の情報は原因の手がかりになる。時間は独自設定。",
                    "In the source stores, outsourcer and HQ met in a joint video conference; the stores' information "
                      .. "is a lead to the cause. Times invented."),
    },
    restore_service = {
      phase = "recover", notice = "timeouts", target = "2h", limit = "6h",  -- invented
      title = t("全グループ会社の取引を復旧する", "Restore trade for every group company"),
      capability = t("インフラシステム", "Infrastructure Systems"),
      rationale = t("出典では原因究明と復旧に時間を要した。端末を止め、再立ち上げし、規制を解いて取引が流れるまでを2時間（目標）、"
                      .. "営業時間内の6時間（期限）とした（独自設定）。",
                    "In the source cause and recovery took long. Stopping the terminal, restarting, and lifting any "
                      .. "restriction until trade flows: 2 h target, 6 h limit within business hours (invented)."),
      when = function(s) return s.service_up and not s.loop_active and not s.restricted end,
    },
  },

  lessons = {
    realtime_monitoring = { capability = t("インフラシステム", "Infrastructure Systems"),
      text = t(
      "重要リソースの異常をリアルタイムに検知していなかった。システム監視設計を強化し、障害を未然に防ぐ。",
      "Critical resources were not watched in real time: strengthen the monitoring design to prevent failures.") },
    share_information = { capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      text = t(
      "想定外の事態の原因究明に時間を要した。業務部門や外部委託先との情報共有をさらに円滑にする。",
      "Finding the cause of the unexpected took long: make information flow more smoothly with business units and outsourcers.") },
    drill_unexpected = { capability = t("計画策定", "Planning"),
      text = t(
      "機器の切替えでは復旧できなかった。想定外の事態を前提に、関係組織すべてを巻き込んだ訓練を行う。",
      "Switching equipment did not restore service: drill for the unexpected, with every organisation involved.") },
    fix_error_handling = { capability = t("長期的な脆弱性の低減", "Long-term Vulnerability Reduction"),
      text = t(
      "再発防止策：エラー処理ロジックの適正化（カードの事前チェック処理の実装、リトライ処理の上限設定など）。",
      "Prevention: correct the error handling (implement the card pre-check, cap the retries).") },
    audit_similar_logic = { capability = t("長期的な脆弱性の低減", "Long-term Vulnerability Reduction"),
      text = t(
      "再発防止策：その他の業務に関連する類似ロジックの総点検。",
      "Prevention: audit similar logic in every other business process.") },
    procedures_tools = { capability = t("計画策定", "Planning"),
      text = t(
      "再発防止策：現状把握・対処の迅速化に向けた手順の見直しと、マニュアル・ツール類の整備。",
      "Prevention: review the procedures and prepare manuals and tools, to see the situation and act faster.") },
  },

  history = {
    { at = "0m", invented = true,
      text = t("外部センタとの連携処理でタイムアウトを検知し、外部委託先から全グループ会社に自動通報された。",
               "Timeouts were detected in processing with the external centres; the outsourcer notified every group company automatically.") },
    { at = "20m", action = "check_network", invented = true,
      text = t("店舗や外部委託先の情報では原因が分からず、過去の障害事例を参考にネットワークの障害状況を確認・解析した。",
               "Store and outsourcer information did not reveal the cause; following past incidents the network was checked and analysed.") },
    { at = "40m", action = "hold_video_conference", invented = true,
      text = t("店舗、外部委託先、障害対策本部がTV合同会議で対応した（店舗や外部委託先の情報では原因特定に至らず）。",
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
    { action = "order_program_fix",
      text = t("再発防止策：障害原因となったプログラムを改修した（事前チェック処理の実装、リトライ処理の上限設定など。時期の記載なし）。",
               "Prevention: the faulty program was fixed (card pre-check, retry limit; no date given).") },
    { action = "audit_similar_logic",
      text = t("再発防止策：他の業務に関連する類似ロジックの総点検を実施した（時期の記載なし）。",
               "Prevention: similar logic in other business processes was audited (no date given).") },
    { action = "review_procedures",
      text = t("再発防止策：手順を見直し、マニュアル・ツール類を整備した（時期の記載なし）。",
               "Prevention: procedures were reviewed and manuals and tools prepared (no date given).") },
    { action = "add_buffer_alert",
      text = t("再発防止策：バッファ領域の状態の常時監視など、監視設計を見直した（時期の記載なし）。",
               "Prevention: the monitoring design was reviewed, e.g. the buffer watched continuously (no date given).") },
  },
}
