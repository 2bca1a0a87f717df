/* The one terminology and string table of every front-end (terminal drill,
 * dashboard, scorecard, command output, the web page): one entry per text,
 * a Japanese and an English column, so a concept has one word per language
 * everywhere (状況付与 = inject, 期限 = limit, 封じ込め = isolate, 進行役 =
 * facilitator, 未達 = not reached, 未確定 = open). New user-visible text of a
 * front-end goes here; tests/base/test_terms.c fails on text kept elsewhere.
 *
 * Entries are named after the front-end that uses them first (M_ terminal,
 * S_ dashboard, LBL_ scorecard, W_ web seats, C_ command output, E_ error and
 * warning messages of the engine modules); any front-end may use any entry. Entries that take printf arguments say so in their name (_FMT). */
#ifndef TABLETOP_TERMS_H
#define TABLETOP_TERMS_H

#include "tabletop/base.h"
#include "tabletop/terms_app_drill.h"
#include "tabletop/terms_app_tools.h"
#include "tabletop/terms_errors.h"
#include "tabletop/terms_libs.h"

/* printf formats are kept as macros NAME_TEXT ("ja", "en") so TT_FMT can
 * hand the compiler the literals to check against the arguments. */
#define M_MENU_HIDDEN_FMT_TEXT "ほかに %zu 件はいま取れません（番号は変わりません。/menu all で理由を表示）", \
    "%zu more not available now (their numbers stay; /menu all shows why)"
#define M_STOP_TARGET_FMT_TEXT "%s で停止: 「%s」の目標時間", \
    "stopped at %s: target of %s"
#define M_STOP_LIMIT_FMT_TEXT "%s で停止: 「%s」の期限", \
    "stopped at %s: limit of %s"
#define M_STOP_INJECT_FMT_TEXT "%s で停止: 状況付与（%s）", \
    "stopped at %s: inject (%s)"
#define M_STOP_MESSAGE_FMT_TEXT "%s で停止: %s からの連絡", \
    "stopped at %s: message from %s"
#define M_STOP_END_FMT_TEXT "%s で停止: 演習終了", \
    "stopped at %s: the exercise ended"
#define M_ASK_LIMIT_FMT_TEXT "次は「%s」の期限 %s です。まだ未確定なので、越えると未達になります", \
    "Next comes the limit of %s at %s; it is still open, so passing it misses it"
#define M_RESULT_FMT_TEXT "結果: %d / 100（%s）、%s で終了（シナリオの長さ %s）", \
    "Result: %d / 100 (%s), ended at %s of %s"
#define M_RESULT_NONE_FMT_TEXT "結果: 評価できる目標なし、%s で終了（シナリオの長さ %s）", \
    "Result: nothing could be assessed, ended at %s of %s"
#define M_ASK_END_FMT_TEXT "%s で演習を終了しますか？ 未確定の目標 %zu 件は期限前なら未評価になります。 y=終了 n=続行", \
    "End the exercise at %s? %zu open objective(s) not past their limit will be not assessed. y = end, n = go on"
#define S_ASK_END_FMT_TEXT "もう一度 E で %s に演習を終了します（未確定の目標 %zu 件は期限前なら未評価）", \
    "Press E again to end the exercise at %s (%zu open objective(s) not past their limit: not assessed)"
#define M_DID_YOU_MEAN_FMT_TEXT "「%s」のことですか？", \
    "did you mean '%s'?"
#define C_UNKNOWN_COMMAND_FMT_TEXT "不明なコマンドです: '%s'", \
    "unknown command '%s'"
#define C_UNKNOWN_OPTION_FMT_TEXT "不明なオプション、または引数のないオプションです: '%s'", \
    "unknown or incomplete option '%s'"
#define C_OPTION_NEEDS_VALUE_FMT_TEXT "オプション '%s' には値が必要です", \
    "option '%s' needs a value"
#define C_NO_SCENARIO_NEAR_FMT_TEXT "シナリオ '%s' はありません。'%s' のことですか？", \
    "no scenario '%s'; did you mean '%s'?"
#define M_TARGET_SOON_FMT_TEXT "%s: 「%s」の目標時間 %s まであと %s", \
    "%s: the target of %s (%s) is %s away"
#define M_TARGET_PASSED_FMT_TEXT "%s: 「%s」の目標時間を経過（未確定、期限 %s）", \
    "%s: the target of %s has passed (still open; limit %s)"
#define M_LIMIT_SOON_FMT_TEXT "%s: 「%s」の期限 %s まであと %s（過ぎると未達）", \
    "%s: the limit of %s (%s) is %s away; past it, it is missed"
/* Actor kinds (engine/script/actor_kinds.c): the group labels, kept as
 * text pairs so the kinds table stays a static initialiser. */
#define K_AGENCY_TEXT "関係機関", "Agencies"
#define K_CENTRE_TEXT "センター", "Centres"
#define K_COMPANY_TEXT "企業", "Companies"
#define K_CONTRACTOR_TEXT "委託先", "Contractors"
#define K_CUSTOMER_TEXT "顧客", "Customers"
#define K_DEPARTMENT_TEXT "社内部門", "Departments"
#define K_MANAGEMENT_TEXT "経営層", "Management"
#define K_MEDIA_TEXT "報道", "Media"
#define K_MINISTRY_TEXT "所管省庁", "Ministries"
#define K_OUTSOURCER_TEXT "外部委託先", "Outsourcers"
#define K_POLICE_TEXT "警察", "Police"
#define K_REGULATOR_TEXT "監督機関", "Regulators"
#define K_SYSTEM_TEXT "システム", "Systems"
#define K_VENDOR_TEXT "ベンダー", "Vendors"
#define S_NEW_ITEMS_FMT_TEXT "▲ 新しい項目 %zu 件（ホイールで戻る）", \
    "▲ %zu newer (scroll up)"
#define S_COUNTDOWN_FMT_TEXT "%s %s（%s %s）", \
    "%s %s (%s %s)"
#define S_COUNTDOWN_SHORT_FMT_TEXT "%s%s %s", \
    "%s %s %s"
#define M_SCORE_NOW_FMT_TEXT "今終了した場合の採点: %d / 100（%s）", \
    "Score if the drill ended now: %d/100 (%s)"
#define M_SCORE_NOT_ASSESSED_FMT_TEXT "  期限前の未達成 %zu 件は未評価（採点に含めません）", \
    "  %zu open objective(s) before their limit: not assessed, left out of the score"
#define LBL_EARLY_END_FMT_TEXT "演習は %s に終了しました（シナリオの長さ %s）。目標 %zu 件は期限前のため未評価です。", \
    "Ended at %s of %s: %zu objective(s) not assessed (their limit had not passed)."
#define C_ENDED_EARLY_FMT_TEXT "途中終了（未評価 %zu 件）", \
    "ended early (%zu not assessed)"
#define LBL_HEAD_FIRST_FMT_TEXT "最初の達成: %s（目標時間 %s）", \
    "first reached: %s (target %s)"
#define LBL_HEAD_DONE_FMT_TEXT "段階の完了: %s（目標時間 %s、達成 %zu/%zu）", \
    "phase complete: %s (target %s; reached %zu/%zu)"
#define C_HIST_NO_MATCH_FMT_TEXT "tabletop history: %s「%s」の演習は記録されていません。%s\n", \
    "tabletop history: no exercise of %s '%s' is recorded; %s\n"
#define C_HIST_TREND_FMT_TEXT "推移 %s · %s: %s（前回から %+d）\n", \
    "trend %s · %s: %s (%+d since the previous run)\n"
#define C_DID_YOU_MEAN_FMT_TEXT "「%s」のことですか？", \
    "did you mean '%s'?"
#define LBL_DB_UNUSABLE_FMT_TEXT "演習履歴データベースを使えませんでした: %s", \
    "The drill history database could not be used: %s"
#define LBL_F_NOT_REACHED_FMT_TEXT "「%s」を達成できませんでした（目標時間 %s、期限 %s）。", \
    "\"%s\" was not reached (target %s, limit %s)."
