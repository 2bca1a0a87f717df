/* Every string the terminal drill shows, in English and Japanese. Labels
 * only, no printf formats: values are placed by the code that prints them. */
#include "tty_internal.h"

#include <string.h>

static const tt_text messages[M__COUNT] = {
    [M_START] = { "演習開始", "Exercise started" },
    [M_LENGTH_SPEED] = { "長さ", "length" },
    [M_INJECT] = { "状況付与", "INJECT" },
    [M_QUESTION] = { "討議", "Discuss" },
    [M_MESSAGE] = { "連絡", "MESSAGE" },
    [M_ACTION] = { "対応開始", "ACTION" },
    [M_ACTION_DONE_AT] = { "完了予定", "done at" },
    [M_DONE] = { "対応完了", "DONE" },
    [M_REFUSED] = { "実行不可", "REFUSED" },
    [M_OBJ_REACHED] = { "目標達成", "OBJECTIVE REACHED" },
    [M_OBJ_MISSED] = { "目標未達（期限切れ）", "OBJECTIVE MISSED" },
    [M_NOTE] = { "メモ", "NOTE" },
    [M_CUSTOM] = { "進行役からの状況付与", "FACILITATOR INJECT" },
    [M_PAUSED] = { "一時停止", "Paused" },
    [M_RESUMED] = { "再開", "Resumed" },
    [M_SPEED] = { "速度変更", "Speed" },
    [M_END] = { "演習終了", "Exercise ended" },
    [M_END_LENGTH] = { "予定時間に到達", "scenario length reached" },
    [M_END_SETTLED] = { "全目標の判定確定", "every objective settled" },
    [M_END_FACILITATOR] = { "進行役が終了", "ended by the facilitator" },
    [M_EVERYONE] = { "全員", "everyone" },
    [M_ANSWER] = { "討議の回答", "ANSWER" },
    [M_MENU_TITLE] = { "いま取れる対応（番号または名前で入力）",
                       "Actions available now (type a number or a name)" },
    [M_MENU_NONE] = { "いま取れる対応はありません",
                      "No action is available right now" },
    [M_MENU_HINT] = { "/help でコマンド一覧", "/help lists the commands" },
    [M_STATUS_CLOCK] = { "時刻", "Clock" },
    [M_STATUS_RUNNING] = { "進行中", "running" },
    [M_STATUS_PAUSED] = { "一時停止中", "paused" },
    [M_STATUS_READY] = { "開始前", "not started" },
    [M_STATUS_ENDED] = { "終了", "ended" },
    [M_STATUS_STATE] = { "インシデントの状況", "Incident state" },
    [M_STATUS_OBJECTIVES] = { "目標", "Objectives" },
    [M_OBJ_OPEN] = { "未達", "open" },
    [M_OBJ_TARGET_IN] = { "目標まで", "target in" },
    [M_OBJ_TARGET_PASSED] = { "目標時間を経過", "target passed" },
    [M_OBJ_LIMIT_IN] = { "期限まで", "limit in" },
    [M_OBJ_AT_REACHED] = { "達成", "reached at" },
    [M_OBJ_AT_MISSED] = { "未達で期限切れ", "missed at" },
    [M_STATUS_PENDING] = { "進行中の対応・返答待ち", "In progress and replies on their way" },
    [M_PENDING_ACTION] = { "完了予定", "completes at" },
    [M_PENDING_MESSAGE] = { "返答予定", "reply due at" },
    [M_PENDING_NONE] = { "なし", "none" },
    [M_HELP] = {
        "対応: 番号 [メモ] ／ [役割] 対応名 [@氏名] [メモ]\n"
        "  /menu          取れる対応の一覧\n"
        "  /status        時刻・状況・目標・返答待ち\n"
        "  /pause /resume 一時停止・再開\n"
        "  /speed X       速度を X 倍に\n"
        "  /next          次の状況付与まで進める\n"
        "  /inject 文     進行役の状況付与を追加\n"
        "  /note 役割 文  メモを記録\n"
        "  /end           演習を終了して評価表を作成\n"
        "  /quit          中断（あとで tabletop resume で再開）\n"
        "Ctrl-C: 一時停止して終了するか確認します",
        "Action: NUMBER [note]  or  [ROLE] ACTION [@member] [note]\n"
        "  /menu          actions available now\n"
        "  /status        clock, incident state, objectives, pending replies\n"
        "  /pause /resume pause or resume the clock\n"
        "  /speed X       run the clock at X times real time\n"
        "  /next          jump to the next inject\n"
        "  /inject TEXT   add a facilitator's inject\n"
        "  /note ROLE TEXT record a note\n"
        "  /end           end the exercise and write the scorecard\n"
        "  /quit          leave now (resume later with tabletop resume)\n"
        "Ctrl-C pauses and asks before quitting" },
    [M_UNKNOWN_COMMAND] = { "不明なコマンドです（/help を参照）",
                            "unknown command (see /help)" },
    [M_UNKNOWN_CHOICE] = { "いま取れる対応にありません（/menu を参照）",
                           "not an action available now (see /menu)" },
    [M_AMBIGUOUS] = { "複数の役割が取れる対応です。役割名を前に付けてください",
                      "several roles can take it: put the role first" },
    [M_NEED_TEXT] = { "文を入力してください", "text is missing" },
    [M_BAD_SPEED] = { "速度は 0.1 から 10000 までの数値です", "speed must be a number from 0.1 to 10000" },
    [M_QUIT_ASK] = { "一時停止しました。中断しますか？ y=中断（再開可能） e=演習終了 n=続行",
                     "Paused. Quit the drill? y = leave (resumable), e = end the exercise, n = go on" },
    [M_LEFT] = { "中断しました。記録は保存済みです", "Left the drill; the journal is saved" },
    [M_RESUME_HINT] = { "再開するには", "To resume" },
    [M_RESTORED] = { "記録から復元しました（一時停止中）", "Restored from the journal (paused)" },
    [M_SCRIPT_STEP] = { "台本", "script" },
    [M_PROMPT] = { "対応> ", "action> " },
    [M_PROMPT_PAUSED] = { "一時停止中> ", "paused> " },
    [M_QUIT_PROMPT] = { "中断? [y/e/N] ", "quit? [y/e/N] " },
    [M_NOT_ROSTER] = { "名簿にこの役割で載っていない氏名です", "not on the roster in this role" },
    [M_NOTE_ROLE] = { "役割名を指定してください", "give a role first" },
    [M_CONTINUE] = { "続行します", "Going on" },
    [M_RESUME_HOW] = { "/resume で再開します", "type /resume to go on" },
    [M_PHASE_ISOLATE] = { "封じ込め", "isolate" },
    [M_PHASE_REPORT] = { "報告", "report" },
    [M_PHASE_RECOVER] = { "復旧", "recover" },
};

const char *tty_msg(tty_msg_id id, tt_lang lang)
{
    if ((int)id < 0 || id >= M__COUNT)
        return "";
    return tt_text_get(&messages[id], lang);
}

const char *tty_party_name(const tt_scenario *sc, const char *id, tt_lang lang)
{
    if (!id)
        return tty_msg(M_EVERYONE, lang);
    int i = tt_scenario_role(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->roles[i].name, lang);
    i = tt_scenario_actor(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->actors[i].name, lang);
    return id;
}

const char *tty_action_label(const tt_scenario *sc, const char *id, tt_lang lang)
{
    int i = id ? tt_scenario_action(sc, id) : -1;
    return i >= 0 ? tt_text_get(&sc->actions[i].label, lang) : (id ? id : "");
}

const char *tty_objective_title(const tt_scenario *sc, const char *id,
                                tt_lang lang)
{
    int i = id ? tt_scenario_objective(sc, id) : -1;
    return i >= 0 ? tt_text_get(&sc->objectives[i].title, lang) : (id ? id : "");
}
