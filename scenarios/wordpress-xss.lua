-- luacheck: std lua54, read globals scenario, no unused args, no max line length
-- Case 5 of the NISC supplementary survey (seeds/000_*.txt, 事例５
-- ソフトウェアの継続的なセキュリティ対策).
-- A department's WordPress site, built by a contractor with no maintenance
-- contract, sits on a shared server. The system department patches the OS;
-- each department is responsible for its own CMS and did not know it. A
-- security organisation tells the system department the site has an XSS
-- vulnerability whose fix came out 10 months ago.
--
-- The exercise runs for 31 simulated days: the contractor without a
-- maintenance contract answers in days, and the upgrade comes with a server
-- migration. A facilitator plays the first day live, then jumps from inject
-- to inject. Every number cites FACTS.md or is marked `-- invented` and is
-- listed in `invented`.

local HOUR = 3600

local OTHER_SITES = 3   -- invented: other departments' unpatched CMS sites on the shared server

local function t(ja, en) return { ja = ja, en = en } end

return scenario {
  id = "wordpress-xss",
  source = "case 5",
  title = t("ソフトウェアの継続的なセキュリティ対策（WordPressのXSS脆弱性）",
            "Continuous software security (an XSS hole in WordPress)"),
  summary = t(
    "情報セキュリティ関係機関から、ある部門のWebサイトにXSS（クロスサイトスクリプティング）の脆弱性があるとシステム部門に連絡が入った。"
      .. "WordPressの修正版は10カ月前に公開されていた。サイトは委託先事業者が構築したが保守契約はなく、共用サーバのOSはシステム部門、"
      .. "CMSは各部門の担当である。脆弱性が悪用され始める前に、使われていない脆弱なファイルを削除し、ログで悪用の有無を確かめ、"
      .. "WordPressを更新し、ほかの未更新サイトを探す。",
    "A security organisation tells the system department that a department's website has an XSS (cross-site "
      .. "scripting) vulnerability. The WordPress fix came out 10 months ago. A contractor built the site with no "
      .. "maintenance contract; the system department patches the shared server's OS, each department its own "
      .. "CMS. Before the hole is exploited: delete the unused vulnerable file, check the logs for exploitation, "
      .. "upgrade WordPress, and look for other unpatched sites."),
  length = "31d",
  speed = 60,  -- one simulated minute per real second for the first calls; the
  -- facilitator jumps over the contractor's days-long waits with /next
  invented = t(
    "出典に時刻・件数の記載がないため、次の値は演習用に設定した：悪用が始まる時期（連絡から3〜8日後）、悪用された場合に"
      .. "罠のリンクを踏む閲覧者数（1時間に2〜8人）、共用サーバ上のほかの未更新サイト数（3）、"
      .. "委託先事業者・情報セキュリティ関係機関・各部門の応答時間、社内の発注手続き（1日）、更新とサーバ移行（5日）、各対処の所要時間、"
      .. "および目標時間と期限。修正版が10カ月前に公開されていたことは出典、自動更新が既定であることはF16、連絡の経路はF18に基づく。",
    "The source gives no times or counts, so these are set for the exercise: when exploitation starts (3-8 days "
      .. "after the notice), visitors lured through the hole once it is exploited (2-8 per hour), other unpatched "
      .. "sites on the shared server (3), the reply times of the "
      .. "contractor, the security organisation and the departments, internal purchasing (1 day), the upgrade "
      .. "with server migration (5 days), every action's duration, and every target and limit. The fix being 10 "
      .. "months old is the source; automatic updates being the default is F16; the notification route is F18."),

  roles = {
    sysadmin = { name = t("システム部門", "System department"),
                 description = t("共用サーバを運用し、OSのセキュリティ対策を一括して行う。連絡を受けた窓口。",
                                 "Runs the shared server and patches its OS; received the notice.") },
    dept = { name = t("担当部門", "Owning department"),
             description = t("Webサイトを委託先事業者に構築させ、CMS（WordPress）の管理を担う。その認識はなかった。",
                             "Had the site built by a contractor and is responsible for its CMS (WordPress), "
                               .. "without knowing it.") },
  },

  actors = {
    sec_org = { kind = "agency", name = t("情報セキュリティ関係機関", "Information-security organisation"),
                delay = { "1d", "3d" } },        -- invented
    contractor = { kind = "contractor", name = t("委託先事業者", "Contractor"),
                   delay = { "1d", "2d" } },     -- invented: no maintenance contract, no SLA
    other_depts = { kind = "department", name = t("各部門", "Other departments"),
                    delay = { "1d", "3d" } },    -- invented
  },

  state = {
    day = 0,                      -- whole days since the notice
    exploit_at = 0,               -- seconds: when attackers start using the hole (drawn at the notice)
    lure_rate = 0,                -- visitors lured per hour once exploited (drawn at the notice)
    dept_informed = false,
    usage_checked = false,        -- confirmed the vulnerable file is not used by the site
    file_present = true,          -- the vulnerable file is still reachable
    wp_upgraded = false,
    quote_received = false,
    po_issued = false,
    contractor_engaged = false,
    exploited = false,
    visitors_lured = 0,           -- damage: visitors who ran the attacker's script
    logs_checked = false,
    sec_org_answered = false,
    sites_surveyed = false,
    other_unpatched = OTHER_SITES,
    other_exposed_days = 0,       -- damage: site-days other sites stayed unpatched after the notice
    contracts_checked = false,    -- [5]: vulnerability arrangements checked for sites still under maintenance
    clauses_drafted = false,      -- [5]: standard vulnerability clauses for maintenance contracts
    server_down = false,
    offline_site_hours = 0,       -- damage: hours of every site on the shared server being offline
    rules_defined = false,
  },

  metrics = {
    visitors_lured = { label = t("罠のリンクで被害を受けた閲覧者", "Visitors hit through the hole"),
                       unit = t("人", "people"), max = 6000, damage = true },
    other_exposed_days = { label = t("他の未更新サイトが攻撃にさらされた日数", "Site-days other unpatched sites were exposed"),
                           unit = t("サイト日", "site-days"), max = 75, damage = true },
    offline_site_hours = { label = t("共用サーバ停止によるサイト停止時間", "Site-hours offline from stopping the shared server"),
                           unit = t("サイト時間", "site-hours"), max = 500, damage = true },
    other_unpatched = { label = t("未更新のほかのサイト", "Other unpatched sites"),
                        unit = t("サイト", "sites"), max = OTHER_SITES },
    day = { label = t("連絡からの日数", "Days since the notice"), unit = t("日", "days"), max = 31 },
  },

  injects = {
    { id = "notice", at = "0m", from = "sec_org", to = "sysadmin",
      text = t("情報セキュリティ関係機関から連絡：「貴組織のWebサイト（部門プロジェクトのサイト）に、WordPress同梱ファイルの"
                 .. "XSS（クロスサイトスクリプティング）脆弱性があります。修正版は10カ月前に公開済みです。対応状況をお知らせください。」",
               "The information-security organisation writes: 'Your organisation's website (a department's project "
                 .. "site) has an XSS (cross-site scripting) vulnerability in a file bundled with WordPress. The fix "
                 .. "was released 10 months ago. Please tell us how you handle it.'"),
      questions = {
        t("このサイトのCMSは誰の担当か。システム部門か、担当部門か。", "Whose is this site's CMS: the system department's or the owning department's?"),
        t("修正版が10カ月も適用されていないのはなぜか（自動更新は既定で有効のはず）。",
          "Why is a 10-month-old fix not applied (automatic updates are on by default)?"),
        t("委託先事業者との契約はどうなっているか。", "What does the contract with the contractor cover?"),
      },
      does = function(s, ctx)
        s.exploit_at = ctx.random(3 * 24, 8 * 24) * HOUR   -- invented
        s.lure_rate = ctx.random(2, 8)                     -- invented
      end },

    { id = "dept_surprised", when = function(s) return s.dept_informed end,
      from = "dept", to = "sysadmin",
      text = t("「CMSの更新がうちの担当だとは知らなかった。サーバはシステム部門が管理していると思っていた。」",
               "'We did not know updating the CMS was our job. We thought the system "
                 .. "department looked after the server.'"),
      questions = {
        t("システム部門と各部門の役割分担を、どの規程で明確にするか。",
          "Which internal rule should make the split between the system department and the departments clear?"),
        t("専門知識のない部門はどうやって脆弱性情報を集めるか。", "How does a department without experts collect vulnerability information?"),
      } },

    { id = "exploited", when = function(s) return s.visitors_lured > 0 end,
      from = "sec_org", to = "sysadmin",
      text = t("情報セキュリティ関係機関から追加連絡：「貴サイトの脆弱性を突く罠のリンクがSNSで出回っています。」",
               "The organisation again: 'Links that exploit the hole on your site are circulating on social media.'"),
      questions = {
        t("今すぐできる一次対応は何か。サイト全体を止める必要はあるか。",
          "What first response is possible right now? Does the whole site need to stop?"),
        t("閲覧者への注意喚起は必要か。", "Do visitors need a warning?"),
      } },

    { id = "other_sites_week", when = function(s) return s.day >= 7 and not s.sites_surveyed end,  -- invented day
      from = "sysadmin", to = "sysadmin",
      text = t("連絡から1週間。共用サーバ上のほかの部門のサイトのCMSが更新されているかは、誰も把握していない。",
               "A week since the notice. Nobody knows whether the other departments' CMS sites on the shared server are updated."),
      questions = {
        t("共用サーバ上にほかに未更新のCMSはいくつあるか。誰が把握しているか。",
          "How many other unpatched CMS sites sit on the shared server, and who keeps track?"),
      } },

    { id = "org_follow_up", when = function(s) return s.day >= 7 and not s.sec_org_answered end,  -- invented
      from = "sec_org", to = "sysadmin",
      text = t("「先日の脆弱性について、対応状況のご回答をお待ちしています。」",
               "'We are still waiting for your answer on how the vulnerability is handled.'"),
      questions = {
        t("回答に何を書けるか。悪用の有無は確かめたか。", "What can the answer say? Have you checked for exploitation?"),
      } },

    { id = "server_down_calls", when = function(s) return s.server_down end,
      from = "other_depts", to = "sysadmin",
      text = t("各部門から苦情：「うちのサイトも見られなくなった。イベント申込みの受付中なのに。」",
               "Complaints from the departments: 'Our sites are down too, in the middle of event sign-ups.'"),
      questions = {
        t("一つのファイルのために共用サーバ全体を止める必要はあったか。", "Did one file justify stopping the whole shared server?"),
      } },
  },

  every = {
    { id = "calendar", period = "1d", start = "0m",
      run = function(s) s.day = s.day + 1 end },

    -- Once attackers use the hole, visitors following their links run the
    -- injected script, until the file is gone or WordPress is fixed.
    { id = "exploitation", period = "1h", start = "0m",
      run = function(s, ctx)
        if s.server_down then
          s.offline_site_hours = s.offline_site_hours + 1 + OTHER_SITES   -- every site on the server
          return
        end
        if ctx.now >= s.exploit_at and s.exploit_at > 0 and s.file_present and not s.wp_upgraded then
          s.exploited = true
          s.visitors_lured = s.visitors_lured + s.lure_rate
        end
      end },

    -- The other sites with the same neglect stay exposed while unpatched
    -- (the source found no attack; nothing here invents one).
    { id = "other_sites", period = "1d", start = "0m",
      run = function(s)
        if not s.server_down and s.other_unpatched > 0 then
          s.other_exposed_days = s.other_exposed_days + s.other_unpatched
        end
      end },
  },

  actions = {
    tell_owning_dept = {
      by = "sysadmin",
      label = t("担当部門に連絡し、CMSの対応を依頼する", "Tell the owning department and ask it to handle its CMS"),
      takes = "30m",  -- invented
      requires = function(s) return not s.dept_informed, t("連絡済み。", "Already told.") end,
      does = function(s) s.dept_informed = true end,
      completes = "inform_dept",
      lesson = "clear_roles",
    },
    check_file_usage = {
      by = { "sysadmin", "dept" },
      label = t("脆弱なファイルがサイトで使われているか確認する", "Check whether the site uses the vulnerable file"),
      takes = "2h",  -- invented: search templates and pages for references
      requires = function(s)
        if s.usage_checked then return false, t("確認済み。", "Already checked.") end
        return s.dept_informed, t("CMSは担当部門の管理。先に担当部門へ連絡する。", "The CMS is the department's: tell it first.")
      end,
      does = function(s, ctx)
        s.usage_checked = true
        ctx.message{ from = ctx.role, to = "dept", after = "0m",
                     text = t("確認の結果、脆弱なファイルはサイトのどのページからも使われていない。",
                              "Result: no page of the site uses the vulnerable file.") }
      end,
    },
    delete_vulnerable_file = {
      by = { "sysadmin", "dept" },
      label = t("使われていない脆弱なファイルを削除する（一次対応）", "Delete the unused vulnerable file (first response)"),
      takes = "30m",  -- invented
      requires = function(s)
        if not s.file_present then return false, t("削除済み。", "Already deleted.") end
        if not s.dept_informed then return false, t("担当部門の了解がない。", "The owning department has not agreed.") end
        return s.usage_checked, t("サイトで使われていないことをまだ確認していない。", "Nobody has confirmed the site does not use it.")
      end,
      does = function(s) s.file_present = false end,
      completes = "remove_file",
    },
    check_access_logs = {
      by = "sysadmin",
      label = t("アクセスログで脆弱性の悪用の有無を調べる", "Check the access logs for exploitation"),
      takes = "4h",  -- invented
      does = function(s, ctx)
        s.logs_checked = true
        local text
        if s.exploited then
          text = t(string.format("ログに脆弱なファイルへの攻撃リクエストがあった。少なくとも%d人の閲覧者が罠のリンクを踏んでいる。", s.visitors_lured),
                   string.format("The logs show attack requests to the vulnerable file: at least %d visitors "
                                   .. "followed the attackers' links.", s.visitors_lured))
        else
          text = t("ログを調べた結果、脆弱性を利用したサイバー攻撃を受けた形跡はなかった。",
                   "The logs show no trace of an attack using the vulnerability.")
        end
        ctx.message{ from = "sysadmin", to = "sysadmin", text = text, after = "0m" }
      end,
      completes = "check_exploitation",
    },
    request_quote = {
      by = "dept",
      label = t("委託先事業者に調査・対応を依頼する", "Ask the contractor to investigate and fix"),
      takes = "1h",  -- invented
      does = function(s, ctx)
        ctx.after("contractor", function(s2, ctx2)
          s2.quote_received = true
          s2.usage_checked = true
          ctx2.message{ from = "contractor", to = "dept", after = "0m",
            text = t("「脆弱なファイルはサイトで使っていないので、すぐ削除して構いません。構築までの契約で保守契約は"
                       .. "ありませんので、バージョンアップは有償のスポット対応になります。見積りをお送りします。ご発注後に着手します。」",
                     "'The site does not use the vulnerable file; you can delete it now. Our "
                       .. "contract ended with the build, there is no maintenance contract, so the upgrade is paid "
                       .. "spot work. Here is a quote; we start once you order.'") }
        end)
      end,
    },
    issue_purchase_order = {
      by = "dept",
      label = t("見積りに基づき発注する", "Place the order on the quote"),
      takes = "1d",  -- invented: internal approval
      requires = function(s)
        if s.po_issued then return false, t("発注済み。", "Already ordered.") end
        return s.quote_received, t("見積りがまだない。", "There is no quote yet.")
      end,
      does = function(s, ctx)
        s.po_issued = true
        ctx.after("contractor", function(s2, ctx2)
          s2.contractor_engaged = true
          local text
          if s2.file_present then
            text = t("「ご発注ありがとうございます。自動更新が無効にされていました。サーバ移行に合わせて最新版へ更新しますが、"
                       .. "それまで数日かかります。脆弱なファイルがまだ公開されたままです。先に削除してください。」",
                     "'Thank you for the order. Automatic updates had been switched off. We will upgrade with the "
                       .. "server migration, which takes days; the vulnerable file is still online, so please delete it first.'")
          else
            text = t("「ご発注ありがとうございます。脆弱なファイルの削除は確認しました。自動更新が無効にされていました。"
                       .. "サーバ移行に合わせて最新版へ更新します。」",
                     "'Thank you for the order. We see the vulnerable file is already deleted. Automatic updates "
                       .. "had been switched off. We will upgrade with the server migration.'")
          end
          ctx2.message{ from = "contractor", to = "dept", text = text, after = "0m" }
        end)
      end,
    },
    upgrade_wordpress = {
      by = "dept",
      label = t("サーバ移行に合わせてWordPressを最新版に更新する（本対応）", "Upgrade WordPress with the server migration (full fix)"),
      takes = "5d",  -- invented: staging, migration, tests
      requires = function(s)
        if s.wp_upgraded then return false, t("更新済み。", "Already upgraded.") end
        return s.contractor_engaged, t("委託先事業者がまだ着手していない。", "The contractor has not started.")
      end,
      does = function(s) s.wp_upgraded = true; s.file_present = false end,
      completes = "upgrade_cms",
      lesson = "cms_updates",
    },
    reply_to_sec_org = {
      by = "sysadmin",
      label = t("情報セキュリティ関係機関に対応状況を回答する（途中経過でもよい）",
                "Answer the security organisation on the handling (an interim answer is fine)"),
      takes = "1h",  -- invented
      repeatable = true,  -- an interim answer first, the final one after the fix
      does = function(s, ctx)
        s.sec_org_answered = true
        local text
        if s.wp_upgraded then
          text = t("回答（完了）を受け取った。WordPressの更新を確認した。ご対応に感謝する。",
                   "Final answer received: WordPress is upgraded. Thank you for handling it.")
        elseif not s.file_present then
          text = t("回答（途中経過）を受け取った。脆弱なファイルの削除を確認した。更新が済んだら知らせてほしい。",
                   "Interim answer received: the vulnerable file is deleted. Please tell us when the upgrade is done.")
        else
          text = t("回答（途中経過）を受け取った。対応中とのこと、完了したら知らせてほしい。",
                   "Interim answer received: you are handling it. Please tell us when it is done.")
        end
        ctx.after("sec_org", function(_, ctx2)
          ctx2.message{ from = "sec_org", to = "sysadmin", after = "0m", text = text }
        end)
      end,
      completes = "reply_sec_org",
    },
    survey_shared_server = {
      by = "sysadmin",
      label = t("共用サーバ上のほかのサイトのCMSのバージョンを調べる", "Survey the CMS versions of the other sites on the shared server"),
      takes = "1d",  -- invented
      requires = function(s) return not s.sites_surveyed, t("調査済み。", "Already surveyed.") end,
      does = function(s, ctx)
        s.sites_surveyed = true
        ctx.message{ from = "sysadmin", to = "sysadmin", after = "0m",
                     text = t(string.format("共用サーバ上に、ほかにも更新されていないCMSのサイトが%d件あった。", s.other_unpatched),
                              string.format("%d other sites on the shared server run an unpatched CMS.", s.other_unpatched)) }
      end,
    },
    ask_departments_to_update = {
      by = "sysadmin",
      label = t("各部門にCMSの更新と定期的な脆弱性情報の収集を依頼する", "Ask each department to update its CMS and follow vulnerability news"),
      takes = "1h",  -- invented
      requires = function(s)
        return s.sites_surveyed, t("どのサイトが未更新か、まだ分からない。", "Which sites are unpatched is not known yet.")
      end,
      does = function(_, ctx)
        ctx.after("other_depts", function(s2, ctx2)  -- the sites are updated when they answer
          local n = s2.other_unpatched
          s2.other_unpatched = 0
          ctx2.message{ from = "other_depts", to = "sysadmin", after = "0m",
            text = t(string.format("%d件のサイトのCMSを更新した。今後は公式サイト、IPA、JPCERT/CCの情報を定期的に確認する。", n),
                     string.format("The CMS of %d sites is updated; from now on they follow the "
                                     .. "vendor's site, IPA and JPCERT/CC regularly.", n)) }
        end)
      end,
      lesson = "vuln_info",
    },
    check_maintenance_contracts = {  -- [5] 短期的対策
      by = { "sysadmin", "dept" },
      label = t("保守契約があり保守期間が残っているWebサイトについて、委託先事業者と脆弱性対応の取決めを確認する",
                "For sites still under a maintenance contract, check the vulnerability arrangements with their contractors"),
      takes = "1d",  -- invented
      requires = function(s) return not s.contracts_checked, t("確認済み。", "Already checked.") end,
      does = function(s) s.contracts_checked = true end,
      lesson = "maintenance_contract",
    },
    draft_standard_clauses = {  -- [5] 中長期的対策
      by = "sysadmin",
      label = t("運用保守契約に定型的に盛り込む継続的な脆弱性対応の項目を検討する",
                "Draft standard clauses for continuous vulnerability handling in maintenance contracts"),
      takes = "3d",  -- invented
      requires = function(s) return not s.clauses_drafted, t("検討済み。", "Already drafted.") end,
      does = function(s) s.clauses_drafted = true end,
      lesson = "maintenance_contract",
    },
    define_roles_rule = {
      by = "sysadmin",
      label = t("システム部門と各部門のセキュリティ対策の分担を規程にする", "Write the split of security duties between system and departments into a rule"),
      takes = "3d",  -- invented
      does = function(s) s.rules_defined = true end,
      lesson = "clear_roles",
    },
    patch_server_os = {
      by = "sysadmin",
      label = t("共用サーバのOSにパッチを当て直す", "Re-patch the shared server's OS"),
      takes = "4h",  -- invented
      wasted = t("OSはシステム部門が一括して更新済み。脆弱性はCMS（WordPress）にあり、担当は各部門。",
                 "The OS is already patched centrally; the hole is in the CMS (WordPress), the department's job."),
    },
    demand_free_fix = {
      by = "dept",
      label = t("構築の瑕疵として無償での修正を委託先事業者に求める", "Demand a free fix from the contractor as a build defect"),
      takes = "2d",  -- invented
      -- API 1.1: the contractor refuses (the source: no maintenance contract).
      does = function(_, ctx)
        ctx.refuse{ from = "contractor",
                    text = t("「納品時点では最新版でした。公開後の脆弱性対応は契約の範囲外です。」",
                             "'It was the latest version on delivery. Vulnerabilities found later are "
                               .. "outside the contract.'") }
      end,
      wasted = t("保守契約がなければ、バージョンアップは有償になりうる（出典）。交渉の間も脆弱なファイルは公開されたまま。",
                 "Without a maintenance contract an upgrade can be paid work (the source); while you argue the file stays online."),
    },
    stop_shared_server = {
      by = "sysadmin",
      label = t("共用サーバを停止する", "Stop the shared server"),
      takes = "30m",  -- invented
      requires = function(s) return not s.server_down, t("停止中。", "It is stopped.") end,
      does = function(s) s.server_down = true end,
      harmful = t("ほかの部門のサイトもすべて止まる。使われていないファイル一つを削除すれば済む。",
                  "Every other department's site goes down too, when deleting one unused file is enough."),
    },
    restart_shared_server = {
      by = "sysadmin",
      label = t("共用サーバを再開する", "Restart the shared server"),
      takes = "30m",  -- invented
      requires = function(s) return s.server_down, t("稼働中。", "It is running.") end,
      does = function(s) s.server_down = false end,
    },
  },

  objectives = {
    remove_file = {
      phase = "isolate", notice = "notice", target = "1d", limit = "3d",  -- invented
      title = t("脆弱なファイルを削除する", "Remove the vulnerable file"),
      capability = t("サイバーセキュリティ", "Cybersecurity"),
      rationale = t("修正版の公開から10カ月たっており（出典）、悪用はいつ始まってもおかしくない（演習では3〜8日後、独自設定）。"
                      .. "使われていないファイルの削除は数時間でできるため、1日（目標）、3日（期限）とした。",
                    "The fix is 10 months old (the source) and exploitation can start any time (day 3-8 here, "
                      .. "invented). Deleting an unused file takes hours, so 1 day (target), 3 days (limit)."),
    },
    check_exploitation = {
      phase = "isolate", notice = "notice", target = "2d", limit = "7d",  -- invented
      title = t("ログで悪用の有無を確認する", "Check the logs for exploitation"),
      capability = t("フォレンジック・原因特定", "Forensics and Attribution"),
      rationale = t("出典は調査で攻撃の形跡がないことを確認した。回答と閲覧者への注意喚起の要否がこれで決まるため2日（目標）、"
                      .. "1週間（期限）とした（独自設定）。",
                    "The source checked and found no trace. The answer to the organisation and any warning to "
                      .. "visitors depend on it: 2 days (target), a week (limit), invented."),
    },
    inform_dept = {
      phase = "report", party = "dept", notice = "notice", target = "2h", limit = "1d",  -- invented
      title = t("担当部門に連絡する", "Tell the owning department"),
      capability = t("運用調整", "Operational Coordination"),
      rationale = t("CMSは各部門の担当で、担当部門はそれを知らなかった（出典）。連絡が一次対応の前提のため2時間（目標）、当日中（期限）。",
                    "The CMS is the department's responsibility and it did not know (the source). Everything "
                      .. "else waits on it: 2 h (target), the same day (limit), invented."),
    },
    reply_sec_org = {
      phase = "report", party = "sec_org", notice = "notice", target = "7d", limit = "14d",  -- invented
      title = t("情報セキュリティ関係機関に対応状況を回答する", "Answer the security organisation"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("IPAの早期警戒パートナーシップはサイト運営者に連絡し対応を求める（F18）。回答の期限は定められていないため、"
                      .. "1週間（目標）、2週間（期限）とした（独自設定）。",
                    "IPA's early-warning partnership notifies site operators and asks them to act (F18); it sets "
                      .. "no deadline, so a week (target) and two weeks (limit), invented."),
    },
    upgrade_cms = {
      phase = "recover", notice = "notice", target = "21d", limit = "30d",  -- invented
      title = t("WordPressを最新版に更新する", "Upgrade WordPress to the latest release"),
      capability = t("サイバーセキュリティ", "Cybersecurity"),
      rationale = t("保守契約がなく有償のスポット対応となり、見積り・発注・移行に日数がかかる（独自設定）。3週間（目標）、1カ月（期限）。"
                      .. "WordPressは3.7以降、既定で自動更新される（F16）ため、放置は設定の問題を示す。",
                    "With no maintenance contract it is paid spot work: quote, order and migration take days "
                      .. "(invented): 3 weeks (target), a month (limit). WordPress updates itself by default since "
                      .. "3.7 (F16), so a 10-month gap means updates were off."),
    },
    other_sites = {
      phase = "recover", notice = "notice", target = "14d", limit = "30d",  -- invented
      title = t("共用サーバ上のほかの未更新サイトを更新させる", "Get the other unpatched sites updated"),
      capability = t("長期的な脆弱性の低減", "Long-term Vulnerability Reduction"),
      rationale = t("同じ仕組みの放置はほかの部門にもありうる（演習では3件、独自設定）。修正版が公開済みの脆弱性は未更新の間さらされ続ける。"
                      .. "調査1日、各部門の対応1〜3日（独自設定）に余裕を見て2週間（目標）、1カ月（期限）とした。更新が済んだ時点で達成。",
                    "The same neglect may exist in other departments (3 sites here, invented); a hole with a public fix "
                      .. "stays exposed while unpatched. A day to survey and 1-3 days for the departments (invented), "
                      .. "with room: 2 weeks (target), a month (limit). Reached when they are updated, not when asked."),
      when = function(s) return s.sites_surveyed and s.other_unpatched == 0 end,
    },
  },

  lessons = {
    clear_roles = { capability = t("計画策定", "Planning"),
      text = t(
      "「システム部門」と「各部門」が行うセキュリティ対策を明確にする。複数部門が関わるWebサイトの運用では、留意点をまとめた社内共通の規程があるとよい。",
      "Make clear which security measures the system department and each department take; a common internal "
        .. "rule for websites run by several departments helps.") },
    maintenance_contract = { capability = t("サプライチェーンの健全性・セキュリティ", "Supply Chain Integrity and Security"),
      text = t(
      "専門知識を持つ人が少なく日常的な情報収集が難しい部門は、メンテナンス契約などで運用を委託する方法もある。",
      "A department with few experts, unable to follow security news daily, can outsource operation through a "
        .. "maintenance contract.") },
    cms_updates = { capability = t("長期的な脆弱性の低減", "Long-term Vulnerability Reduction"),
      text = t(
      "WordPressをはじめとするCMSも、オフィスのPCのソフトと同様に脆弱性情報の収集とセキュリティアップデートが必要。契約によっては有償になる。",
      "CMSs such as WordPress need vulnerability tracking and security updates just like office software; "
        .. "depending on the contract, upgrades can be paid work.") },
    vuln_info = { capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      text = t(
      "定期的に情報を集める：ソフトウェアの公式サイト、IPA、JPCERT/CC、NISCのニュースレター、加入していればISACやセプター。",
      "Collect information regularly: the software's official site, IPA, JPCERT/CC, NISC newsletters, and any "
        .. "ISAC or CEPTOAR you belong to.") },
  },

  history = {
    { at = "0m", invented = true,
      text = t("情報セキュリティ関係機関からシステム部門に、WebサイトのXSS脆弱性について連絡があった。",
               "The security organisation told the system department of the site's XSS vulnerability.") },
    { at = "2h", action = "tell_owning_dept", invented = true,
      text = t("システム部門が担当部門に確認を指示した。", "The system department told the owning department to check.") },
    { at = "4h", action = "request_quote", invented = true,
      text = t("委託先事業者に連絡し、調査・対応を依頼した。", "The contractor was asked to investigate and fix.") },
    { at = "2d6h", action = "delete_vulnerable_file", invented = true,
      text = t("一次対応：脆弱性のあるファイルは使用していなかったため削除した。",
               "First response: the vulnerable file was not used, so it was deleted.") },
    { at = "2d8h", action = "check_access_logs", invented = true,
      text = t("調査の結果、脆弱性を利用したサイバー攻撃を受けた形跡はなかった。",
               "The investigation found no trace of an attack using the vulnerability.") },
    { at = "5d", action = "issue_purchase_order", invented = true,
      text = t("保守契約がないため、バージョンアップを有償で発注した（想定）。",
               "With no maintenance contract, the upgrade was ordered as paid work (assumed).") },
    { at = "22d", action = "upgrade_wordpress", invented = true,
      text = t("本対応：サーバ移行に合わせて、WordPressを最新のセキュリティアップデートに更新した。",
               "Full fix: WordPress was upgraded to the latest security release with the server migration.") },
    { at = "27d", action = "survey_shared_server", invented = true,
      text = t("共用サーバ上のほかのサイトを確認した（想定）。", "The other sites on the shared server were checked (assumed).") },
    { at = "28d1h", action = "ask_departments_to_update", invented = true,
      text = t("担当部門が定期的に脆弱性情報を収集することとした。",
               "Departments now collect vulnerability information regularly.") },
    { at = "28d2h", action = "check_maintenance_contracts", invented = true,
      text = t("保守契約があり保守期間が残っているWebサイトについて、委託先事業者と脆弱性対応に関する取決めを確認した。",
               "For sites still under a maintenance contract, the vulnerability arrangements were checked with the contractors.") },
    { action = "draft_standard_clauses",
      text = t("中長期的対策として、運用保守契約に定型的に盛り込むべき継続的な脆弱性対応の項目をシステム部門で検討している（時期の記載なし）。",
               "In the longer term, the system department is drafting standard clauses for continuous vulnerability "
                 .. "handling in maintenance contracts (no date given).") },
  },
}