#define LBL_F_AFTER_LIMIT_FMT_TEXT "「%s」の達成は %s で、期限 %s を過ぎていました。", \
    "\"%s\" was reached at %s, after its limit of %s."
#define LBL_F_AFTER_TARGET_FMT_TEXT "「%s」の達成は %s で、目標時間 %s を過ぎていました。", \
    "\"%s\" was reached at %s, after its target of %s."
#define LBL_F_WITHIN_FMT_TEXT "「%s」は目標時間内（%s）に達成しました。", \
    "\"%s\" was reached within target, at %s."
#define M_ASKED_HINT_FMT_TEXT "回答は /reply %d 回答文", \
    "answer with /reply %d TEXT"
#define LBL_F_HARMFUL_BEFORE_FMT_TEXT "%s達成前に有害な対応が %zu 件ありました。", \
    "%s %zu harmful action(s) were taken before it."
#define LBL_R_DRILL_KEY_FMT_TEXT "「%s」（%s）を手順化して訓練し、%s 以内に実施できるようにする。", \
    "Write \"%s\" (%s) into the procedure and drill it so it is done within %s."
#define LBL_R_PREREQUISITE_FMT_TEXT "「%s」は実施できなかった（%s）。次の事案までにこの前提を整えておく。", \
    "\"%s\" could not be taken (%s): put that in place before the next incident."
#define LBL_SENT_OFFLINE_FMT_TEXT "tabletop: 以前オフラインで記録した結果 %zu 件を %s に送りました\n", \
    "tabletop: sent %zu result(s) kept from earlier offline drills to %s\n"
#define LBL_SERVER_UNREACHABLE_FMT_TEXT "tabletop: 結果サーバーに届きません（%s）。結果はこの端末に「未送信」として保存しました。'tabletop sync' で送れます\n", \
    "tabletop: results server not reachable (%s); the result is kept on this machine as not yet sent; 'tabletop sync' sends it\n"
#define LBL_KEPT_UNSENT_FMT_TEXT "結果サーバーに届かなかったため、結果はこの端末に未送信として保存されています: %s", \
    "The results server could not be reached; the result is kept on this machine as not yet sent: %s"
#define RPT_GROUP_LINE_FMT_TEXT "  %lld 回、点数 中央値 %lld・最高 %lld・最新 %lld", \
    "  %lld runs; score median %lld, best %lld, last %lld"
#define LBL_R_REVIEW_FMT_TEXT "「%s」を %s 以内に達成できるよう、手順と判断基準を見直す。", \
    "Review the procedure and decision criteria so \"%s\" is reached within %s."
#define LBL_R_DROP_HARMFUL_FMT_TEXT "%s有害な対応（下記）を手順から外す。", \
    "%s Take the harmful actions below out of the response."
#define LBL_R_LESSON_FMT_TEXT "%s事例の教訓: %s", \
    "%s The source's lesson: %s"
#define LBL_F_HARMFUL_FMT_TEXT "%s の「%s」（%s）は有害でした（%ld 分）。%s", \
    "At %s, \"%s\" by %s was harmful (%ld min). %s"
#define LBL_R_HARMFUL_FMT_TEXT "「%s」を対応手順から外し、%sに理由を周知する。", \
    "Take \"%s\" out of the response and brief the %s role on why."
#define LBL_F_WASTED_FMT_TEXT "%s の「%s」（%s）は無駄で、%ld 分を失いました。%s", \
    "At %s, \"%s\" by %s was wasted and cost %ld min. %s"
#define LBL_R_WASTED_FMT_TEXT "初動では「%s」に時間を使わず、目標の達成を優先する。", \
    "Leave \"%s\" out of the first response; spend the time on the objectives."
#define LBL_F_LESSON_FMT_TEXT "事例の教訓が演習で実施されませんでした: %s", \
    "A lesson of the source was not covered: %s"
#define LBL_R_ADOPT_ACTION_FMT_TEXT "事例の再発防止策を取り入れる: 「%s」（%s）を手順に加えて訓練する。", \
    "Adopt the source's prevention measure: add \"%s\" (%s) to the procedure and drill it."
#define LBL_R_ADOPT_FMT_TEXT "事例の再発防止策を取り入れる: %s", \
    "Adopt the source's prevention measure: %s"

#define C_MODULE_MISSING_FMT_TEXT "%sに必要なモジュールを読み込めません: %s（%s）。tabletop を入れ直してください", \
    "cannot load the module %s needs: %s (%s); reinstall tabletop"

#define C_SHOW_CONDITIONAL_FMT_TEXT "ほかに %zu 件の状況付与はチームの対応や状況で発生します（時刻は決まっていません）", \
    "%zu more inject(s) fire on what the team does or the situation (no fixed time)"

