/* Every text the dashboard itself shows, in English and Japanese. */
#include <stdio.h>

#include "dash.h"

static const tt_text strings[S__COUNT] = {
    [S_CLOCK] = { "経過時間", "Elapsed" },
    [S_SPEED] = { "速度", "Speed" },
    [S_PAUSED] = { "一時停止中", "PAUSED" },
    [S_RUNNING] = { "進行中", "RUNNING" },
    [S_ENDED] = { "終了", "ENDED" },
    [S_READY] = { "開始前", "READY" },
    [S_FEED] = { "インジェクト・連絡", "Injects and messages" },
    [S_STATE] = { "インシデントの状況", "Incident state" },
    [S_DIAGRAM] = { "組織図（役割と外部関係者）", "Organisation (roles and outside parties)" },
    [S_OBJECTIVES] = { "目標タイマー", "Objective timers" },
    [S_SCORE] = { "暫定スコア", "Provisional score" },
    [S_ROLES] = { "役割", "Roles" },
    [S_ACTIONS] = { "対応", "Actions" },
    [S_TIMELINE] = { "タイムライン", "Timeline" },
    [S_TARGET] = { "目標", "target" },
    [S_LIMIT] = { "期限", "limit" },
    [S_IN] = { "あと", "in" },
    [S_AGO] = { "超過", "over by" },
    [S_REACHED] = { "達成", "REACHED" },
    [S_MISSED] = { "未達", "MISSED" },
    [S_OPEN] = { "対応中", "OPEN" },
    [S_OVERDUE] = { "目標超過", "OVERDUE" },
    [S_ISOLATE] = { "隔離", "Isolate" },
    [S_REPORT] = { "報告", "Report" },
    [S_RECOVER] = { "復旧", "Recover" },
    [S_TAKEN_AT] = { "実施済み", "taken at" },
    [S_IN_PROGRESS] = { "実施中・完了予定", "in progress, done at" },
    [S_NOT_TAKEN] = { "未実施", "not taken" },
    [S_FACILITATOR] = { "ファシリテーター", "Facilitator" },
    [S_EVERYONE] = { "全員", "everyone" },
    [S_TOOK] = { "対応開始", "took" },
    [S_DONE] = { "対応完了", "done" },
    [S_REFUSED] = { "実施できず", "refused" },
    [S_NOTE] = { "メモ", "note" },
    [S_QUESTION] = { "問い", "Q" },
    [S_OBJ_REACHED] = { "目標達成", "objective reached" },
    [S_OBJ_MISSED] = { "目標未達", "objective missed" },
    [S_TEAM] = { "対応チーム", "Response team" },
    [S_NO_ACTIONS] = { "この役割の対応はありません", "No actions for this role" },
    [S_KEYS_LIVE] = { "Space 一時停止/再開  +/- 速度  N 次のインジェクト  Tab 役割  ↑↓ 選択  Enter 実施  I インジェクト  M メモ  L 言語  E 終了  Ctrl+Q 閉じる",
                      "Space pause/resume  +/- speed  N next inject  Tab role  Up/Down select  Enter take  I inject  M note  L language  E end  Ctrl+Q close" },
    [S_KEYS_REPLAY] = { "←→ 1分  Shift 10分  PgUp/PgDn 前後の記録  Home/End  Space 再生  +/- 速度  L 言語  Esc 閉じる",
                        "Left/Right 1 min  Shift 10 min  PgUp/PgDn prev/next record  Home/End  Space play  +/- speed  L language  Esc close" },
    [S_SCORE_NOTE] = { "未達成の目標を今達成した場合の値", "if every open objective were reached now" },
    [S_SCORE_FINAL] = { "最終スコア", "Final score" },
    [S_SCORE_FINAL_NOTE] = { "スコアカードと同じ値", "as on the scorecard" },
    [S_END_LENGTH] = { "想定時間の終了", "scenario length reached" },
    [S_END_SETTLED] = { "全目標の決着", "all objectives settled" },
    [S_END_FACILITATOR] = { "ファシリテーターが終了", "ended by the facilitator" },
    [S_REPLAY] = { "振り返り", "REPLAY" },
    [S_CONFIRM_END] = { "もう一度 E で演習を終了します", "Press E again to end the exercise" },
    [S_NOTHING_YET] = { "まだ何も起きていません", "Nothing has happened yet" },
    [S_PROVISIONAL] = { "暫定", "provisional" },
    [S_INPUT_INJECT] = { "ファシリテーターのインジェクト", "Facilitator inject" },
    [S_INPUT_NOTE] = { "メモ", "Note by" },
    [S_INPUT_HINT] = { "Enter 送信  Esc 取り消し", "Enter send  Esc cancel" },
    [S_ENDED_CLOSE] = { "演習終了 — Esc または Enter で閉じる", "Exercise ended: press Esc or Enter to close" },
};

const char *dash_s(dash_str s, tt_lang lang)
{
    if ((int)s < 0 || s >= S__COUNT)
        return "";
    return tt_text_get(&strings[s], lang);
}
