-- luacheck: std lua54, read globals scenario, no unused args, no max line length
-- Case 3 of the NISC supplementary survey (seeds/000_*.txt, 事例３ ランサムウェア被害).
-- A user's office PC catches ransomware through a drive-by download. The
-- encryptor works through the PC's own files one after another while the team
-- responds (対応中もPC内で次々に), several hundred in the end, as in the
-- source. A mapped shared drive is NOT in the source: it is an off-by-default
-- "what if" setting (`shared_drive`). Every number cites FACTS.md or is marked
-- `-- invented` and listed in `invented`.

-- Sizes and rates, named once so the comments that justify them sit together.
-- The pace follows the source, not F7: at F7's rates (470-2,300 files/min,
-- measured on ~98,561 files) the PC's several hundred files would be gone in
-- a minute or two, yet the source saw them encrypted one after another during
-- the response (対応中も次々に). 8-20 files/min spreads 500-900 files over
-- 25-113 minutes of the response (invented, derived from the source).
local PACE_MIN = 8         -- files/min, invented (see above)
local PACE_MAX = 20        -- files/min, invented (see above)
local SHARE_FILES = 50000  -- invented: files on the shared drive, only with the `shared_drive` setting
local STAFF = 150          -- invented: employees who must scan and report

local function t(ja, en) return { ja = ja, en = en } end

-- What has no way back, kept current whenever files are encrypted or restored.
local function tally(s)
  s.files_lost = math.max(0, s.encrypted_pc + s.encrypted_share - s.files_restored)
end