#define TT_TERMS(X) \
    /* ---- terminal drill */ \
    X(M_START, "演習開始", \
      "Exercise started") \
    X(M_LENGTH_SPEED, "長さ", \
      "length") \
    X(M_INJECT, "状況付与", \
      "INJECT") \
    X(M_QUESTION, "討議", \
      "Discuss") \
    X(M_MESSAGE, "連絡", \
      "MESSAGE") \
    X(M_ACTION, "対応開始", \
      "ACTION") \
    X(M_ACTION_DONE_AT, "完了予定", \
      "done at") \
    X(M_DONE, "対応完了", \
      "DONE") \
    X(M_REFUSED, "実施できず", \
      "REFUSED") \
    X(M_OBJ_REACHED, "目標達成", \
      "OBJECTIVE REACHED") \
    X(M_OBJ_MISSED, "目標未達（期限切れ）", \
      "OBJECTIVE MISSED") \
    X(M_NOTE, "メモ", \
      "NOTE") \
    X(M_CUSTOM, "進行役からの状況付与", \
      "FACILITATOR INJECT") \
    X(M_PAUSED, "一時停止", \
      "Paused") \
    X(M_RESUMED, "再開", \
      "Resumed") \
    X(M_SPEED, "速度変更", \
      "Speed") \
    X(M_END, "演習終了", \
      "Exercise ended") \
    X(M_END_LENGTH, "シナリオの時間が終了", \
      "scenario length reached") \
    X(M_END_SETTLED, "すべての目標が確定", \
      "every objective settled") \
    X(M_END_FACILITATOR, "進行役が終了", \
      "ended by the facilitator") \
    X(M_EVERYONE, "全員", \
      "everyone") \
    X(M_ANSWER, "討議の回答", \
      "ANSWER") \
    X(M_CANCEL, "対応中止", \
      "CANCELLED") \
    X(M_CANCEL_REFUSED, "中止できません", \
      "CANNOT CANCEL") \
    X(M_DECLINED, "依頼を断られた", \
      "REQUEST REFUSED") \
    X(M_ASKED, "確認の質問", \
      "QUESTION BACK") \
    X(M_ASKED_HINT_FMT, M_ASKED_HINT_FMT_TEXT) \
    X(M_REPLY, "質問への回答", \
      "REPLY") \
    X(M_REPLY_REFUSED, "回答できません", \
      "CANNOT REPLY") \
    X(M_NEED_NUMBER, "対応の番号か名前を指定してください（/menu all で一覧）", \
      "give the action's number or name (/menu all lists them)") \
    X(M_NO_SUCH_ACTION, "その番号・名前の対応はありません（/menu all で一覧）", \
      "no action has that number or name (/menu all lists them)") \
    X(M_MENU_TITLE, "いま取れる対応（番号または名前で入力）", \
      "Actions available now (type a number or a name)") \
    X(M_MENU_NONE, "いま取れる対応はありません", \
      "No action is available right now") \
    X(M_MENU_HINT, "/help でコマンド一覧", \
      "/help lists the commands") \
    X(M_STATUS_CLOCK, "時刻", \
      "Clock") \
    X(M_STATUS_RUNNING, "進行中", \
      "running") \
    X(M_STATUS_PAUSED, "一時停止中", \
      "paused") \
    X(M_STATUS_READY, "開始前", \
      "not started") \
    X(M_STATUS_ENDED, "終了", \
      "ended") \
    X(M_STATUS_STATE, "インシデントの状況", \
      "Incident state") \
    X(M_STATUS_OBJECTIVES, "目標", \
      "Objectives") \
    X(M_OBJ_OPEN, "未確定", \
      "open") \
    X(M_OBJ_TARGET_IN, "目標まで", \
      "target in") \
    X(M_OBJ_TARGET_PASSED, "目標時間を経過", \
      "target passed") \
    X(M_OBJ_LIMIT_IN, "期限まで", \
      "limit in") \
    X(M_OBJ_AT_REACHED, "達成", \
      "reached at") \
    X(M_OBJ_AT_MISSED, "未達で期限切れ", \
      "missed at") \
    X(M_STATUS_PENDING, "進行中の対応・返答待ち", \
      "In progress and replies on their way") \
    X(M_PENDING_ACTION, "完了予定", \
      "completes at") \
    X(M_PENDING_WAITING, "チームの回答待ち。質問の時刻", \
      "waiting for the team's answer since") \
    X(M_PENDING_MESSAGE, "返答予定", \
      "reply due at") \
    X(M_PENDING_NONE, "なし", \
      "none") \
    X(M_HELP, "対応: 番号 [メモ] ／ [役割] 対応名 [@氏名] [メモ]\n" "  /menu          取れる対応の一覧\n" "  /status        時刻・状況・目標・返答待ち\n" "  /pause /resume 一時停止・再開\n" "  /speed X       速度を X 倍に\n" "  /next          次の状況付与・連絡・目標時間・期限まで進める\n" "  /inject 文     進行役の状況付与を追加\n" "  /note 役割 文  メモを記録\n" "  /cancel 番号 [メモ] 実施中の対応を中止\n" "  /reply 番号 文 相手からの質問に回答\n" "  （/cancel と /reply の番号は、対応と同じく名前でも指定できます）\n" "  /end           演習を終了して評価表を作成\n" "  /quit          中断（あとで tabletop resume で再開）\n" "Ctrl-C: 一時停止して終了するか確認します", \
      "Action: NUMBER [note]  or  [ROLE] ACTION [@member] [note]\n" "  /menu          actions available now\n" "  /status        clock, incident state, objectives, pending replies\n" "  /pause /resume pause or resume the clock\n" "  /speed X       run the clock at X times real time\n" "  /next          jump to the next inject, message, target or limit\n" "  /inject TEXT   add a facilitator's inject\n" "  /note ROLE TEXT record a note\n" "  /cancel N [note] call off action N in progress\n" "  /reply N TEXT  answer the question asked about action N\n" "  (N of /cancel and /reply: a number or a name, as for an action)\n" "  /end           end the exercise and write the scorecard\n" "  /quit          leave now (resume later with tabletop resume)\n" "Ctrl-C pauses and asks before quitting") \
    X(M_UNKNOWN_COMMAND, "不明なコマンドです（/help を参照）", \
      "unknown command (see /help)") \
    X(M_UNKNOWN_CHOICE, "いま取れる対応にありません（/menu を参照）", \
      "not an action available now (see /menu)") \
    X(M_AMBIGUOUS, "複数の役割が取れる対応です。役割名を前に付けてください", \
      "several roles can take it: put the role first") \
    X(M_NEED_TEXT, "文を入力してください", \
      "text is missing") \
    X(M_BAD_SPEED, "速度は 0.1 から 10000 までの数値です", \
      "speed must be a number from 0.1 to 10000") \
    X(M_QUIT_ASK, "一時停止しました。中断しますか？ y=中断（再開可能） e=演習終了 n=続行", \
      "Paused. Quit the drill? y = leave (resumable), e = end the exercise, n = go on") \
    X(M_LEFT, "中断しました。記録は保存済みです", \
      "Left the drill; the journal is saved") \
    X(M_RESUME_HINT, "再開するには", \
      "To resume") \
    X(M_RESTORED, "記録から復元しました（一時停止中）", \
      "Restored from the journal (paused)") \
    X(M_SCRIPT_STEP, "台本", \
      "script") \
    X(M_PROMPT, "対応> ", \
      "action> ") \
    X(M_PROMPT_PAUSED, "一時停止中> ", \
      "paused> ") \
    X(M_QUIT_PROMPT, "中断? [y/e/N] ", \
      "quit? [y/e/N] ") \
    X(M_NOT_ROSTER, "名簿にこの役割で載っていない氏名です", \
      "not on the roster in this role") \
    X(M_NOTE_ROLE, "役割名を指定してください", \
      "give a role first") \
    X(M_CONTINUE, "続行します", \
      "Going on") \
    X(M_RESUME_HOW, "/resume で再開します", \
      "type /resume to go on") \
    X(M_PHASE_ISOLATE, "封じ込め", \
      "isolate") \
    X(M_PHASE_REPORT, "報告", \
      "report") \
    X(M_PHASE_RECOVER, "復旧", \
      "recover") \
    /* ---- terminal drill: stable numbers, /next, /end, input help */ \
    X(M_MENU_HIDDEN_FMT, M_MENU_HIDDEN_FMT_TEXT) \
    X(M_NOT_AVAILABLE, "いまは取れません", \
      "not available now") \
    X(M_NO_SUCH_NUMBER, "その番号の対応はありません（/menu を参照）", \
      "no action has that number (see /menu)") \
    X(M_NOW_AVAILABLE, "取れるようになった対応", \
      "Now available") \
    X(M_STOP_TARGET_FMT, M_STOP_TARGET_FMT_TEXT) \
    X(M_STOP_LIMIT_FMT, M_STOP_LIMIT_FMT_TEXT) \
    X(M_STOP_INJECT_FMT, M_STOP_INJECT_FMT_TEXT) \
    X(M_STOP_MESSAGE_FMT, M_STOP_MESSAGE_FMT_TEXT) \
    X(M_STOP_END_FMT, M_STOP_END_FMT_TEXT) \
    X(M_ASK_LIMIT_FMT, M_ASK_LIMIT_FMT_TEXT) \
    X(M_STOP_NONE, "この先に止まる点はありません", \
      "nothing left to stop at") \
    X(M_NEXT_PROMPT, "期限を越える? [y/N] ", \
      "pass the limit? [y/N] ") \
    X(M_NEXT_KEPT, "進めませんでした", \
      "The clock stays where it was") \
    X(M_RESULT_FMT, M_RESULT_FMT_TEXT) \
    X(M_RESULT_NONE_FMT, M_RESULT_NONE_FMT_TEXT) \
    X(M_ASK_END_FMT, M_ASK_END_FMT_TEXT) \
    X(M_END_PROMPT, "終了する? [y/N] ", \
      "end? [y/N] ") \
    /* ---- actor kinds (group labels) */ \
    X(K_AGENCY, K_AGENCY_TEXT) \
    X(K_CENTRE, K_CENTRE_TEXT) \
    X(K_COMPANY, K_COMPANY_TEXT) \
    X(K_CONTRACTOR, K_CONTRACTOR_TEXT) \
    X(K_CUSTOMER, K_CUSTOMER_TEXT) \
    X(K_DEPARTMENT, K_DEPARTMENT_TEXT) \
    X(K_MANAGEMENT, K_MANAGEMENT_TEXT) \
    X(K_MEDIA, K_MEDIA_TEXT) \
    X(K_MINISTRY, K_MINISTRY_TEXT) \
    X(K_OUTSOURCER, K_OUTSOURCER_TEXT) \
    X(K_POLICE, K_POLICE_TEXT) \
    X(K_REGULATOR, K_REGULATOR_TEXT) \
    X(K_SYSTEM, K_SYSTEM_TEXT) \
    X(K_VENDOR, K_VENDOR_TEXT) \
    X(M_DID_YOU_MEAN_FMT, M_DID_YOU_MEAN_FMT_TEXT) \
    X(M_TARGET_SOON_FMT, M_TARGET_SOON_FMT_TEXT) \
    X(M_TARGET_PASSED_FMT, M_TARGET_PASSED_FMT_TEXT) \
    X(M_LIMIT_SOON_FMT, M_LIMIT_SOON_FMT_TEXT) \
    X(C_UNKNOWN_COMMAND_FMT, C_UNKNOWN_COMMAND_FMT_TEXT) \
    X(C_UNKNOWN_OPTION_FMT, C_UNKNOWN_OPTION_FMT_TEXT) \
    X(C_OPTION_NEEDS_VALUE_FMT, C_OPTION_NEEDS_VALUE_FMT_TEXT) \
    X(C_NO_SCENARIO_NEAR_FMT, C_NO_SCENARIO_NEAR_FMT_TEXT) \
    X(M_ROLES_ARE, "役割", \
      "roles") \
    X(M_AMBIGUOUS_LABEL, "複数の対応に当てはまります。番号か名前で選んでください", \
      "fits several actions; choose by number or id") \
    /* ---- dashboard */ \
    X(S_CLOCK, "経過時間", \
      "Elapsed") \
    X(S_SPEED, "速度", \
      "Speed") \
    X(S_PAUSED, "一時停止中", \
      "PAUSED") \
    X(S_RUNNING, "進行中", \
      "RUNNING") \
    X(S_ENDED, "終了", \
      "ENDED") \
    X(S_READY, "開始前", \
      "READY") \
    X(S_FEED, "状況付与・連絡", \
      "Injects and messages") \
    X(S_STATE, "インシデントの状況", \
      "Incident state") \
    X(S_DIAGRAM, "組織図（役割と外部関係者）", \
      "Organisation (roles and outside parties)") \
    X(S_OBJECTIVES, "目標タイマー", \
      "Objective timers") \
    X(S_OBJECTIVES_DENSE, "目標タイマー（残り時間）", \
      "Objective timers (time left)") \
    X(S_SCORE, "暫定スコア", \
      "Provisional score") \
    X(S_ROLES, "役割", \
      "Roles") \
    X(S_ACTIONS, "対応", \
      "Actions") \
    X(S_TIMELINE, "タイムライン", \
      "Timeline") \
    X(S_TARGET, "目標時間", \
      "target") \
    X(S_LIMIT, "期限", \
      "limit") \
    X(S_IN, "あと", \
      "in") \
    X(S_AGO, "超過", \
      "over by") \
    X(S_REACHED, "達成", \
      "REACHED") \
    X(S_MISSED, "未達", \
      "MISSED") \
    X(S_OPEN, "未確定", \
      "OPEN") \
    X(S_OVERDUE, "目標超過", \
      "OVERDUE") \
    X(S_ISOLATE, "封じ込め", \
      "Isolate") \
    X(S_REPORT, "報告", \
      "Report") \
    X(S_RECOVER, "復旧", \
      "Recover") \
    X(S_TAKEN_AT, "実施済み", \
      "taken at") \
    X(S_IN_PROGRESS, "実施中・完了予定", \
      "in progress, done at") \
    X(S_NOT_TAKEN, "未実施", \
      "not taken") \
    X(S_FACILITATOR, "進行役", \
      "Facilitator") \
    X(S_EVERYONE, "全員", \
      "everyone") \
    X(S_TOOK, "対応開始", \
      "took") \
    X(S_DONE, "対応完了", \
      "done") \
    X(S_REFUSED, "実施できず", \
      "refused") \
    X(S_CANCELLED, "対応中止", \
      "cancelled") \
    X(S_CANCEL_REFUSED, "中止できず", \
      "could not cancel") \
    X(S_REPLIED, "回答", \
      "replied") \
    X(S_REPLY_REFUSED, "回答できず", \
      "could not reply") \
    X(S_DECLINED, "依頼を断った", \
      "refused the request") \
    X(S_ASKED, "確認の質問", \
      "asks back") \
    X(S_NOTE, "メモ", \
      "note") \
    X(S_QUESTION, "問い", \
      "Q") \
    X(S_OBJ_REACHED, "目標達成", \
      "objective reached") \
    X(S_OBJ_MISSED, "目標未達（期限切れ）", \
      "objective missed") \
    X(S_TEAM, "対応チーム", \
      "Response team") \
    X(S_NO_ACTIONS, "この役割の対応はありません", \
      "No actions for this role") \
    X(S_KEYS_LIVE, "Space 一時停止/再開  +/- 速度  N 次の停止点  Tab 役割  ↑↓ 選択  Enter 実施  I 状況付与  M メモ  L 言語  E 終了  Ctrl+Q 閉じる", \
      "Space pause/resume  +/- speed  N next stop  Tab role  Up/Down select  Enter take  I inject  M note  L language  E end  Ctrl+Q close") \
    X(S_KEYS_REPLAY, "←→ 1分  Shift 10分  PgUp/PgDn 前後の記録  Home/End  Space 再生  +/- 速度  L 言語  Esc 閉じる", \
      "Left/Right 1 min  Shift 10 min  PgUp/PgDn prev/next record  Home/End  Space play  +/- speed  L language  Esc close") \
    X(S_SCORE_NOTE, "今終了した場合の値（期限前の未達成は未評価）", \
      "if the drill ended now (open objectives before their limit: not assessed)") \
    X(S_SCORE_FINAL, "最終スコア", \
      "Final score") \
    X(S_SCORE_FINAL_NOTE, "スコアカードと同じ値", \
      "as on the scorecard") \
    X(S_END_LENGTH, "シナリオの時間が終了", \
      "scenario length reached") \
    X(S_END_SETTLED, "すべての目標が確定", \
      "all objectives settled") \
    X(S_END_FACILITATOR, "進行役が終了", \
      "ended by the facilitator") \
    X(S_REPLAY, "振り返り", \
      "REPLAY") \
    X(S_CONFIRM_END, "もう一度 E で演習を終了します", \
      "Press E again to end the exercise") \
    X(S_CONFIRM_NEXT, "もう一度 N で期限を越えます（ほかのキーでやめる）", \
      "N again passes it (any other key: stay)") \
    X(S_ASK_END_FMT, S_ASK_END_FMT_TEXT) \
    X(S_NOTHING_YET, "まだ何も起きていません", \
      "Nothing has happened yet") \
    X(S_PROVISIONAL, "暫定", \
      "provisional") \
    X(S_INPUT_INJECT, "進行役の状況付与", \
      "Facilitator inject") \
    X(S_INPUT_NOTE, "メモ", \
      "Note by") \
    X(S_INPUT_HINT, "Enter 送信  Esc 取り消し", \
      "Enter send  Esc cancel") \
    X(S_ENDED_CLOSE, "演習終了 — Esc または Enter で閉じる", \
      "Exercise ended: press Esc or Enter to close") \
    /* ---- scorecard */ \
    X(LBL_CARD_TITLE, "演習スコアカード", \
      "Exercise scorecard") \
    X(LBL_OVERALL, "総合評価", \
      "Overall rating") \
    X(LBL_END_LENGTH, "シナリオの時間が終了", \
      "the scenario's length") \
    X(LBL_END_SETTLED, "すべての目標が確定", \
      "every objective settled") \
    X(LBL_END_FACILITATOR, "進行役が終了", \
      "the facilitator") \
    X(LBL_SCORE, "スコア", \
      "Score") \
    X(LBL_RATING, "評価", \
      "Rating") \
    X(LBL_INCOMPLETE, "不完全な記録: 記録に含まれる範囲だけを採点しました。", \
      "Incomplete journal: scored for what it holds.") \
    X(LBL_TORN, "最後の記録が途中で切れていたため除外しました。", \
      "The last record was torn and has been dropped.") \
    X(LBL_NO_END, "終了記録（END）がありません。演習は最後まで記録されていません。", \
      "There is no END record: the exercise was not recorded to its end.") \
    X(LBL_HASH_MISMATCH, "シナリオファイルの内容が演習時と異なります（ハッシュ不一致）。", \
      "The scenario file differs from the one the exercise ran (content hash mismatch).") \
    X(LBL_HEADLINE, "封じ込め・報告・復旧までの時間", \
      "Time to isolate, report and recover") \
    X(LBL_TIME_ISOLATE, "封じ込めまで", \
      "Time to isolate") \
    X(LBL_TIME_REPORT, "報告まで", \
      "Time to report") \
    X(LBL_TIME_RECOVER, "復旧まで", \
      "Time to recover") \
    X(LBL_FROM_START, "発生から", \
      "from the start") \
    X(LBL_FROM_NOTICE, "覚知から", \
      "from notice") \
    X(LBL_NOT_REACHED, "未達", \
      "not reached") \
    X(LBL_NONE_IN_SCENARIO, "このシナリオにはありません", \
      "none in this scenario") \
    X(LBL_OBJECTIVES, "目標ごとの評価", \
      "Objectives") \
    X(LBL_OBJECTIVE, "目標", \
      "Objective") \
    X(LBL_PHASE, "段階", \
      "Phase") \
    X(LBL_PARTY, "報告先", \
      "Party") \
    X(LBL_TARGET, "目標時間", \
      "Target") \
    X(LBL_LIMIT, "期限", \
      "Limit") \
    X(LBL_NOTICE, "覚知", \
      "Notice") \
    X(LBL_REACHED, "達成", \
      "Reached") \
    X(LBL_BY, "実施", \
      "By") \
    X(LBL_RATIONALE, "根拠", \
      "Rationale") \
    X(LBL_TIMELINE, "タイムライン", \
      "Timeline") \
    X(LBL_INJECTS, "状況付与", \
      "Injects") \
    X(LBL_ACTIONS, "対応", \
      "Actions") \
    X(LBL_REAL_CASE, "実際の事例", \
      "Real case") \
    X(LBL_DAMAGE, "被害", \
      "Damage") \
    X(LBL_METRIC, "指標", \
      "Metric") \
    X(LBL_FINAL_VALUE, "最終値", \
      "Final value") \
    X(LBL_UNKNOWN, "不明", \
      "unknown") \
    X(LBL_HISTORY, "実際の事業者の対応との比較", \
      "The real operator's history beside the team's") \
    X(LBL_WHEN_REAL, "実際", \
      "Real case") \
    X(LBL_WHEN_TEAM, "チーム", \
      "Team") \
    X(LBL_EVENT, "出来事", \
      "Event") \
    X(LBL_NOT_TAKEN, "実施せず", \
      "not taken") \
    X(LBL_NO_TIME, "時刻不明", \
      "time unknown") \
    X(LBL_INVENTED, "（時刻は演習用に設定）", \
      " (time invented for the exercise)") \
    X(LBL_LESSONS, "教訓", \
      "Lessons") \
    X(LBL_COVERED, "実施済み", \
      "Covered") \
    X(LBL_MISSED, "未実施", \
      "Missed") \
    X(LBL_BAD_ACTIONS, "有害・無駄な対応", \
      "Harmful and wasted actions") \
    X(LBL_HARMFUL, "有害", \
      "harmful") \
    X(LBL_WASTED, "無駄", \
      "wasted") \
    X(LBL_COST, "失った時間", \
      "Time lost") \
    X(LBL_WHY, "理由", \
      "Why") \
    X(LBL_NO_BAD_ACTIONS, "有害・無駄な対応はありませんでした。", \
      "No harmful or wasted actions.") \
    X(LBL_PLAN, "改善計画（AAR/IP）", \
      "Improvement plan (AAR/IP)") \
    X(LBL_FINDING, "所見", \
      "Finding") \
    X(LBL_RECOMMENDATION, "是正措置", \
      "Recommendation") \
    X(LBL_OWNER, "担当者", \
      "Owner") \
    X(LBL_CAPABILITY, "対応能力", \
      "Capability") \
    X(LBL_PRIORITY, "優先度", \
      "Priority") \
    X(LBL_NO_FINDINGS, "改善事項はありません。", \
      "No findings.") \
    X(LBL_ROLES, "役割ごとの貢献", \
      "Contribution per role") \
    X(LBL_ROLE, "役割", \
      "Role") \
    X(LBL_MEMBERS, "メンバー", \
      "Members") \
    X(LBL_N_ACTIONS, "対応数", \
      "Actions") \
    X(LBL_N_OBJECTIVES, "達成させた目標", \
      "Objectives completed") \
    X(LBL_N_REFUSED, "実施できず", \
      "Refused") \
    X(LBL_N_NOTES, "メモ", \
      "Notes") \
    X(LBL_BUSY, "作業時間", \
      "Time busy") \
    X(LBL_NOTES, "メモと議論の記録", \
      "Notes and discussion") \
    X(LBL_NO_NOTES, "記録されたメモはありません。", \
      "No notes were recorded.") \
    X(LBL_QUESTIONS, "議論の問い", \
      "Discussion questions") \
    X(LBL_TREND, "同じチームの過去の実施との比較", \
      "Trend against the team's earlier runs") \
    X(LBL_NO_TREND, "同じチームによるこのシナリオの過去の実施はありません。", \
      "No earlier runs of this scenario by this team.") \
    X(LBL_THIS_RUN, "今回", \
      "This run") \
    X(LBL_DATE, "日付", \
      "Date") \
    X(LBL_DETAILS, "演習の詳細", \
      "Exercise details") \
    X(LBL_SCENARIO, "シナリオ", \
      "Scenario") \
    X(LBL_SOURCE, "出典", \
      "Source") \
    X(LBL_CONTENT_HASH, "内容ハッシュ", \
      "Content hash") \
    X(LBL_ENGINE_VERSION, "tabletop のバージョン", \
      "tabletop version") \
    X(LBL_ENGINE_RUN_BY, "実施", \
      "exercise run by") \
    X(LBL_ENGINE_SCORED_BY, "採点", \
      "scored by") \
    X(LBL_ENGINE_UNKNOWN, "0.2 より前", \
      "before 0.2") \
    X(LBL_SEED, "シード", \
      "Seed") \
    X(LBL_TEAM, "チーム", \
      "Team") \
    X(LBL_DURATION, "所要時間（演習内）", \
      "Duration (simulated)") \
    X(LBL_SPEED, "速度", \
      "Speed") \
    X(LBL_SPEED_FAST, "最速（ヘッドレス）", \
      "as fast as possible (headless)") \
    X(LBL_ENDED_BY, "終了理由", \
      "Ended by") \
    X(LBL_JOURNAL, "記録ファイル", \
      "Journal") \
    X(LBL_SETTINGS, "設定", \
      "Settings") \
    X(LBL_INVENTED_NUMBERS, "演習用に設定した数値", \
      "Invented numbers") \
    X(LBL_RULES, "評価方法", \
      "How this is rated") \
    X(LBL_RULES_TEXT, "P: 目標時間内に達成し有害な対応なし。S: 期限内に達成。M: 期限を過ぎて達成。有害な対応を達成前にとると1段階下がります（M より下にはなりません）。U: 期限まで（またはシナリオの終わりまで）に達成できず。N/A（未評価）: 期限前に演習が終了し未達成。スコアに含めません。" "スコア: 目標時間内100点、期限までに60点へ直線的に低下、期限後は10点まで低下。達成前の有害な対応1件につき−15点（最大−45）、無駄な対応1件につき−5点（最大−15）。未達（U）は0点。総合スコアは評価した目標の平均。総合評価: すべて P なら P、総合スコア65以上なら S、それ未満は M、どの目標も未達なら U、評価した目標がなければ N/A。", \
      "P: reached within target with no harmful action before it. S: reached within limit. M: reached after the limit. A harmful action before the objective lowers its rating one step (never below M). U: not reached by its limit (or by the scenario's end). N/A (not assessed): the drill ended before its limit and it was not reached; left out of the score. " "Score: 100 within target, falling linearly to 60 at the limit, then towards 10. Each harmful action before it costs 15 (at most 45), each wasted one 5 (at most 15). U: 0. The overall score is the mean of the assessed objectives. Overall rating: P when every objective is P, S from a score of 65, M below, U when nothing was reached, N/A when nothing was assessed.") \
    X(LBL_WARNINGS, "注意", \
      "Warnings") \
    X(LBL_MINUTES, "分", \
      " min") \
    X(LBL_NONE, "なし", \
      "none") \
    X(LBL_STATUS_REACHED, "達成", \
      "reached") \
    X(LBL_STATUS_MISSED, "未達", \
      "missed") \
    X(LBL_REFUSED, "実施できず", \
      "refused") \
    X(LBL_MESSAGE, "連絡", \
      "message") \
    X(LBL_CUSTOM, "進行役", \
      "facilitator") \
    X(LBL_YES, "はい", \
      "yes") \
    X(LBL_NO, "いいえ", \
      "no") \
    X(LBL_TEAM_NONE, "（チーム名なし）", \
      "(no team name)") \
    X(LBL_SUMMARY, "総括", \
      "Executive summary") \
    X(LBL_STRENGTHS, "主な強み", \
      "Major strengths") \
    X(LBL_IMPROVE_AREAS, "主な改善点", \
      "Areas for improvement") \
    X(LBL_DUE, "対応期日", \
      "Due") \
    X(LBL_DAYS, "日以内", \
      " days") \
    X(LBL_EARLIER_RUNS_CUT, "（直近10回のみ表示）", \
      "(the last 10 runs)") \
    X(LBL_LEG_INJECT, "状況付与・連絡", \
      "inject or message") \
    X(LBL_LEG_ACTION, "対応（帯は所要時間）", \
      "action (bar: time it takes)") \
    X(LBL_LEG_HARMFUL, "有害な対応", \
      "harmful action") \
    X(LBL_LEG_WASTED, "無駄な対応", \
      "wasted action") \
    X(LBL_LEG_REFUSED, "実施できず", \
      "refused") \
    X(LBL_LEG_CANCEL, "中止", \
      "cancelled") \
    X(LBL_LEG_REPLY, "回答", \
      "answered") \
    X(LBL_LEG_CANCEL_REFUSED, "中止できず", \
      "could not cancel") \
    X(LBL_LEG_REPLY_REFUSED, "回答できず", \
      "could not answer") \
    X(LBL_LEG_TARGET, "目標時間まで（◆ 達成、色は評価）", \
      "up to target (◆ reached, coloured by rating)") \
    X(LBL_LEG_LIMIT, "期限まで", \
      "up to limit") \
    X(LBL_LEG_REAL, "実際の事例", \
      "real case") \
    /* ---- dashboard, more */ \
    X(S_NEXT_BUTTON, "次へ ▶▶", "Next ▶▶") \
    X(S_RESUME_BUTTON, "再開", "Resume") \
    X(S_PAUSE_BUTTON, "一時停止", "Pause") \
    X(S_TAKES, "所要", "takes") \
    X(S_NEW_ITEMS_FMT, S_NEW_ITEMS_FMT_TEXT) \
    X(S_COUNTDOWN_FMT, S_COUNTDOWN_FMT_TEXT) \
    X(S_COUNTDOWN_SHORT_FMT, S_COUNTDOWN_SHORT_FMT_TEXT) \
    X(S_NO_FONT, "日本語フォントが見つかりません（fonts-noto-cjk をインストールしてください）", "no font covering Japanese was found through fontconfig (install fonts-noto-cjk)") \
    X(S_NO_DISPLAY, "ダッシュボードを表示するディスプレイがありません", "no display to open the dashboard on (set DISPLAY or WAYLAND_DISPLAY, or use --snapshot / --ui tty)") \
    /* ---- terminal drill, more */ \
    X(M_YES_WORD, "はい", "yes") \
    /* ---- scorecard, more */ \
    X(LBL_RATING_P, "課題なく実施できた", "Performed without challenges") \
    X(LBL_RATING_S, "多少の課題はあるが実施できた", "Performed with some challenges") \
    X(LBL_RATING_M, "大きな課題があった", "Performed with major challenges") \
    X(LBL_RATING_U, "実施できなかった", "Unable to be performed") \
    X(LBL_RATING_NA, "未評価（期限前に演習が終了）", "Not assessed (the drill ended before its limit)") \
    X(LBL_PRIORITY_HIGH, "高", "High") \
    X(LBL_PRIORITY_MEDIUM, "中", "Medium") \
    X(LBL_PRIORITY_LOW, "低", "Low") \
    X(LBL_PHASE_ISOLATE, "封じ込め", "isolate") \
    X(LBL_PHASE_REPORT, "報告", "report") \
    X(LBL_PHASE_RECOVER, "復旧", "recover") \
    X(LBL_DB_UNUSABLE_FMT, LBL_DB_UNUSABLE_FMT_TEXT) \
    X(LBL_F_NOT_REACHED_FMT, LBL_F_NOT_REACHED_FMT_TEXT) \
    X(LBL_F_AFTER_LIMIT_FMT, LBL_F_AFTER_LIMIT_FMT_TEXT) \
    X(LBL_F_AFTER_TARGET_FMT, LBL_F_AFTER_TARGET_FMT_TEXT) \
    X(LBL_F_WITHIN_FMT, LBL_F_WITHIN_FMT_TEXT) \
    X(LBL_F_HARMFUL_BEFORE_FMT, LBL_F_HARMFUL_BEFORE_FMT_TEXT) \
    X(LBL_R_DRILL_KEY_FMT, LBL_R_DRILL_KEY_FMT_TEXT) \
    X(LBL_R_PREREQUISITE_FMT, LBL_R_PREREQUISITE_FMT_TEXT) \
    X(LBL_SENT_OFFLINE_FMT, LBL_SENT_OFFLINE_FMT_TEXT) \
    X(LBL_SERVER_UNREACHABLE_FMT, LBL_SERVER_UNREACHABLE_FMT_TEXT) \
    X(LBL_KEPT_UNSENT_FMT, LBL_KEPT_UNSENT_FMT_TEXT) \
    X(LBL_R_REVIEW_FMT, LBL_R_REVIEW_FMT_TEXT) \
    X(LBL_R_DROP_HARMFUL_FMT, LBL_R_DROP_HARMFUL_FMT_TEXT) \
    X(LBL_R_LESSON_FMT, LBL_R_LESSON_FMT_TEXT) \
    X(LBL_F_HARMFUL_FMT, LBL_F_HARMFUL_FMT_TEXT) \
    X(LBL_R_HARMFUL_FMT, LBL_R_HARMFUL_FMT_TEXT) \
    X(LBL_F_WASTED_FMT, LBL_F_WASTED_FMT_TEXT) \
    X(LBL_R_WASTED_FMT, LBL_R_WASTED_FMT_TEXT) \
    X(LBL_F_LESSON_FMT, LBL_F_LESSON_FMT_TEXT) \
    X(LBL_R_ADOPT_ACTION_FMT, LBL_R_ADOPT_ACTION_FMT_TEXT) \
    X(LBL_R_ADOPT_FMT, LBL_R_ADOPT_FMT_TEXT) \
    X(LBL_HOTWASH, "ホットウォッシュ（討議の問いと回答）", "Hot wash: discussion questions and answers") \
    X(LBL_QUESTION, "問い", "Question") \
    X(LBL_ANSWERED_BY, "回答者", "Answered by") \
    X(LBL_ANSWER, "回答", "Answer") \
    /* ---- scorecard: the survey's cases a scenario's source may name */ \
    X(LBL_SOURCE_CASE1, "NISC 補完調査 事例1「メールフォームへの攻撃」", "NISC supplementary survey, case 1: Attack on web mail forms") \
    X(LBL_SOURCE_CASE2, "NISC 補完調査 事例2「アクセス制限の不備」", "NISC supplementary survey, case 2: Missing access restriction") \
    X(LBL_SOURCE_CASE3, "NISC 補完調査 事例3「ランサムウェア被害」", "NISC supplementary survey, case 3: Ransomware infection") \
    X(LBL_SOURCE_CASE4, "NISC 補完調査 事例4「管理サーバへの不正アクセス」", "NISC supplementary survey, case 4: Unauthorised access to a management server") \
    X(LBL_SOURCE_CASE5, "NISC 補完調査 事例5「ソフトウェアの継続的なセキュリティ対策」", "NISC supplementary survey, case 5: Continuous software security") \
    X(LBL_SOURCE_CASE6, "NISC 補完調査 事例6「システムの不具合によるサービス障害」", "NISC supplementary survey, case 6: Service outage from a system defect") \
    X(LBL_REFERENCES, "参考資料", "References") \
    X(LBL_REF_TITLE, "資料", "Title") \
    X(LBL_REF_PUBLISHER, "発行元", "Publisher") \
    X(LBL_REF_DATE, "日付", "Date") \
    /* ---- the drill ended now (tt_score_ended_now), early ends */ \
    X(M_SCORE_NOW_FMT, M_SCORE_NOW_FMT_TEXT) \
    X(M_SCORE_NOT_ASSESSED_FMT, M_SCORE_NOT_ASSESSED_FMT_TEXT) \
    X(M_SCORE_NOW_NONE, "今終了した場合の採点: 評価できる目標はまだありません", \
      "Score if the drill ended now: no objective can be assessed yet") \
    X(M_VERDICT_NA, "未評価", "not assessed") \
    X(LBL_EARLY_END_FMT, LBL_EARLY_END_FMT_TEXT) \
    X(LBL_EARLY_END, "途中終了", "Ended early") \
    X(C_ENDED_EARLY_FMT, C_ENDED_EARLY_FMT_TEXT) \
    X(LBL_HEAD_FIRST_FMT, LBL_HEAD_FIRST_FMT_TEXT) \
    X(LBL_HEAD_DONE_FMT, LBL_HEAD_DONE_FMT_TEXT) \
    X(LBL_FAC_INJECT, "進行役の状況付与", "Facilitator inject") \
    X(LBL_STATUS, "状況", "Status") \
    X(LBL_STATUS_OPEN, "未完了", "open") \
    X(C_HIST_NO_MATCH_FMT, C_HIST_NO_MATCH_FMT_TEXT) \
    X(C_HIST_TREND_FMT, C_HIST_TREND_FMT_TEXT) \
    X(C_DID_YOU_MEAN_FMT, C_DID_YOU_MEAN_FMT_TEXT) \
    X(C_HIST_TEAM, "チーム", "team") \
    X(C_HIST_SCENARIO, "シナリオ", "scenario") \
    X(C_HIST_DATE, "日付", "date") \
    X(C_HIST_SCORE, "点数", "score") \
    X(C_HIST_RATING, "評価", "rating") \
    X(C_HIST_DURATION, "時間", "duration") \
    X(C_HIST_STATUS, "状態", "status") \
    X(C_HIST_COMPLETE, "完了", "complete") \
    X(C_HIST_INCOMPLETE, "不完全", "incomplete") \
    X(C_HIST_NOT_SENT, "（未送信）", " (not yet sent)") \
    X(C_HIST_NONE, "記録された演習はありません。", "No exercises recorded.") \
    X(LBL_FAC_LOG, "進行役の状況付与とメモ", "Facilitator injects and notes") \
    X(LBL_TO_EVERYONE, "全員へ", "to everyone") \
    X(LBL_TO, "宛先", "to") \
    /* ---- command output: optional modules (engine/base/module.c) */ \
    X(C_MODULE_DASHBOARD, "ダッシュボード（--ui sdl、--snapshot、replay --ui sdl）", \
      "the dashboard (--ui sdl, --snapshot, replay --ui sdl)") \
    X(C_MODULE_WEB, "ブラウザー参加（--serve）", "browser seats (--serve)") \
    X(C_MODULE_PG, "PostgreSQL の結果サーバー（postgresql://）", \
      "PostgreSQL results (postgresql://)") \
    X(C_MODULE_GRAPH, "シナリオの図（tabletop graph）", "scenario graphs (tabletop graph)") \
    X(C_MODULE_TTY, "端末での演習（--ui tty）", "the terminal drill (--ui tty)") \
    X(C_MODULE_SQLITE, "演習履歴（スコアカード、score、history）", \
      "the drill history (scorecards, score, history)") \
    X(C_MODULE_ZLIB, "記録ファイルの中央アーカイブ（sync --journals、fetch）", \
      "the journals archive (sync --journals, fetch)") \
    X(C_MODULE_CBOR, "シナリオのモデルキャッシュ（score、check、run）", \
      "the scenario model cache (score, check, run)") \
    X(C_MODULE_MISSING_FMT, C_MODULE_MISSING_FMT_TEXT) \
    /* ---- command output: tabletop show (the facilitator's briefing) */ \
    X(C_SHOW_TITLE, "進行役ブリーフィング", "Facilitator briefing") \
    X(C_SHOW_OVERVIEW, "概要", "Overview") \
    X(C_SHOW_SCENARIO_ID, "シナリオ", "Scenario") \
    X(C_SHOW_LENGTH, "長さ", "Length") \
    X(C_SHOW_SPEED, "推奨速度", "Recommended speed") \
    X(C_SHOW_SOURCE, "出典", "Source") \
    X(C_SHOW_ROLES, "役割", "Roles") \
    X(C_SHOW_ID, "ID", "ID") \
    X(C_SHOW_NAME, "名前", "Name") \
    X(C_SHOW_DESCRIPTION, "説明", "Description") \
    X(C_SHOW_ACTORS, "外部の関係者", "Outside parties") \
    X(C_SHOW_KIND, "種別", "Kind") \
    X(C_SHOW_REPLY_DELAY, "返答までの時間", "Reply delay") \
    X(C_SHOW_OBJECTIVES, "目標", "Objectives") \
    X(C_SHOW_PHASE, "段階", "Phase") \
    X(C_SHOW_SETTINGS, "設定", "Settings") \
    X(C_SHOW_KEY, "キー", "Key") \
    X(C_SHOW_DEFAULT, "既定値", "Default") \
    X(C_SHOW_VALUES, "設定できる値（--set KEY=VALUE）", "Values (--set KEY=VALUE)") \
    X(C_SHOW_ANY_NUMBER, "数値", "a number") \
    X(C_SHOW_ANY_TEXT, "文字列", "text") \
    X(C_SHOW_TIMELINE, "チームの対応によらない状況付与", "Injects that do not depend on the team") \
    X(C_SHOW_AT, "時刻", "At") \
    X(C_SHOW_FROM, "発信", "From") \
    X(C_SHOW_TO, "宛先", "To") \
    X(C_SHOW_INJECT, "状況付与", "Inject") \
    X(C_SHOW_EVERYONE, "全員", "everyone") \
    X(C_SHOW_CONDITIONAL_FMT, C_SHOW_CONDITIONAL_FMT_TEXT) \
    X(C_SHOW_QUESTIONS, "討議の問い", "Discussion questions") \
    X(C_SHOW_QUESTION, "問い", "Question") \
    X(C_SHOW_NONE, "なし", "none") \
    /* ---- web seats */ \
    X(W_JOIN_LINKS, "参加リンク（各自に自分のリンクだけを渡してください）:", \
      "Join links (give each person only their own):") \
    X(W_SEAT_FACILITATOR, "進行役", "facilitator") \
    X(W_SEAT_OBSERVER, "見学（閲覧のみ）", "observer (read-only)") \
    X(W_LINK_UNKNOWN, "このリンクはこの演習の席ではありません。進行役に自分の参加リンクを確認してください。", \
      "This link is not a seat of this drill. Ask the facilitator for your own join link.") \
    X(W_LINK_CLOSED, "この演習は終了しました。リンクはもう使えません。", \
      "This drill has ended: its links no longer open.") \
    /* ---- web seats: the pages (served as /terms.json, keys used by assets/web) */ \
    X(W_LANG_SWITCH, "English", "日本語") \
    X(W_ACTIONS, "対応", "Actions") \
    X(W_NOTE_FOR_ACTION, "メモ（任意）", "Note (optional)") \
    X(W_IN_PROGRESS, "進行中の対応", "Actions in progress") \
    X(W_FEED, "状況付与と連絡（新しい順）", "Injects and messages (newest first)") \
    X(W_CONTROLS, "進行", "Controls") \
    X(W_PAUSE, "一時停止", "Pause") \
    X(W_RESUME, "再開", "Resume") \
    X(W_SPEED, "速度", "Speed") \
    X(W_SET, "設定", "Set") \
    X(W_END, "演習を終了", "End the exercise") \
    X(W_INJECT_TO, "宛先", "To") \
    X(W_SEND_INJECT, "状況付与を送る", "Send inject") \
    X(W_SEATS, "参加者", "Seats") \
    X(W_ANSWERS, "討議の回答", "Discussion answers") \
    X(W_TAKE, "実施", "Take") \
    X(W_CANCEL_ACTION, "中止", "Cancel") \
    X(W_YOUR_ANSWER, "回答", "Answer") \
    X(W_SEND, "送信", "Send") \
    X(W_ANSWERED, "回答済み", "answered") \
    X(W_CONNECTED, "接続中", "connected") \
    X(W_NOT_CONNECTED, "未接続", "not connected") \
    X(W_RECONNECTING, "接続が切れました。再接続しています…", "Connection lost. Reconnecting…") \
    X(W_END_CONFIRM, "演習を終了しますか？", "End the exercise?") \
    X(W_ENDED_MSG, "演習は終了しました。", "The exercise has ended.") \
    X(W_ERR_RATE_LIMITED, "操作が多すぎます。少し待ってください。", "Too many messages; wait a moment.") \
    X(W_ERR_NOT_AVAILABLE, "いまは取れません", "Not available now") \
    X(W_ERR_NOT_YOUR_ROLE, "その対応はほかの役割のものです", "That action belongs to another role") \
    X(W_ERR_TOO_LONG, "長すぎます", "Too long") \
    X(W_ERR_BAD_MESSAGE, "送信内容が壊れています", "Malformed message") \
    X(W_ERR_FORBIDDEN, "この席ではできません", "This seat may not do that") \
    X(W_ERR_NOT_RUNNING, "演習は進行中ではありません", "The exercise is not running") \
    X(W_ERR_NOT_ANSWERABLE, "この問いには回答できません", "That question cannot be answered") \
    X(W_ERR_UNKNOWN_TARGET, "その役割かメンバーはいません", "No such role or member") \
    X(W_ERR_UNKNOWN_ACTION, "その対応はありません", "No such action") \
    X(W_ERR_BUSY, "演習はいま入力を受け付けていません。少し待ってください。", "The exercise is not taking inputs now; wait a moment.") \
    X(W_ERR_INTERNAL, "サーバーで処理できませんでした", "The server could not handle it") \
    X(W_ERR_OTHER, "エラー", "Error") \
    X(W_QR_HINT, "J 次のリンク  Esc 閉じる（各自が自分のコードだけを読み取ってください）", \
      "J next link  Esc close (each person scans only their own code)") \
    /* ---- results report across exercises */ \
    X(RPT_TITLE, "演習結果の推移", "Results across exercises") \
    X(RPT_GROUPS, "チームとシナリオ", "Teams and scenarios") \
    X(RPT_PHASE, "フェーズ", "phase") \
    X(RPT_MEDIAN, "中央値", "median") \
    X(RPT_BEST, "最短", "best") \
    X(RPT_COMPLETED, "完了回数", "completed") \
    X(RPT_OBJECTIVES, "目標ごとの評価（P/S/M/U）", "Objectives: P/S/M/U") \
    X(RPT_SCENARIO, "シナリオ", "scenario") \
    X(RPT_OBJECTIVE, "目標", "objective") \
    X(RPT_RECURRING, "繰り返し挙がる改善項目", "Improvement-plan items that keep coming back") \
    X(RPT_FINDING, "所見", "finding") \
    X(RPT_RECOMMENDATION, "推奨", "recommendation") \
    X(RPT_EXERCISES, "演習数", "exercises") \
    X(RPT_TEAMS, "チーム数", "teams") \
    X(RPT_LESSONS_MISSED, "見落とされることの多い教訓", "Lessons missed most often") \
    X(RPT_LESSON, "教訓", "lesson") \
    X(RPT_MISSED, "見落とし", "missed") \
    X(RPT_N_EXERCISES, "件の演習", "exercises") \
    X(RPT_GROUP_LINE_FMT, RPT_GROUP_LINE_FMT_TEXT) \
    X(RPT_MEMBERS, "参加者: ", "Members: ") \
    TT_TERMS_APP_DRILL(X) \
    TT_TERMS_APP_TOOLS(X) \
    TT_TERMS_ERRORS(X) \
    TT_TERMS_LIBS(X)

