-- luacheck: std lua54, read globals scenario, no unused args, no max line length
-- Case 4 of the NISC supplementary survey (seeds/000_*.txt, 事例4 管理サーバへの不正アクセス).
-- Customer data is exchanged on a contractor's server that any external
-- address can reach; its admin ID/PW were never changed and the contract does
-- not require access logs. During periodic maintenance the operator finds that
-- someone has logged in with the admin ID/PW and taken customer information.
--
-- The exercise runs for 61 simulated days because it scores the Personal
-- Information Protection Commission's final report (60 days after discovery
-- when the leak comes from an unauthorised act, F1). A facilitator plays the
-- first hours live (discovery, credentials, management, logs), then jumps to
-- the next inject ("jump to next inject") or runs the clock fast: the
-- days-long waits (the contractor's logs, the security vendor) are what the
-- team learns to plan around, not to sit through. Every number cites FACTS.md
-- or is marked `-- invented` and listed in `invented`.

local DAY = 86400

local CUSTOMERS = 60000      -- invented: customers whose data passes through the server
local LOG_RETENTION = 14     -- invented: days the server keeps access logs with no log clause
                             -- (shorter than every reference point of F22: 30 d, 3 m, 1 y)
local PPC_PRELIM_DAYS = 3    -- F1: preliminary report "promptly", guideline about 3-5 days

local function t(ja, en) return { ja = ja, en = en } end

-- The security vendor starts once it is engaged AND has logs to read (or
-- knows there are none); its report depends on what the logs still held.
local function maybe_start_analysis(s, ctx)
  if s.analysis_started or not s.vendor_engaged then return end
  if not (s.logs_obtained or s.server_wiped) then return end
  s.analysis_started = true
  ctx.after(ctx.random(7, 10) * DAY, function(s2, ctx2)  -- invented: 7-10 days of analysis
    s2.investigation_done = true
    s2.scope_known = true
    local text
    if s2.log_days_lost == 0 then
      s2.affected = s2.records_taken
      s2.affected_estimated = 0
      text = t(string.format("調査報告：アクセスログから不正ログインの全期間を追跡できた。漏えいした顧客は%d件と特定した。"
                               .. "管理者ID/PWの漏えい経路は特定できなかった。", s2.affected),
               string.format("Investigation report: the access logs cover the whole intrusion. %d customers' "
                               .. "records were taken. How the admin ID/PW leaked could not be determined.", s2.affected))
    elseif s2.logs_obtained then
      -- Some days have no logs: the vendor traces what the logs cover and
      -- estimates the rest at the rate it saw (the scope is uncertain, not
      -- "everyone"; the source says only that the leak route was not found).
      local traced = math.max(0, s2.records_taken - s2.log_days_lost * 24 * s2.attack_rate)
      s2.affected_estimated = s2.records_taken - traced
      s2.affected = s2.records_taken
      text = t(string.format("調査報告：ログが残る期間で%d件の持ち出しを特定した。ログのない侵入初期の%d日分は、同じ頻度と"
                               .. "仮定して約%d件と推定するが確定できない。特定分と推定分の計%d件を通知の対象とする。"
                               .. "管理者ID/PWの漏えい経路は特定できなかった。",
                             traced, s2.log_days_lost, s2.affected_estimated, s2.affected),
               string.format("Investigation report: the logs show %d records taken. For the first %d days of the "
                               .. "intrusion there are no logs; at the same rate about %d more, which cannot be "
                               .. "confirmed. The %d traced and estimated customers are to be notified. How the admin "
                               .. "ID/PW leaked could not be determined.",
                             traced, s2.log_days_lost, s2.affected_estimated, s2.affected))
    else
      -- The server was rebuilt before the logs were secured: nothing to trace.
      s2.affected = CUSTOMERS
      s2.affected_estimated = CUSTOMERS
      text = t(string.format("調査報告：サーバが再構築されておりログが一切ない。漏えい範囲を推定する材料がなく、サーバにデータが"
                               .. "あった全顧客（%d件）を対象とするほかない。管理者ID/PWの漏えい経路も特定できなかった。", CUSTOMERS),
               string.format("Investigation report: the server was rebuilt and no logs exist, so there is nothing to "
                               .. "estimate the scope from; every customer whose data was on the server (%d) must be "
                               .. "notified. How the admin ID/PW leaked could not be determined either.", CUSTOMERS))
    end
    ctx2.message{ from = "security_vendor", to = "sysadmin", text = text, after = "0m" }
  end)
end

return scenario {
  id = "admin-server-breach",
  source = "case 4",
  title = t("管理サーバへの不正アクセス", "Unauthorised access to a management server"),
  summary = t(
    "顧客情報のやり取りに使う委託先の管理サーバに、管理者ID/PWで不正ログインされ、顧客情報が持ち出されていた。"
      .. "定期メンテナンスで発見した。サーバはどの外部IPアドレスからも接続でき、ID/PWは導入以来変更しておらず、"
      .. "委託先がアクセスログを取得する契約にもなっていない。攻撃者を締め出し、ログを確保し、セキュリティベンダーに調査を依頼し、"
      .. "顧客へお詫びと注意喚起を行い、個人情報保護委員会へ速報（3〜5日）と確報（60日）を出す。",
    "Someone logged in to the contractor's management server, used to exchange customer data, with the admin "
      .. "ID/PW and took customer information; periodic maintenance finds it. The server accepts any external "
      .. "address, the ID/PW were never changed, and the contract does not require the contractor to keep access "
      .. "logs. Lock the attacker out, secure the logs, have a security vendor investigate, apologise to and warn "
      .. "customers, and send the Personal Information Protection Commission its preliminary (3-5 days) and "
      .. "final (60 days) reports."),
  length = "61d",
  speed = 60,  -- the first hours live at one simulated minute per real second; the
  -- facilitator jumps over the days-long waits with /next
  invented = t(
    "出典に時刻・件数の記載がないため、次の値は演習用に設定した：顧客数（60,000）、攻撃者が1時間に持ち出す件数（20〜60件）、"
      .. "サーバのログ保存期間（14日）、委託先・セキュリティベンダー・個人情報保護委員会の応答時間、ログ開示までの日数（3〜5日）、"
      .. "調査期間（7〜10日）、漏えい経路が塞がれていない場合に新しいPWが再び漏れる日（発見後5〜9日）、"
      .. "なりすましメール等の被害率（1日に持ち出し件数の1万分の10、注意喚起後3、個別通知後1）、各対処の所要時間、"
      .. "および速報・確報以外の目標時間と期限。発見前の潜伏日数（6〜12日）はM-Trendsの中央値10日（F8）に、"
      .. "速報3〜5日・確報60日はF1に、委託先との共同報告はF2に基づく。",
    "The source gives no times or counts, so these are set for the exercise: customers (60,000), records the "
      .. "attacker copies per hour (20-60), the server's log retention (14 days), the reply times of the "
      .. "contractor, security vendor and PPC, days until the disclosed logs arrive (3-5), the investigation (7-10 "
      .. "days), the day the still-open leak route hands over a new password (day 5-9 after discovery), the fraud "
      .. "rate (10 per 10,000 records taken per day; 3 after the website warning; 1 after individual notices), "
      .. "every action's duration, and every target and limit except the PPC's. The dwell time before discovery "
      .. "(6-12 days) follows the M-Trends median of 10 days (F8); the 3-5 and 60 days are F1; the joint report "
      .. "with the contractor is F2."),

  roles = {
    sysadmin = { name = t("システム担当", "System staff"),
                 description = t("管理サーバの定期メンテナンスを行い、委託先と技術的にやり取りする。",
                                 "Runs the periodic maintenance of the server and talks to the contractor technically.") },
    business = { name = t("事業部", "Business division"),
                 description = t("顧客との取引と委託先との契約を持つ。個人情報の取扱いの窓口。",
                                 "Owns the customer relationship and the contract with the contractor; the "
                                   .. "contact point for personal data.") },
    management = { name = t("経営者", "Management"),
                   description = t("社長。開示請求や公表、委員会の設置を決める。",
                                   "The president: decides the disclosure request, the announcement and the committee.") },
    pr = { name = t("広報", "Public relations"),
           description = t("ホームページでのお詫びと注意喚起、問い合わせ対応。",
                           "The apology and warning on the website, and customer inquiries.") },
  },

  actors = {
    contractor = { kind = "contractor", name = t("委託先", "Contractor"),
                   delay = { "4h", "1d" } },            -- invented: no SLA in the contract
    security_vendor = { kind = "vendor", name = t("セキュリティベンダー", "Security vendor"),
                        delay = { "1d", "3d" } },       -- invented: contract and kick-off
    ppc = { kind = "agency", name = t("個人情報保護委員会", "Personal Information Protection Commission (PPC)"),
            short = t("個人情報保護委", "PPC"),
            delay = { "1d", "3d" } },                   -- invented
    customers = { kind = "customer", name = t("顧客", "Customers"),
                  delay = { "2h", "6h" } },             -- invented
  },

  state = {
    day = 0,                    -- whole days since discovery (kept by the `calendar` dynamic)
    dwell_days = 0,             -- days the attacker had access before discovery (F8, drawn at discovery)
    attack_rate = 0,            -- records the attacker copies per hour (invented, drawn at discovery)
    relapse_day = 0,            -- day the open leak route hands over the current password (invented)
    records_taken = 0,          -- customers' records taken (damage)
    attacker_active = true,     -- the attacker can still log in
    creds_changed = false,
    ip_restricted = false,
    relapses = 0,
    management_informed = false,
    logs_asked = false,         -- informal request to the contractor
    logs_preserved = false,     -- the contractor froze a copy after the disclosure request
    logs_obtained = false,
    log_days_lost = 0,          -- days of the intrusion whose logs rotated away or were destroyed (damage)
    server_wiped = false,
    vendor_engaged = false,
    analysis_started = false,
    investigation_done = false,
    scope_known = false,
    affected = 0,               -- customers to notify individually (known after the investigation)
    affected_estimated = 0,     -- of those, estimated for days without logs (not confirmed)
    all_credentials_changed = false,  -- [5]②: every system's ID/PW changed, ID rules written
    log_rules = false,          -- [5]④: internal log-management rules: logs kept from then on
    warning_posted = false,
    individuals_notified = false,
    fraud_victims = 0,          -- customers deceived with their leaked data (damage)
    joint_report = false,
    ppc_preliminary = false,
    ppc_final = false,
    committee = false,
    contract_amended = false,
  },

  settings = {
    leak_route_open = {
      value = true,  -- the source never found how the ID/PW leaked, so the exercise assumes it is still open
      label = t("ID/PWの漏えい経路がまだ塞がれていない（出典では特定できなかった）",
                "The route by which the ID/PW leaked is still open (the source never found it)") },
  },

  metrics = {
    records_taken = { label = t("持ち出された顧客情報", "Customer records taken"),
                      unit = t("件", "records"), max = CUSTOMERS, damage = true },
    log_days_lost = { label = t("失われた侵入期間のログ", "Days of intrusion logs lost"),
                      unit = t("日", "days"), max = 75, damage = true },
    fraud_victims = { label = t("なりすまし被害に遭った顧客", "Customers defrauded with leaked data"),
                      unit = t("人", "people"), max = 3000, damage = true },
    affected = { label = t("個別通知の対象顧客", "Customers to notify individually"),
                 unit = t("人", "people"), max = CUSTOMERS },
    affected_estimated = { label = t("うちログがなく推定の顧客", "Of those, estimated without logs"),
                           unit = t("人", "people"), max = CUSTOMERS },
    day = { label = t("発見からの日数", "Days since discovery"), unit = t("日", "days"), max = 61 },
  },

  injects = {
    { id = "discovery", at = "0m", from = "sysadmin", to = "sysadmin",
      text = t("管理サーバの定期メンテナンス中、誰も作った覚えのない顧客情報の一括エクスポートファイルが、管理者権限で作られているのを"
                 .. "見つけた。いつ、どこから接続されたかを示すログは手元にない（委託先がログを取得する契約になっていない）。"
                 .. "サーバは委託先が運用し、どの外部IPアドレスからも接続できる。",
               "During periodic maintenance of the management server you find bulk exports of customer records, made "
                 .. "with admin rights, that nobody remembers making. You have no log showing when or from where "
                 .. "(the contract does not require the contractor to keep access logs). The contractor runs the "
                 .. "server; any external address can reach it."),
      questions = {
        t("攻撃者はいまも管理者ID/PWを使える。最初に何をするか。誰の承認が要るか。",
          "The attacker can still use the admin ID/PW. What comes first, and whose approval does it need?"),
        t("どのログがどこに、いつまで残っているか。委託先との契約には何と書いてあるか。",
          "Which logs exist, where, and for how long? What does the contract with the contractor say?"),
        t("個人情報保護委員会への報告義務は生じるか。期限はいつか。",
          "Does this have to be reported to the Personal Information Protection Commission? By when?"),
      },
      does = function(s, ctx)
        s.dwell_days = ctx.random(6, 12)       -- F8: median dwell time 10 days
        s.attack_rate = ctx.random(20, 60)     -- invented: records per hour
        s.relapse_day = ctx.random(5, 9)       -- invented
        s.records_taken = math.min(CUSTOMERS, s.dwell_days * 24 * s.attack_rate)
      end },

    { id = "contractor_no_logs", when = function(s) return s.logs_asked and not s.logs_preserved and s.day >= 1 end,
      from = "contractor", to = "business",
      text = t("「契約上、アクセスログの取得・提供はお約束していません。サーバには既定の設定で14日分ほど残っていますが、"
                 .. "古い分から消えていきます。提供するには正式な開示請求をいただく必要があります。」",
               "'The contract does not oblige us to keep or hand over access logs. The server keeps "
                 .. "about 14 days by default, and the oldest go first. To hand them over we need a formal "
                 .. "disclosure request.'"),
      questions = {
        t("開示請求は誰の名前で、どれだけ早く出せるか。", "In whose name can a disclosure request go out, and how fast?"),
        t("ログが消える前に、まず保全だけを頼めないか。", "Can you ask them to preserve the logs first, before they rotate away?"),
      } },

    { id = "logs_rotating", when = function(s) return s.log_days_lost > 0 and not s.server_wiped end,
      from = "contractor", to = "sysadmin",
      text = t("委託先の保守担当が何気なく言った：「最初のころのログはもう消えていますね。14日より古いものは残りません。」",
               "The contractor's engineer mentions in passing: 'The earliest logs are gone already; nothing older "
                 .. "than 14 days stays.'"),
      questions = {
        t("侵入の始まりが追えないと、漏えい範囲と通知の対象はどうなるか。",
          "If the start of the intrusion cannot be traced, what happens to the scope and to whom you must notify?"),
      } },

    { id = "customers_calling",
      when = function(s) return s.fraud_victims > 0 and not s.warning_posted end,
      from = "customers", to = "pr",
      text = t("顧客から問い合わせ：「御社との取引内容が書かれた不審なメールが届き、リンクを開いてしまった。」同様の連絡が続いている。",
               "A customer calls: 'I got a suspicious mail quoting my business with you, and I opened the link.' "
                 .. "More calls like it follow."),
      questions = {
        t("原因も範囲も分からないうちに、ホームページでお詫びと注意喚起を出すべきか。",
          "Should the website carry an apology and warning before the cause and scope are known?"),
        t("問い合わせ窓口と想定問答は誰が用意するか。", "Who prepares the inquiry desk and the Q&A?"),
      } },

    { id = "ppc_due", when = function(s) return s.day >= PPC_PRELIM_DAYS and not s.ppc_preliminary end,
      from = "business", to = "management",
      text = t("事業部の個人情報担当から：「不正アクセスによる漏えいは個人情報保護委員会への報告対象です。速報はおおむね3〜5日以内、"
                 .. "確報は60日以内が目安です。委託先にも報告義務があり、共同で報告できます。」",
               "The business division's privacy contact: 'A leak through an unauthorised act must be reported to "
                 .. "the PPC: the preliminary report within about 3-5 days, the final report within 60 days. The "
                 .. "contractor has the duty too, and we may report jointly.'"),
      questions = {
        t("速報に書けることは何か。分からないことはどう書くか。",
          "What can the preliminary report say, and how do you write what is still unknown?"),
        t("委託先と共同で報告するか、別々に報告するか。", "Report jointly with the contractor, or separately?"),
      } },

    { id = "relapse", when = function(s) return s.relapses > 0 end,
      from = "contractor", to = "sysadmin",
      text = t("「変更後の管理者IDで、また海外のアドレスからログインされています。」新しいPWも漏れていた。",
               "'The new admin ID is being used again from a foreign address.' The new password "
                 .. "has leaked as well."),
      questions = {
        t("漏えい経路が分からないまま、PW変更だけで守れるか。", "With the leak route unknown, can a password change alone protect the server?"),
        t("接続元を自社のIPアドレスに限定できないか。", "Can the server accept only the operator's own addresses?"),
      } },

    { id = "president_asks", at = "14d", from = "management", to = "management",  -- invented day
      text = t("取締役会で社長が問う：「導入以来、誰もこのサーバの安全性を見直していなかったのか。ほかのシステムは大丈夫か。」",
               "At the board the president asks: 'Has nobody reviewed this server's security since it was "
                 .. "introduced? What about our other systems?'"),
      questions = {
        t("経営者主導で継続的に評価・改善する仕組みをどう作るか。", "How do you build a management-led, continuous review?"),
        t("社内システムすべてのID/PWとログの規程をどうするか。", "What rules for IDs, passwords and logs across every system?"),
      } },

    { id = "final_due", when = function(s) return s.day >= 50 and not s.ppc_final end,  -- 10 days before F1's 60
      from = "business", to = "management",
      text = t("個人情報担当から：「確報の期限（発見から60日）まで10日です。調査結果と再発防止策がまだそろっていません。」",
               "The privacy contact: 'Ten days to the final report's deadline (60 days from discovery). The "
                 .. "investigation result and the prevention measures are not all there yet.'"),
      questions = {
        t("調査が終わっていなくても確報に書けることは何か。", "What can the final report say if the investigation is unfinished?"),
      } },
  },

  every = {
    -- The calendar: whole days since discovery, for day-based injects.
    { id = "calendar", period = "1d", start = "0m",
      run = function(s) s.day = s.day + 1 end },

    -- The attacker keeps copying new customer records while the ID/PW works
    -- and any address may connect.
    { id = "exfiltration", period = "1h", start = "0m",
      run = function(s)
        if s.attacker_active and not s.ip_restricted then
          s.records_taken = math.min(CUSTOMERS, s.records_taken + s.attack_rate)
        end
      end },

    -- Logs rotate away until the contractor preserves them (or the new log
    -- rules keep them): the oldest day on the server is (day - retention);
    -- the intrusion began at -dwell_days.
    { id = "log_rotation", period = "1d", start = "0m",
      run = function(s)
        if s.logs_preserved or s.log_rules or s.server_wiped then return end
        s.log_days_lost = math.max(s.log_days_lost, s.day - LOG_RETENTION + s.dwell_days)
      end },

    -- The leak route was never found: on its day it hands the attacker
    -- whatever the admin password is then, unless only the operator's
    -- addresses may connect or every ID/PW has been changed under new rules
    -- (prevention ②: managed against leaks).
    { id = "leak_route", period = "1d", start = "0m",
      run = function(s)
        if s.leak_route_open and s.day == s.relapse_day and s.creds_changed and not s.ip_restricted
           and not s.all_credentials_changed then
          s.attacker_active = true
          s.creds_changed = false
          s.relapses = s.relapses + 1
        end
      end },

    -- Fraud with the leaked data; warnings make customers wary.
    { id = "fraud", period = "1d", start = "0m",
      run = function(s)
        local per_10k = 10                                   -- invented
        if s.individuals_notified then per_10k = 1           -- invented
        elseif s.warning_posted then per_10k = 3 end         -- invented
        s.fraud_victims = s.fraud_victims + (s.records_taken * per_10k) // 10000
      end },
  },

  actions = {
    report_to_management = {
      by = "sysadmin",
      label = t("経営者に報告する", "Report to management"),
      takes = "15m",  -- invented
      requires = function(s) return not s.management_informed, t("報告済み。", "Already reported.") end,
      does = function(s) s.management_informed = true end,
      completes = "tell_management",
    },
    change_admin_credentials = {
      by = "sysadmin",
      label = t("管理者ID/PWを変更する", "Change the admin ID and password"),
      description = t("委託先と調整し、管理者IDとPWを新しいものに替える。", "With the contractor, replace the admin ID and password."),
      takes = "30m",  -- invented
      repeatable = true,  -- again after a relapse
      requires = function(s)
        return s.attacker_active, t("攻撃者は現在ログインできない。", "The attacker cannot log in at present.")
      end,
      does = function(s) s.creds_changed = true; s.attacker_active = false end,
      completes = "revoke_access",
    },
    change_all_credentials = {  -- [5]② 社内システム全てのID/PWを変更し、ID管理規程を整備
      by = { "sysadmin", "management" },
      label = t("社内システムすべてのID/PWを変更し、ID管理規程を整備してPW変更管理を徹底する",
                "Change every ID/PW across the company's systems, write ID-management rules and enforce password changes"),
      takes = "4d",  -- invented: every system, and the rules approved
      requires = function(s)
        if s.all_credentials_changed then return false, t("実施済み。", "Already done.") end
        return s.management_informed, t("全社の規程には経営者の判断が要る。", "Company-wide rules need management's decision.")
      end,
      does = function(s) s.all_credentials_changed = true end,
      lesson = "credential_management",
    },
    set_log_rules = {  -- [5]④ ログ管理に関する規程を定め、ログを適切に取得
      by = { "sysadmin", "business" },
      label = t("ログ管理に関する社内規程を定め、ログを適切に取得する", "Set internal log-management rules so that logs are properly kept"),
      takes = "7d",  -- invented: rules written and applied
      requires = function(s) return not s.log_rules, t("規程は定め済み。", "The rules are already set.") end,
      does = function(s) s.log_rules = true end,
      lesson = "log_rules",
    },
    restrict_to_operator_ips = {
      by = "sysadmin",
      label = t("管理サーバへの接続を自社のIPアドレスに限定する", "Restrict the server to the operator's IP addresses"),
      takes = "1d",  -- invented: the contractor changes its firewall
      does = function(s, ctx)
        s.ip_restricted = true
        s.attacker_active = false
        ctx.message{ from = "contractor", to = "sysadmin", after = "0m",
                     text = t("管理サーバへの接続を貴社のIPアドレスのみに制限した。",
                              "The server now accepts only your addresses.") }
      end,
      completes = "restrict_access",
      lesson = "ip_restriction",
    },
    ask_contractor_logs = {
      by = { "sysadmin", "business" },
      label = t("委託先にアクセスログの提供を依頼する（口頭）", "Ask the contractor for the access logs (informally)"),
      takes = "30m",  -- invented
      does = function(s) s.logs_asked = true end,
    },
    disclosure_request = {
      by = { "business", "management" },
      label = t("委託先にアクセスログの開示請求を出し、保全を求める", "Send the contractor a formal disclosure request for the logs, with preservation"),
      takes = "1d",  -- invented: drafting and approval
      requires = function(s)
        if s.logs_preserved then return false, t("請求済み。", "Already requested.") end
        return s.management_informed, t("開示請求には経営者の判断が要る。", "A disclosure request needs management's decision.")
      end,
      does = function(s, ctx)
        s.logs_asked = true
        if s.server_wiped then
          ctx.message{ from = "contractor", to = "business",
                       text = t("サーバは再構築済みで、ログは残っていない。",
                                "The server has been rebuilt; no logs remain.") }
          return
        end
        s.logs_preserved = true
        ctx.after(ctx.random(3, 5) * DAY, function(s2, ctx2)  -- invented
          s2.logs_obtained = true
          local text
          if s2.log_days_lost > 0 then
            text = t(string.format("委託先からアクセスログが届いた。ただし侵入初期の%d日分は保存期間を過ぎて消えていた。", s2.log_days_lost),
                     string.format("The contractor's access logs arrive. The first %d days of the intrusion had already rotated away.", s2.log_days_lost))
          else
            text = t("委託先からアクセスログが届いた。侵入の始まりから残っている。",
                     "The contractor's access logs arrive; they reach back to the start of the intrusion.")
          end
          ctx2.message{ from = "contractor", to = "business", text = text, after = "0m" }
          maybe_start_analysis(s2, ctx2)
        end)
      end,
    },
    engage_security_vendor = {
      by = { "sysadmin", "management" },
      label = t("セキュリティベンダーに調査を依頼する", "Ask a security vendor to investigate"),
      takes = "1h",  -- invented
      does = function(s, ctx)
        ctx.after("security_vendor", function(s2, ctx2)
          s2.vendor_engaged = true
          local text
          if s2.logs_obtained or s2.server_wiped then
            text = t("セキュリティベンダーが調査を開始した。", "The security vendor has started the investigation.")
          else
            text = t("契約した。調査にはアクセスログが要る。委託先から入手してほしい。",
                     "Contract signed. We need the access logs; please obtain them from the contractor.")
          end
          ctx2.message{ from = "security_vendor", to = "sysadmin", text = text, after = "0m" }
          maybe_start_analysis(s2, ctx2)
        end)
      end,
    },
    post_apology = {
      by = "pr",
      label = t("ホームページでお詫びと注意喚起を掲載する", "Post an apology and warning on the website"),
      takes = "4h",  -- invented: wording and approval
      requires = function(s)
        if s.warning_posted then return false, t("掲載済み。", "Already posted.") end
        return s.management_informed, t("公表には経営者の承認が要る。", "Publishing needs management's approval.")
      end,
      does = function(s, ctx)
        s.warning_posted = true
        ctx.after("customers", function(s2, ctx2)
          ctx2.message{ from = "customers", to = "pr", after = "0m",
            text = t(string.format("掲載後、問い合わせが相次いでいる（持ち出しは推定%d件）。「自分の情報は含まれるのか」という質問が多い。", s2.records_taken),
                     string.format("Inquiries pour in after the notice (an estimated %d records taken). Most ask: "
                                     .. "'Is my data among them?'", s2.records_taken)) }
        end)
      end,
      completes = "warn_customers",
    },
    notify_individuals = {
      by = "business",
      label = t("漏えいした本人に個別に通知する", "Notify each affected customer individually"),
      takes = "1d",  -- invented
      requires = function(s)
        if s.individuals_notified then return false, t("通知済み。", "Already notified.") end
        return s.scope_known, t("まだ誰の情報が漏えいしたか特定できていない。", "Whose data was taken is not known yet.")
      end,
      does = function(s) s.individuals_notified = true end,
      completes = "notify_individuals",
    },
    agree_joint_report = {
      by = "business",
      label = t("委託先と共同で報告することを取り決める", "Agree with the contractor to report jointly"),
      takes = "2h",  -- invented
      does = function(s) s.joint_report = true end,
    },
    ppc_preliminary_report = {
      by = { "business", "management" },
      label = t("個人情報保護委員会へ速報を出す", "Send the PPC the preliminary report"),
      takes = "4h",  -- invented
      requires = function(s)
        if s.ppc_preliminary then return false, t("提出済み。", "Already sent.") end
        return s.management_informed, t("報告には経営者の判断が要る。", "The report needs management's decision.")
      end,
      does = function(s, ctx)
        s.ppc_preliminary = true
        ctx.after("ppc", function(s2, ctx2)
          local text
          if s2.joint_report then
            text = t("速報（委託先との連名）を受理した。確報は発見から60日以内に提出すること。",
                     "The joint preliminary report (with the contractor) is received. The final report "
                       .. "is due within 60 days of discovery.")
          else
            text = t("速報を受理した。委託先にも報告義務がある（共同報告も可）。確報は発見から60日以内に。",
                     "Preliminary report received. The contractor has a reporting duty too (a joint "
                       .. "report is allowed). The final report is due within 60 days of discovery.")
          end
          ctx2.message{ from = "ppc", to = "business", text = text, after = "0m" }
        end)
      end,
      completes = "ppc_preliminary",
    },
    ppc_final_report = {
      by = { "business", "management" },
      label = t("個人情報保護委員会へ確報を出す", "Send the PPC the final report"),
      takes = "2d",  -- invented
      requires = function(s)
        if s.ppc_final then return false, t("提出済み。", "Already sent.") end
        if not s.ppc_preliminary then return false, t("速報がまだ出ていない。", "The preliminary report has not gone out.") end
        return s.investigation_done, t("確報には調査結果（原因と範囲）が要る。", "The final report needs the investigation's findings (cause and scope).")
      end,
      does = function(s) s.ppc_final = true end,
      completes = "ppc_final",
    },
    form_security_committee = {
      by = "management",
      label = t("社長を委員長とする情報セキュリティ委員会を設置する", "Set up a security committee chaired by the president"),
      takes = "1d",  -- invented
      requires = function(s)
        return s.management_informed, t("経営者がまだ事態を知らない。", "Management does not know yet.")
      end,
      does = function(s) s.committee = true end,
      completes = "security_committee",
      lesson = "management_review",
    },
    amend_contract = {
      by = "business",
      label = t("委託先との契約にログ取得・報告義務・監査権を定める", "Amend the contract: log keeping, duty to report, audit right"),
      takes = "7d",  -- invented: negotiation
      does = function(s) s.contract_amended = true end,
      lesson = "log_contract",
    },
    hunt_leak_cause = {
      by = "sysadmin",
      label = t("何かを変える前に、ID/PWの漏えい経路を突き止める", "Find how the ID/PW leaked before changing anything"),
      takes = "2d",  -- invented
      does = function(s, ctx)
        ctx.message{ from = "sysadmin", to = "sysadmin", after = "0m",
                     text = t("2日調べたが、ID/PWがどこから漏れたかは分からなかった。",
                              "Two days of digging: where the ID/PW leaked from is still unknown.") }
      end,
      wasted = t("出典ではセキュリティベンダーの調査でも漏えい経路は特定できなかった。その間も攻撃者はログインできる。",
                 "In the source even the security vendor never found the leak route; meanwhile the attacker can still log in."),
    },
    wipe_server = {
      by = "sysadmin",
      label = t("管理サーバを初期化して再構築する", "Wipe and rebuild the management server"),
      takes = "1d",  -- invented
      requires = function(s) return not s.server_wiped, t("再構築済み。", "Already rebuilt.") end,
      does = function(s)
        s.server_wiped = true
        if not s.logs_preserved then
          s.log_days_lost = s.dwell_days + s.day
        end
      end,
      harmful = t("保全前のログが消え、侵入の範囲も期間も分からなくなる。ID/PWが同じなら攻撃者は再びログインできる。",
                  "The unpreserved logs are destroyed, so neither scope nor period can be traced; with the same "
                    .. "ID/PW the attacker simply logs in again."),
    },
  },

  objectives = {
    revoke_access = {
      phase = "isolate", notice = "discovery", target = "2h", limit = "1d",  -- invented
      title = t("攻撃者を締め出す（管理者ID/PWの変更）", "Lock the attacker out (change the admin ID/PW)"),
      capability = t("アクセス制御・本人確認", "Access Control and Identity Verification"),
      rationale = t("攻撃者は1時間ごとに新しい顧客情報を持ち出す。封じ込めは被害と証拠保全の兼ね合いで選ぶ（F15）。"
                      .. "ID/PW変更はログを失わずにできるため、発見から2時間（目標）、1日（期限）とした（時間は独自設定）。",
                    "Every hour the attacker copies new customer records. Containment weighs damage against evidence "
                      .. "(F15); a credential change destroys no logs, so 2 h (target) and 1 day (limit) after "
                      .. "discovery (times invented)."),
      when = function(s) return not s.attacker_active end,
    },
    preserve_logs = {
      phase = "isolate", notice = "discovery", target = "2d", limit = "5d",  -- invented, tied to LOG_RETENTION
      title = t("アクセスログを保全する（開示請求）", "Secure the access logs (disclosure request)"),
      capability = t("フォレンジック・原因特定", "Forensics and Attribution"),
      rationale = t("契約にログ条項がなく、サーバは14日分しか保存しない（独自設定）。侵入は発見の6〜12日前に始まっており（F8）、"
                      .. "発見の3〜9日目から侵入初期のログが消え始める。契約には報告義務とログ提供を定めるべき（F2）。",
                    "The contract has no log clause and the server keeps 14 days (invented). The intrusion began 6-12 "
                      .. "days before discovery (F8), so its first logs start to vanish on day 3-9 after discovery. Contracts "
                      .. "should hold a duty to report and to provide logs (F2)."),
      when = function(s) return s.logs_preserved end,
    },
    restrict_access = {
      phase = "isolate", notice = "discovery", target = "3d", limit = "14d",  -- invented
      title = t("管理サーバへの接続を自社のIPアドレスに限定する", "Restrict the server to the operator's addresses"),
      capability = t("サイバーセキュリティ", "Cybersecurity"),
      rationale = t("漏えい経路が分からない以上、新しいPWも漏れうる（出典：原因特定に至らず）。漏えい経路が新しいPWを渡す日（5〜9日目、"
                      .. "独自設定）より前に、3日（目標）で限定する。",
                    "With the leak route unknown the new password can leak too (the source: cause never found). "
                      .. "Restrict within 3 days (target), before the route can hand over the new password (day 5-9, invented)."),
      when = function(s) return s.ip_restricted end,
    },
    tell_management = {
      phase = "report", party = "management", notice = "discovery", target = "1h", limit = "4h",  -- invented
      title = t("経営者に報告する", "Report to management"),
      capability = t("運用調整", "Operational Coordination"),
      rationale = t("開示請求、公表、委員会への報告はすべて経営者の判断を要するため、最初の1時間以内（時間は独自設定）。",
                    "The disclosure request, the announcement and the PPC reports all need management's decision, "
                      .. "so within the first hour (times invented)."),
    },
    ppc_preliminary = {
      phase = "report", party = "ppc", notice = "discovery", target = "3d", limit = "5d",  -- F1
      title = t("個人情報保護委員会へ速報する", "Preliminary report to the PPC"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("改正個人情報保護法（2022年4月施行）：不正行為による漏えいは「速やかに」速報。ガイドラインの目安は発見から"
                      .. "おおむね3〜5日（F1）。3日を目標、5日を期限とした。委託先も報告義務を負い、共同報告できる（F2）。",
                    "Amended APPI (April 2022): a leak through an unauthorised act is reported 'promptly'; the "
                      .. "guideline reads about 3-5 days from discovery (F1): 3 days target, 5 days limit. The "
                      .. "contractor shares the duty and may report jointly (F2)."),
    },
    warn_customers = {
      phase = "report", party = "customers", notice = "discovery", target = "3d", limit = "14d",  -- invented
      title = t("ホームページで顧客にお詫びと注意喚起を行う", "Apologise to and warn customers on the website"),
      capability = t("広報・情報提供", "Public Information and Warning"),
      rationale = t("出典はホームページでお詫びと注意喚起を行った。持ち出された情報を使ったなりすましは日ごとに増える"
                      .. "（被害率は独自設定）ため、3日（目標）、14日（期限）とした（時間は独自設定）。",
                    "The source posted an apology and warning on its website. Fraud with the leaked data grows every "
                      .. "day (rate invented), so 3 days (target) and 14 days (limit), invented."),
    },
    notify_individuals = {
      phase = "report", party = "customers", notice = "discovery", target = "21d", limit = "30d",  -- rule cited + invented
      title = t("漏えいした本人に個別に通知する", "Notify the affected customers individually"),
      capability = t("広報・情報提供", "Public Information and Warning"),
      rationale = t("本人への通知は法律上の義務（F1）で、期限の日数はなく「当該事態の状況に応じて速やかに」"
                      .. "（個人情報保護法第26条第2項、同法施行規則第10条）。範囲が分かるのは調査後：初日に開示請求しても"
                      .. "請求の準備1日、ログ入手3〜5日、調査7〜10日（いずれも独自設定）で最長17日前後。通知の準備を見て"
                      .. "21日を目標、「速やかに」を範囲判明からおおむね10日と読んで30日を期限とした（独自設定）。",
                    "Notifying the individuals is a legal duty (F1) with no number of days: 'promptly, according to "
                      .. "the situation' (APPI Art. 26(2); PPC Enforcement Rules Art. 10). The scope is known only after "
                      .. "the investigation: even with the disclosure request on day 1, drafting it takes a day, the "
                      .. "logs 3-5 days and the analysis 7-10 days (all invented): about 17 days at most. Time to "
                      .. "prepare the notices gives the 21-day target; reading 'promptly' as about ten days after the scope is "
                      .. "known gives the 30-day limit (invented)."),
    },
    ppc_final = {
      phase = "report", party = "ppc", notice = "discovery", target = "45d", limit = "60d",  -- F1
      title = t("個人情報保護委員会へ確報する", "Final report to the PPC"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("不正行為による漏えいの確報は発見から60日以内（F1）。調査結果と再発防止策を盛り込む余裕を残し、45日を目標とした（独自設定）。",
                    "The final report on a leak through an unauthorised act is due within 60 days of discovery "
                      .. "(F1). 45 days is the target, leaving room for findings and measures (invented)."),
    },
    investigation = {
      phase = "recover", notice = "discovery", target = "21d", limit = "45d",  -- invented
      title = t("調査で原因と漏えい範囲を確定する", "Establish cause and scope through the investigation"),
      capability = t("フォレンジック・原因特定", "Forensics and Attribution"),
      rationale = t("確報（60日、F1）には調査結果が要る。ログ入手と調査の期間（独自設定）から21日を目標、確報の準備を見込み45日を期限とした。",
                    "The final report (60 days, F1) needs the findings. From the log and analysis durations "
                      .. "(invented), 21 days target; 45 days limit leaves time to write the final report."),
      when = function(s) return s.investigation_done end,
    },
    security_committee = {
      phase = "recover", notice = "discovery", target = "30d", limit = "60d",  -- invented
      title = t("社長が委員長の情報セキュリティ委員会を設置する", "A security committee chaired by the president"),
      capability = t("計画策定", "Planning"),
      rationale = t("出典の再発防止策①。確報に再発防止策として書けるよう、確報期限（60日、F1）までに設置する。目標30日は独自設定。",
                    "The source's first prevention measure. Set up before the final report's deadline (60 days, "
                      .. "F1) so it can be reported as a measure; the 30-day target is invented."),
    },
  },

  lessons = {
    log_rules = { capability = t("フォレンジック・原因特定", "Forensics and Attribution"),
      text = t(
      "再発防止策④：ログ管理に関する規程を定め、ログを適切に取得する（社内の規程。委託先との契約とは別の対策）。",
      "Prevention 4: internal log-management rules, so that logs are properly kept (a company rule, distinct from "
        .. "the contract with the contractor).") },
    management_review = { capability = t("計画策定", "Planning"),
      text = t(
      "導入時から評価や見直しをしていなかった。環境変化に伴う継続的な評価・改善を経営者主導で全社的に行う。",
      "Nobody had reviewed the system since its introduction: run a continuous, management-led, company-wide review.") },
    credential_management = { capability = t("アクセス制御・本人確認", "Access Control and Identity Verification"),
      text = t(
      "ID/PWの漏えいで不正アクセスされた。ID/PWを定期的に変更し、漏えいを防ぐよう適切に管理する。",
      "A leaked ID/PW let the attacker in: change IDs and passwords periodically and manage them against leaks.") },
    ip_restriction = { capability = t("サイバーセキュリティ", "Cybersecurity"),
      text = t(
      "外部から不正アクセスされた。外部のIPアドレスからのアクセスを制限する。",
      "The attack came from outside: restrict access from external IP addresses.") },
    log_contract = { capability = t("サプライチェーンの健全性・セキュリティ", "Supply Chain Integrity and Security"),
      text = t(
      "不正アクセスに気付くのに時間を要した。ログの取得を委託先との契約で明確にし、早期に検知する。",
      "It took long to notice: make log keeping explicit in the contract with the contractor, to detect early.") },
  },

  history = {
    { at = "0m", invented = true,
      text = t("定期メンテナンス作業で管理サーバへの不正アクセスを発見し、顧客情報の漏えいが判明した。",
               "Periodic maintenance found the unauthorised access and the customer-data leak.") },
    { at = "1h", action = "report_to_management", invented = true,
      text = t("経営者へ報告した（出典に記載なし、想定）。", "Management was told (not stated in the source; assumed).") },
    { at = "2h", action = "change_admin_credentials", invented = true,
      text = t("管理者ID/PWを変更した。", "The admin ID/PW were changed.") },
    { at = "1d", action = "ask_contractor_logs", invented = true,
      text = t("委託先にログを求めたが、ログを取得する契約になっていなかった。",
               "Logs were asked of the contractor, whose contract did not cover them.") },
    { at = "3d", action = "disclosure_request", invented = true,
      text = t("委託先へ開示請求を行い、アクセスログを入手した。", "A disclosure request obtained the access logs.") },
    { at = "7d", action = "engage_security_vendor", invented = true,
      text = t("アクセスログを基にセキュリティベンダーに調査を依頼した。漏えい経路は特定に至らなかった。",
               "A security vendor investigated from the logs; the leak route was never found.") },
    { at = "25d", action = "post_apology", invented = true,
      text = t("ホームページで顧客へお詫びと注意喚起を行った。", "The website carried an apology and warning to customers.") },
    { at = "40d", action = "restrict_to_operator_ips", invented = true,
      text = t("再発防止策として、管理サーバへのアクセスを事業者のIPアドレスに限定した。",
               "As a prevention measure the server was restricted to the operator's addresses.") },
    { at = "50d", action = "form_security_committee", invented = true,
      text = t("社長を委員長とする情報セキュリティ委員会を設置した。",
               "A security committee chaired by the president was set up.") },
    { at = "55d", action = "set_log_rules", invented = true,
      text = t("ログ管理に関する規程を定め、ログを適切に取得するようにした。",
               "Log-management rules were set so that logs are properly kept.") },
    { action = "change_all_credentials",
      text = t("再発防止策：社内システム全てのID/PWを変更し、ID管理規程を整備し、PW変更管理を徹底した（時期の記載なし）。",
               "Prevention: every ID/PW of the company's systems was changed, ID-management rules written and "
                 .. "password changes enforced (no date given).") },
  },
}