return scenario {
  id = "ransomware",
  source = "case 3",
  title = t("ランサムウェア被害", "Ransomware infection"),
  summary = t(
    "Webサイトの閲覧中にウイルス対策ソフトのアラートが表示された。事務用PCがランサムウェアに"
      .. "感染しており、対応中もPC内のファイルが次々に暗号化される。抜線、重要業務ネットワークへの影響確認、"
      .. "全従業員への一斉点検、上司と関係省庁等への報告、そして復旧（バックアップか、時間のかかる復号ツールか）"
      .. "と再発防止策を行う。",
    "An antivirus alert appears while a user browses a website. The office PC has ransomware and "
      .. "keeps encrypting its files one after another while the team responds. Pull the cable, confirm "
      .. "the critical-business network is unaffected, have every employee scan and report, report to "
      .. "the supervisor and the relevant ministries, recover (from backups, or with slow decryption "
      .. "tools) and put the prevention measures in place."),
  length = "8h",  -- invented: one working day
  invented = t(
    "出典に時刻・件数の記載がないため、次の値は演習用に設定した：暗号化開始までの遅れ（6〜12分）、"
      .. "PC内のファイル数（500〜900、出典の「数百」）、暗号化の速さ（毎分8〜20件：出典の「対応中も次々に」に合わせ、"
      .. "公開値F7の毎分470〜2,300件より遅くした）、従業員数（150）、"
      .. "点検報告の速さ（10分ごとに15〜30人）、他のPCが同じサイトで感染する確率（30分ごとに15%、最大10台、1台あたり300〜900ファイル）、"
      .. "各関係者の応答時間、各対処の所要時間、復号ツールの成功率（1回5%）、目標時間と期限。"
      .. "出典にない「もしも」の設定（既定は無効）：共有ドライブの割り当て（50,000ファイル、PC内のファイルの後に暗号化）、"
      .. "ネットワーク未分離（1分ごとに5%で波及）。",
    "The source gives no times or counts, so these are set for the exercise: delay before encryption "
      .. "starts (6-12 min), files on the PC (500-900, the source's 'several hundred'), "
      .. "employees (150), scan-report pace (15-30 people per 10 min), chance "
      .. "that another PC is infected from the same site (15% per 30 min, at most 10 PCs, 300-900 files "
      .. "each), the encryption pace (8-20 files/min, matching the source's 'one after another during the "
      .. "response' and slower than F7's public 470-2,300), every party's reply delay, every action's "
      .. "duration, decryption-tool success (5% per attempt), and the target and limit times. 'What if' "
      .. "settings not in the source (off by default): a mapped shared drive (50,000 files, encrypted after "
      .. "the PC's own) and an unseparated critical network (5% spread per minute)."),

  roles = {
    user = { name = t("利用者", "PC user"),
             description = t("アラートが表示されたPCを使っている職員。",
                             "The employee whose PC shows the alert.") },
    sysadmin = { name = t("システム担当", "System staff"),
                 description = t("事務用ネットワークとPCの対応、報告を担う。",
                                 "Handles the office network and PCs, and the reports.") },
  },

  actors = {
    supervisor = { kind = "management", name = t("上司", "Supervisor"),
                   delay = { "5m", "20m" } },            -- invented
    ministry = { kind = "ministry", name = t("関係省庁等", "Relevant ministries"),
                 delay = { "30m", "90m" } },             -- invented (F5: "promptly", no number)
    av_vendor = { kind = "vendor", name = t("ウイルス対策ベンダー", "Antivirus vendor"),
                  delay = { "10m", "30m" } },            -- invented
    all_staff = { kind = "department", name = t("全従業員", "All employees"),
                  delay = { "10m", "30m" } },            -- invented
    dept_b = { kind = "department", name = t("他部署の職員", "Colleague in another department"),
               short = t("他部署", "Other dept."),
               delay = { "2m", "10m" } },                -- invented
    ops = { kind = "department", name = t("重要業務担当", "Critical-business operators"),
            short = t("重要業務", "Critical ops"),
            delay = { "5m", "15m" } },                   -- invented
  },

  state = {
    sysadmin_aware = false,     -- the system staff know of the infection
    isolated = false,           -- PC disconnected from the office network
    identified = false,         -- confirmed to be ransomware
    enc_starts_at = 0,          -- seconds: when the encryptor starts (drawn at the alert)
    pc_files = 0,               -- files on the infected PC (drawn at the alert)
    first_pc_done = 0,          -- files encrypted so far on the first PC
    encrypted_pc = 0,           -- files encrypted on PCs (the first and any others)
    encrypted_share = 0,        -- files encrypted on the shared drive
    critical_checked = false,   -- separation of the critical-business network confirmed
    critical_hit = 0,           -- 1 when the critical-business network is affected
    staff_alerted = false,      -- everyone told to stop and scan
    scanned = 0,                -- employees who have scanned and reported
    other_pcs_infected = 0,     -- other PCs infected from the same site
    other_pcs_found = 0,        -- of those, found by the all-staff scan
    reported_supervisor = false,
    reported_ministry = false,
    decrypt_attempts = 0,
    pc_clean = false,           -- reinstalled and back in service
    files_restored = 0,         -- files brought back (backup or decryption)
    files_lost = 0,             -- encrypted files with no way back, at the end
  },

  settings = {
    offline_backup = {
      value = false,  -- the source: no such backup yet; it became a requirement afterwards ([5])
      label = t("世代管理され、PCから書込みできないバックアップがある",
                "Generational backups exist on a drive the PCs cannot write") },
    shared_drive = {
      value = false,  -- not in the source: a "what if" (the PC maps a shared drive)
      label = t("（もしも）PCが共有ドライブを割り当てている（出典にはない）",
                "(What if) the PC maps a shared drive (not in the source)") },
    network_separated = {
      value = true,   -- the source: the critical-business network was separated ([1])
      label = t("重要業務ネットワークが事務用ネットワークから分離されている",
                "The critical-business network is separated from the office network") },
  },

  metrics = {                -- `max` values are display scales only
    encrypted_pc = { label = t("PC内の暗号化ファイル", "Files encrypted on PCs"),
                     short = t("PC暗号化", "PC files hit"),
                     unit = t("件", "files"), max = 3000, damage = true },
    encrypted_share = { label = t("共有ドライブの暗号化ファイル", "Files encrypted on the shared drive"),
                        short = t("共有ドライブ暗号化", "Share files hit"),
                        unit = t("件", "files"), max = SHARE_FILES, damage = true },
    other_pcs_infected = { label = t("他の感染PC", "Other infected PCs"),
                           unit = t("台", "PCs"), max = 10, damage = true },
    critical_hit = { label = t("重要業務ネットワークへの影響", "Critical-business network affected"),
                     short = t("重要業務NW影響", "Critical net hit"),
                     unit = t("系統", "network(s)"), max = 1, damage = true },
    scanned = { label = t("点検報告済みの従業員", "Employees who scanned and reported"),
                short = t("点検報告済み", "Scanned staff"),
                unit = t("人", "people"), max = STAFF },
    files_restored = { label = t("復旧したファイル", "Files restored"),
                       unit = t("件", "files"), max = SHARE_FILES },
    files_lost = { label = t("復旧できないファイル", "Files lost"),
                   unit = t("件", "files"), max = SHARE_FILES, damage = true },
  },

  injects = {
    { id = "av_alert", at = "0m", from = "user", to = "user",
      text = t("一般的なWebサイトを閲覧中、ウイルス対策ソフトのアラートが表示された。"
                 .. "「脅威を検出しました」。PCは事務用ネットワーク（インターネット接続）につながっている。",
               "While you browse an ordinary website, your antivirus shows an alert: 'Threat detected'. "
                 .. "The PC is on the office network (internet-connected)."),
      questions = {
        t("利用者は誰に、どうやって連絡するか。連絡先は全員が知っているか。",
          "Whom does the user call, and how? Does everyone know that contact?"),
        t("システム担当が着くまでに、利用者自身がすべきことは何か。",
          "What should the user do before the system staff arrive?"),
      },
      does = function(s, ctx)
        s.enc_starts_at = ctx.random(6, 12) * 60  -- invented: payload fetched, encryption begins
        s.pc_files = ctx.random(500, 900)         -- invented: the source's 数百 (several hundred)
      end },

    { id = "ransom_note", when = function(s) return s.encrypted_pc > 0 end,
      from = "user", to = "user",
      text = t("デスクトップのファイルのアイコンが変わり、開けなくなった。身代金を要求する文書が表示された。",
               "The desktop files change icon and no longer open. A ransom note appears."),
      questions = {
        t("PCの電源は切るべきか、ネットワークから切り離すべきか。証拠の保全はどうするか。",
          "Power the PC off, or disconnect it? How is evidence preserved?"),
      } },

    { id = "share_hit", when = function(s) return s.encrypted_share > 0 end,
      from = "dept_b", to = "sysadmin",
      text = t("電話：「共有ドライブのファイルが開けない。拡張子が見たことのないものに変わっている。」",
               "On the phone: 'Files on the shared drive will not open. "
                 .. "Their extensions have changed to something strange.'"),
      questions = {
        t("どのPCが原因か、どうやって特定するか。", "How do you find which PC is doing it?"),
        t("共有ドライブ自体を止めるべきか。", "Should the shared drive itself be taken offline?"),
      },
      does = function(s) s.sysadmin_aware = true end },

    { id = "another_pc", when = function(s) return s.other_pcs_infected > 0 end,
      from = "dept_b", to = "sysadmin",
      text = t("別の職員のPCでもウイルス対策ソフトのアラートが出たらしい。同じサイトを見ていたという。",
               "Another employee's PC seems to have shown the same antivirus alert, after visiting the same site."),
      questions = {
        t("全従業員への注意喚起と一斉点検はいつ、どう指示するか。",
          "When and how do you tell every employee to stop and scan?"),
        t("セキュリティアップデートが未適用のPCはどれだけあるか。",
          "How many PCs lack security updates?"),
      } },

    { id = "critical_spread", when = function(s) return s.critical_hit > 0 end,
      from = "ops", to = "sysadmin",
      text = t("重要業務ネットワークの端末でもファイルが開けなくなった。重要業務が止まりかけている。",
               "Terminals on the critical-business network can no longer open files. Critical work is about to stop."),
      questions = {
        t("重要業務ネットワークと事務用ネットワークはどこでつながっていたか。",
          "Where were the critical and office networks connected?"),
        t("所管省庁への報告内容はどう変わるか。", "How does the report to the competent ministry change?"),
      } },

    { id = "supervisor_asks",
      when = function(s, ctx) return ctx.now >= 3600 and not s.reported_supervisor end,
      from = "supervisor", to = "sysadmin",
      text = t("「ウイルスが出たと聞いたが、何も報告がない。状況はどうなっている？」",
               "'I hear we have a virus, and nobody has told me anything. What is going on?'"),
      questions = {
        t("上司に何を、どの順に伝えるか。", "What do you tell the supervisor, in which order?"),
      } },
  },

  every = {
    -- The encryptor: the PC's own files one after another (the source); then,
    -- only with the `shared_drive` what-if, the share while the PC is connected.
    { id = "encrypt", period = "1m", start = "0m",
      run = function(s, ctx)
        -- draw first, whatever the state: runs that differ only in what the
        -- team did then see the same attacker (compared in the golden tests)
        local budget = ctx.random(PACE_MIN, PACE_MAX)  -- invented, derived from the source
        if s.enc_starts_at == 0 or ctx.now < s.enc_starts_at or s.pc_clean then return end
        local n = math.min(budget, s.pc_files - s.first_pc_done)
        if n > 0 then
          s.first_pc_done = s.first_pc_done + n
          s.encrypted_pc = s.encrypted_pc + n
          budget = budget - n
        end
        if budget > 0 and s.shared_drive and not s.isolated then
          s.encrypted_share = math.min(SHARE_FILES, s.encrypted_share + budget)
        end
        tally(s)
      end },

    -- The same site infects other unpatched PCs until everyone is warned ([1]:
    -- some PCs lacked security updates).
    { id = "drive_by", period = "30m", start = "0m",  -- invented
      run = function(s, ctx)
        local hit, files = ctx.chance(0.15), ctx.random(300, 900)  -- invented; several hundred each
        if s.staff_alerted or s.other_pcs_infected >= 10 then return end  -- invented cap
        if hit then
          s.other_pcs_infected = s.other_pcs_infected + 1
          s.encrypted_pc = s.encrypted_pc + files
          tally(s)
        end
      end },

    -- Without separation, the encryptor can reach the critical-business network.
    { id = "spread", period = "1m", start = "0m",
      run = function(s, ctx)
        local hit = ctx.chance(0.05)  -- invented
        if s.network_separated or s.isolated or s.critical_checked or s.critical_hit > 0 then return end
        if s.enc_starts_at > 0 and ctx.now >= s.enc_starts_at and hit then
          s.critical_hit = 1
        end
      end },

    -- All-staff scan reports trickle in once ordered.
    { id = "scan_reports", period = "10m", start = "0m",  -- invented
      run = function(s, ctx)
        local reports = ctx.random(15, 30)  -- invented
        if not s.staff_alerted or s.scanned >= STAFF then return end
        s.scanned = math.min(STAFF, s.scanned + reports)
        if s.scanned >= STAFF then
          s.other_pcs_found = s.other_pcs_infected
          local text
          if s.other_pcs_infected > 0 then
            text = t(string.format("全従業員の点検報告がそろった。ほかに%d台の感染PCが見つかり、抜線済み。"
                                     .. "セキュリティアップデート未適用のPCが多数ある。", s.other_pcs_infected),
                     string.format("Every employee has reported. %d more infected PC(s) were found and "
                                     .. "unplugged. Many PCs lack security updates.", s.other_pcs_infected))
          else
            text = t("全従業員の点検報告がそろった。ほかに感染PCはない。ただしセキュリティアップデート未適用のPCが多数ある。",
                     "Every employee has reported. No other infected PC. Many PCs lack security updates, though.")
          end
          ctx.message{ from = "all_staff", to = "sysadmin", text = text, after = "0m" }
        end
      end },
  },

  actions = {
    call_sysadmin = {
      by = "user",
      label = t("システム担当に連絡する", "Call the system staff"),
      takes = "2m",  -- invented
      does = function(s) s.sysadmin_aware = true end,
      lesson = "contact_route",
    },
    user_unplug = {
      by = "user",
      label = t("自分でLANケーブルを抜く（無線を切る）", "Pull the cable yourself (turn Wi-Fi off)"),
      description = t("電源は切らずにネットワークから切り離す。", "Disconnect without powering off."),
      takes = "1m",  -- invented
      requires = function(s) return not s.isolated, t("すでに切り離されている。", "Already disconnected.") end,
      does = function(s) s.isolated = true end,
      completes = "isolate_pc",
    },
    pull_cable = {
      by = "sysadmin",
      label = t("現場へ急行し抜線する", "Rush to the PC and pull the cable"),
      takes = "5m",  -- invented: walk to the desk
      requires = function(s)
        if s.isolated then return false, t("すでに切り離されている。", "Already disconnected.") end
        return s.sysadmin_aware, t("まだ誰からも連絡がない。", "Nobody has told you of anything yet.")
      end,
      does = function(s) s.isolated = true end,
      completes = "isolate_pc",
    },
    confirm_ransomware = {
      by = "sysadmin",
      label = t("ランサムウェア感染を確認する", "Confirm the ransomware infection"),
      takes = "15m",  -- invented
      requires = function(s) return s.sysadmin_aware, t("まだ誰からも連絡がない。", "Nobody has told you of anything yet.") end,
      does = function(s) s.identified = true end,
    },
    check_critical_network = {
      by = "sysadmin",
      label = t("重要業務ネットワークへの影響を確認する", "Check the critical-business network is unaffected"),
      takes = "20m",  -- invented
      requires = function(s) return s.sysadmin_aware, t("まだ誰からも連絡がない。", "Nobody has told you of anything yet.") end,
      does = function(s, ctx)
        s.critical_checked = true
        local text
        if s.network_separated and s.critical_hit == 0 then
          text = t("重要業務ネットワークは事務用ネットワークと分離されており、影響はない。",
                   "The critical-business network is separated from the office network and unaffected.")
        elseif s.critical_hit > 0 then
          text = t("事務用ネットワークとの接続点を遮断した。重要業務ネットワークの一部端末はすでに暗号化されている。",
                   "The link to the office network is now cut; some critical-business terminals are already encrypted.")
        else
          text = t("事務用ネットワークとの接続点が見つかり、遮断した。重要業務ネットワークへの影響はまだない。",
                   "A link to the office network was found and cut. The critical-business network is not yet affected.")
        end
        ctx.message{ from = "ops", to = "sysadmin", text = text }
      end,
      completes = "confirm_separation",
      lesson = "separation",
    },
    order_staff_scan = {
      by = "sysadmin",
      label = t("全従業員にウイルスチェックと報告を指示する", "Order every employee to scan and report"),
      takes = "10m",  -- invented
      requires = function(s) return s.sysadmin_aware, t("まだ誰からも連絡がない。", "Nobody has told you of anything yet.") end,
      does = function(s) s.staff_alerted = true end,
    },
    report_supervisor = {
      by = "sysadmin",
      label = t("上司に報告する", "Report to the supervisor"),
      takes = "5m",  -- invented
      requires = function(s) return s.sysadmin_aware, t("報告する事実がまだない。", "There is nothing to report yet.") end,
      does = function(s, ctx)
        s.reported_supervisor = true
        ctx.after("supervisor", function(s2, ctx2)
          local text
          if s2.isolated then
            text = t("了解。関係省庁等にも連絡し、状況を随時報告するように。",
                     "Understood. Tell the relevant ministries too, and keep me posted.")
          else
            text = t("まだネットワークにつながっているのか。すぐに切り離せ。",
                     "It is still on the network? Disconnect it now.")
          end
          ctx2.message{ from = "supervisor", to = "sysadmin", text = text, after = "0m" }
        end)
      end,
      completes = "report_supervisor",
    },
    report_ministry = {
      by = "sysadmin",
      label = t("関係省庁等に報告し連携する", "Report to and coordinate with the relevant ministries"),
      takes = "20m",  -- invented
      requires = function(s) return s.sysadmin_aware, t("報告する事実がまだない。", "There is nothing to report yet.") end,
      does = function(s, ctx)
        s.reported_ministry = true
        ctx.after("ministry", function(s2, ctx2)
          local text
          if s2.offline_backup then
            text = t("情報提供に感謝する。内閣サイバーセキュリティセンターへ共有する。復号ツールは一部の種類にしか"
                       .. "存在しない。PCから書き込めないバックアップがあるなら、それからの復旧が確実である。",
                     "Thank you; we pass this on to NISC. Decryption tools exist only for some variants. "
                       .. "With backups the PCs cannot write, restoring from them is the sure way.")
          else
            text = t("情報提供に感謝する。内閣サイバーセキュリティセンターへ共有する。ウイルス対策ベンダー各社が"
                       .. "復号ツールを提供しているので試してはどうか。ただし一部の種類にしか効かない。",
                     "Thank you; we pass this on to NISC. Antivirus vendors publish decryption tools; you could "
                       .. "try them, though they work only for some variants.")
          end
          ctx2.message{ from = "ministry", to = "sysadmin", text = text, after = "0m" }
        end)
      end,
      completes = "report_ministry",
      lesson = "contact_route_external",
    },
    try_decryptor = {
      by = "sysadmin",
      label = t("復号ツール（ウイルス対策ベンダー提供）を試す", "Try an antivirus vendor's decryption tool"),
      takes = "2h",  -- invented: the source says only that it took a long time
      repeatable = true,
      requires = function(s)
        return s.identified, t("まだランサムウェアと確認していない。", "The ransomware is not confirmed yet.")
      end,
      does = function(s, ctx)
        s.decrypt_attempts = s.decrypt_attempts + 1
        local text
        if s.files_restored == 0 and ctx.chance(0.05) then  -- invented (F11: tools exist only for some variants)
          s.files_restored = s.encrypted_pc + s.encrypted_share
          tally(s)
          text = t("復号ツールが今回の種類に対応しており、ファイルを復号できた。",
                   "This tool matches the variant: the files were decrypted.")
        else
          text = t(string.format("%d回目の復号ツールは長時間かかったが、1件も復号できなかった。", s.decrypt_attempts),
                   string.format("Decryption tool attempt %d ran for hours and decrypted nothing.", s.decrypt_attempts))
        end
        ctx.message{ from = "av_vendor", to = "sysadmin", text = text, after = "0m" }
      end,
      wasted = t("出典では複数の復号ツールを試したが処理に長時間かかり、最終的に復号できなかった。バックアップによる事前対策が有効。",
                 "In the source several tools were tried; they took very long and decrypted nothing. Backups are what work."),
    },
    reimage_pc = {
      by = "sysadmin",
      label = t("PCを初期化し再構築する", "Wipe and rebuild the PC"),
      takes = "90m",  -- invented
      requires = function(s)
        if not s.isolated then return false, t("先にネットワークから切り離す。", "Disconnect it first.") end
        return s.identified, t("まだランサムウェアと確認していない。", "The ransomware is not confirmed yet.")
      end,
      does = function(s) s.pc_clean = true end,
      completes = "pc_back",
    },
    restore_backup = {
      by = "sysadmin",
      label = t("バックアップから復旧する", "Restore from backups"),
      takes = "3h",  -- invented
      requires = function(s)
        if not s.offline_backup then
          return false, t("PCから書き込めない世代管理のバックアップがない。", "There is no generational backup the PCs cannot write.")
        end
        return s.pc_clean, t("感染PCを再構築してから復旧する。", "Rebuild the infected PC before restoring.")
      end,
      does = function(s)
        s.files_restored = s.encrypted_pc + s.encrypted_share
        tally(s)
      end,
      -- no `completes` (files_restored is reached by its `when`): the plan must
      -- not tell a team that had no backup to drill restoring from one
    },
    reconnect_pc = {
      by = { "user", "sysadmin" },
      label = t("PCをネットワークにつなぎ直す（ツールや更新を取得するため）",
                "Reconnect the PC (to download tools or updates)"),
      takes = "1m",  -- invented
      requires = function(s)
        if not s.isolated then return false, t("切り離されていない。", "It is not disconnected.") end
        return not s.pc_clean, t("再構築済みでつなぎ直す必要はない。", "Rebuilt already; nothing to reconnect for.")
      end,
      does = function(s) s.isolated = false end,
      harmful = t("感染したままのPCを事務用ネットワークに戻す。書き込める先（共有ドライブがあればそれ）や、分離されていない"
                    .. "重要業務ネットワークに再び届く。",
                  "Puts the still-infected PC back on the office network, where it reaches again whatever it can "
                    .. "write to (a mapped shared drive) and an unseparated critical network."),
    },
    remote_scan = {
      by = "sysadmin",
      label = t("つないだまま遠隔でフルスキャンする", "Run a full remote scan with the PC still connected"),
      takes = "30m",  -- invented
      wasted = t("アラートはすでに出ており、スキャン中もPCはネットワークにつながったまま。",
                 "The antivirus has already alerted; the PC stays on the network while it scans."),
    },
    plan_patch_management = {
      by = "sysadmin",
      label = t("OSパッチとソフトウェアの管理の仕組みを検討する", "Start patch and version management for PCs"),
      takes = "30m",  -- invented
      lesson = "patching",
    },
    plan_av_management_server = {  -- [5]: ウイルス対策ソフトの管理サーバを導入
      by = "sysadmin",
      label = t("ウイルス対策ソフトの管理サーバを導入し、パターンファイルの更新管理を検討する",
                "Introduce an antivirus management server and plan pattern-update management"),
      takes = "30m",  -- invented
      lesson = "av_management",
    },
    add_file_server_requirements = {  -- [5]: ファイルサーバーの要件に加えた
      by = "sysadmin",
      label = t("ファイルサーバの要件に「世代管理」と「PCから書込みできないドライブへのバックアップ」を加える",
                "Add generations and backups to a drive the PCs cannot write to the file server's requirements"),
      takes = "30m",  -- invented
      lesson = "backups",
    },
  },

  objectives = {
    isolate_pc = {
      phase = "isolate", notice = "av_alert", target = "15m", limit = "30m",  -- derived from invented numbers
      title = t("感染PCをネットワークから切り離す", "Disconnect the infected PC"),
      capability = t("サイバーセキュリティ", "Cybersecurity"),
      rationale = t("抜線してもPC内の暗号化は止まらない（出典：対応中も次々に暗号化された）が、PCがネットワーク上の"
                      .. "書き込める先に届くのを止める。暗号化は早くて6分後に始まり、PC内の500件を毎分20件で終えるのは"
                      .. "早くて30分後で、ほかへ向かうのはその後。30分までに切り離せば、ほかに届くものはない：期限30分。目標15分は出典の「早急に」"
                      .. "（独自設定）。",
                    "Pulling the cable does not stop the encryption inside the PC (the source: files kept being "
                      .. "encrypted during the response), but it stops the PC reaching anything else on the "
                      .. "network. Encryption starts 6 min in at the earliest and finishes the PC's 500 files at "
                      .. "20/min at 30 min at the earliest, and only then moves on; disconnected by 30 min, nothing else "
                      .. "can be reached: the limit. The 15-min target is the source's 'promptly' (invented)."),
    },
    confirm_separation = {
      phase = "isolate", notice = "av_alert", target = "1h", limit = "3h",  -- invented
      title = t("重要業務ネットワークへの影響がないことを確認する", "Confirm the critical-business network is unaffected"),
      capability = t("状況評価", "Situational Assessment"),
      rationale = t("出典では抜線後に確認した。重要業務への波及は最大の被害になるため、1時間以内を目標とした（独自設定）。",
                    "The source checked it right after pulling the cable. Spread into critical work is the worst "
                      .. "outcome, so within 1 h is the target (invented)."),
    },
    staff_scan = {
      phase = "isolate", notice = "av_alert", target = "2h30m", limit = "6h",  -- invented
      title = t("全従業員の点検と報告を完了する", "Every employee has scanned and reported"),
      capability = t("検査・捜索・検知", "Screening, Search, and Detection"),
      rationale = t("同じサイトから他のPCも感染しうる（出典：アップデート未適用のPCがあった）。半日以内に全員の報告を集める想定（独自設定）。",
                    "The same site can infect other unpatched PCs (the source: some lacked updates). All reports "
                      .. "within half a working day (invented)."),
      when = function(s) return s.scanned >= STAFF end,
    },
    report_supervisor = {
      phase = "report", party = "supervisor", notice = "av_alert", target = "30m", limit = "2h",  -- invented
      title = t("上司に報告する", "Report to the supervisor"),
      capability = t("運用調整", "Operational Coordination"),
      rationale = t("組織内の意思決定と外部報告の前提として、感染確認後すぐに報告する（時間は独自設定）。",
                    "Internal decisions and outside reports depend on it, so right after the infection is "
                      .. "confirmed (times invented)."),
    },
    report_ministry = {
      phase = "report", party = "ministry", notice = "av_alert", target = "4h", limit = "8h",  -- F5 + invented
      title = t("関係省庁等に報告する", "Report to the relevant ministries"),
      capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      rationale = t("重要インフラ事業者は所管省庁へ報告し、所管省庁はNISCへ「速やかに」共有するが、数値の期限はない（F5）。"
                      .. "当日中を期限、半日以内を目標とした（独自設定）。",
                    "Critical-infrastructure operators report to their competent ministry, which passes it to "
                      .. "NISC 'promptly', with no numeric deadline (F5). Same day as the limit, half a day as "
                      .. "the target (invented)."),
    },
    pc_back = {
      phase = "recover", notice = "av_alert", target = "4h", limit = "8h",  -- invented
      title = t("感染PCを再構築し業務に戻す", "Rebuild the infected PC and return it to work"),
      capability = t("インフラシステム", "Infrastructure Systems"),
      rationale = t("バックアップから復旧する組織はより速く復旧する（F10）。PCの再構築は当日中に終える想定（独自設定）。",
                    "Organisations that restore from backups recover faster (F10). Rebuilding one PC within the "
                      .. "day (invented)."),
    },
    files_restored = {
      phase = "recover", notice = "av_alert", target = "6h", limit = "8h",  -- invented
      title = t("暗号化されたファイルを復旧する", "Bring the encrypted files back"),
      capability = t("インフラシステム", "Infrastructure Systems"),
      rationale = t("復号ツールは一部の種類にしか存在せず（F11）、出典でも復号できなかった。オフラインのバックアップが"
                      .. "推奨される（F11）。バックアップがあれば当日中に復旧できる想定（時間は独自設定）。",
                    "Decryption tools exist only for some variants (F11), and in the source nothing was decrypted. "
                      .. "Offline backups are recommended (F11); with them the files come back the same day "
                      .. "(times invented)."),
      when = function(s) return s.files_restored > 0 end,
    },
  },

  lessons = {
    contact_route = { capability = t("運用通信", "Operational Communications"),
      text = t(
      "日常的に連絡体制を周知する：システム担当への連絡先が全員に知られ、日ごろから使われていた。",
      "Make the contact route known every day: everyone knew how to reach the system staff and used it.") },
    contact_route_external = { capability = t("インテリジェンス・情報共有", "Intelligence and Information Sharing"),
      text = t(
      "関係する組織のシステム担当者と定期的に情報交換しておけば、事例を共有し助言をもらえる。",
      "Regular exchanges with the system staff of related organisations let you share the case and get advice.") },
    backups = { capability = t("インフラシステム", "Infrastructure Systems"),
      text = t(
      "ファイルバックアップの重要性：復号ツールは長時間かかり復号できなかった。世代管理とPCから書き込めないバックアップが有効。",
      "Backups matter: decryption tools took long and failed. Generational backups the PCs cannot write are what work.") },
    separation = { capability = t("サイバーセキュリティ", "Cybersecurity"),
      text = t(
      "ネットワーク分離の大切さ：重要業務ネットワークを事務用ネットワークと分離していたため影響がなかった。",
      "Network separation: the critical-business network was separate from the office network, so it was unaffected.") },
    patching = { capability = t("長期的な脆弱性の低減", "Long-term Vulnerability Reduction"),
      text = t(
      "再発防止策：OSのセキュリティパッチやソフトウェアのバージョンを管理する仕組み（利用者任せのPCにアップデート未適用のものがあった）。",
      "Prevention: a system to manage OS security patches and software versions (PCs left to their users lacked updates).") },
    av_management = { capability = t("サイバーセキュリティ", "Cybersecurity"),
      text = t(
      "再発防止策：ウイルス対策ソフトの管理サーバを導入し、パターンファイルの更新を定期的に管理する。",
      "Prevention: an antivirus management server, with regular pattern-file updates managed centrally.") },
  },

  history = {
    { at = "1m", action = "call_sysadmin", invented = true,
      text = t("利用者がシステム担当へ連絡した。", "The user called the system staff.") },
    { at = "4m", action = "pull_cable", invented = true,
      text = t("システム担当が現場に急行し、ネットワークケーブルを抜線した。",
               "The system staff rushed to the PC and pulled the network cable.") },
    { at = "10m", action = "confirm_ransomware", invented = true,
      text = t("当該PCがランサムウェアに感染していることを確認した。", "They confirmed the PC had ransomware.") },
    { at = "25m", action = "check_critical_network", invented = true,
      text = t("重要業務ネットワークへの影響がないことを確認した。",
               "They confirmed the critical-business network was unaffected.") },
    { at = "45m", action = "order_staff_scan", invented = true,
      text = t("全従業員にウイルスチェックを依頼し、報告させた。", "Every employee was asked to scan and report.") },
    { at = "1h", action = "report_supervisor", invented = true,
      text = t("状況を上司に報告した。", "They reported the situation to the supervisor.") },
    { at = "1h30m", action = "report_ministry", invented = true,
      text = t("関係省庁等と連携をとった。", "They coordinated with the relevant ministries.") },
    { at = "3h30m", action = "try_decryptor", invented = true,
      text = t("関係省庁等の助言で、ウイルス対策ベンダー提供の復号ツールを試した。",
               "On the ministries' advice they tried an antivirus vendor's decryption tool.") },
    { at = "5h40m", action = "try_decryptor", invented = true,
      text = t("別の復号ツールも試したが、処理に長時間かかり、最終的に復号できなかった。",
               "They tried another tool; it took very long and in the end decrypted nothing.") },
    { action = "plan_patch_management",
      text = t("再発防止策：OSのセキュリティパッチやソフトウェアのバージョンを管理する仕組みの検討を始めた（時期の記載なし）。",
               "Prevention: they began designing patch and version management (no date given).") },
    { action = "plan_av_management_server",
      text = t("再発防止策：ウイルス対策ソフトの管理サーバを導入し、パターンファイルの更新管理を検討した（時期の記載なし）。",
               "Prevention: an antivirus management server and pattern-update management (no date given).") },
    { action = "add_file_server_requirements",
      text = t("再発防止策：導入中のファイルサーバの要件に、世代管理とPCから書込みできないドライブへのバックアップを加えた（時期の記載なし）。",
               "Prevention: generations and backups to a drive the PCs cannot write were added to the planned "
                 .. "file server's requirements (no date given).") },
  },
}