typedef enum tt_term {
#define TT_TERM_ENUM(name, ...) name,
    TT_TERMS(TT_TERM_ENUM)
#undef TT_TERM_ENUM
    TT_TERM__COUNT
} tt_term;

/* A printf format of the table in language L, as a checked literal:
 * sc_printf(ar, TT_FMT(L, LBL_F_WITHIN_FMT), title, at). */
#define TT_FMT(L, id) TT_FMT_EXPAND_((L), id##_TEXT)
#define TT_FMT_EXPAND_(L, pair) TT_FMT_PICK_(L, pair)
#define TT_FMT_PICK_(L, ja, en) ((L) == TT_LANG_JA ? (ja) : (en))
/* A message of the table in the process's language (tt_lang_messages:
 * --lang, else the locale), as a checked literal: the way engine modules
 * word errors and warnings (terms_errors.h). */
#define TT_MSG(id) TT_FMT(tt_lang_messages(), id)
#define TT_TERM_JA_(ja, en) ja
#define TT_TERM_EN_(ja, en) en

/* The text of a term in a language ("" for an id out of range). */
const char *tt_term_text(tt_term id, tt_lang lang);
/* Both columns of an entry, as a tt_text (a command's .missing text). */
tt_text tt_term_pair(tt_term id);
/* The entry's name ("M_INJECT"), e.g. as a key of the web page's table. */
const char *tt_term_key(tt_term id);

/* Texts of the OS and the libraries inside messages, in the process's
 * language (terms_libs.h). Every message that quotes one goes through these
 * (tests/base/test_error_texts.c fails on a bare strerror, sqlite3_errmsg or
 * libyaml problem). The result lives until the same thread's fourth next
 * call; errno is kept. */
/* strerror(errnum), worded in the message language. */
const char *tt_os_error(int errnum);
typedef enum tt_lib { TT_LIB_YAML, TT_LIB_SQLITE, TT_LIB_LUA, TT_LIB_DL, TT_LIB_PQ } tt_lib;
/* A library's fixed text (libyaml's problem or context, sqlite3_errstr of a
 * code) in the message language; detail, when not NULL, is what the library
 * said in particular (sqlite3_errmsg): kept in parentheses in Japanese when
 * it says more than the fixed text, and the whole of the English. NULL text
 * and detail give the table's "unknown problem". TT_LIB_LUA: a Lua runtime
 * or compile error, matched against templates; one without an entry stays
 * as Lua wrote it (a script's own error() text is the author's, in any
 * language). TT_LIB_DL: dlerror()'s text, matched the same way (one
 * without an entry stays as it is: the module message quotes it in its own
 * parentheses). TT_LIB_PQ: libpq's message,
 * framed ("PostgreSQL のエラー（...）"), its own words kept inside. */
const char *tt_lib_text(tt_lib lib, const char *text, const char *detail);

#endif
