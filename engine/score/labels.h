/* Every fixed text of the scorecard, in Japanese and English. */
#ifndef TT_SCORE_LABELS_H
#define TT_SCORE_LABELS_H

#include "tabletop/base.h"

#define TT_LABELS(X) \
    X(CARD_TITLE, "演習スコアカード", "Exercise scorecard") \
    X(OVERALL, "総合評価", "Overall rating") \
    X(END_LENGTH, "シナリオの時間の終わり", "the scenario's length") \
    X(END_SETTLED, "すべての目標が確定", "every objective settled") \
    X(END_FACILITATOR, "進行役が終了", "the facilitator") \
    X(SCORE, "スコア", "Score") \
    X(RATING, "評価", "Rating") \
    X(INCOMPLETE, "不完全な記録: 記録に含まれる範囲だけを採点しました。", "Incomplete journal: scored for what it holds.") \
    X(TORN, "最後の記録が途中で切れていたため除外しました。", "The last record was torn and has been dropped.") \
    X(NO_END, "終了記録（END）がありません。演習は最後まで記録されていません。", "There is no END record: the exercise was not recorded to its end.") \
    X(HASH_MISMATCH, "シナリオファイルの内容が演習時と異なります（ハッシュ不一致）。", "The scenario file differs from the one the exercise ran (content hash mismatch).") \
    X(HEADLINE, "封じ込め・報告・復旧までの時間", "Time to isolate, report and recover") \
    X(TIME_ISOLATE, "封じ込めまで", "Time to isolate") \
    X(TIME_REPORT, "報告まで", "Time to report") \
    X(TIME_RECOVER, "復旧まで", "Time to recover") \
    X(FROM_START, "発生から", "from the start") \
    X(FROM_NOTICE, "覚知から", "from notice") \
    X(NOT_REACHED, "未達", "not reached") \
    X(NONE_IN_SCENARIO, "このシナリオにはありません", "none in this scenario") \
    X(OBJECTIVES, "目標ごとの評価", "Objectives") \
    X(OBJECTIVE, "目標", "Objective") \
    X(PHASE, "段階", "Phase") \
    X(PARTY, "報告先", "Party") \
    X(TARGET, "目標時間", "Target") \
    X(LIMIT, "限度", "Limit") \
    X(NOTICE, "覚知", "Notice") \
    X(REACHED, "達成", "Reached") \
    X(BY, "実施", "By") \
    X(RATIONALE, "根拠", "Rationale") \
    X(TIMELINE, "タイムライン", "Timeline") \
    X(INJECTS, "インジェクト", "Injects") \
    X(ACTIONS, "対応", "Actions") \
    X(REAL_CASE, "実際の事例", "Real case") \
    X(DAMAGE, "被害", "Damage") \
    X(METRIC, "指標", "Metric") \
    X(FINAL_VALUE, "最終値", "Final value") \
    X(UNKNOWN, "不明", "unknown") \
    X(HISTORY, "実際の事業者の対応との比較", "The real operator's history beside the team's") \
    X(REFERENCES, "参考資料", "References") \
    X(REF_TITLE, "資料", "Title") \
    X(REF_PUBLISHER, "発行元", "Publisher") \
    X(REF_DATE, "日付", "Date") \
    X(WHEN_REAL, "実際", "Real case") \
    X(WHEN_TEAM, "チーム", "Team") \
    X(EVENT, "出来事", "Event") \
    X(NOT_TAKEN, "実施せず", "not taken") \
    X(NO_TIME, "時刻不明", "time unknown") \
    X(INVENTED, "（時刻は演習用に設定）", " (time invented for the exercise)") \
    X(LESSONS, "教訓", "Lessons") \
    X(COVERED, "実施済み", "Covered") \
    X(MISSED, "未実施", "Missed") \
    X(BAD_ACTIONS, "有害・無駄な対応", "Harmful and wasted actions") \
    X(HARMFUL, "有害", "harmful") \
    X(WASTED, "無駄", "wasted") \
    X(COST, "失った時間", "Time lost") \
    X(WHY, "理由", "Why") \
    X(NO_BAD_ACTIONS, "有害・無駄な対応はありませんでした。", "No harmful or wasted actions.") \
    X(PLAN, "改善計画（AAR/IP）", "Improvement plan (AAR/IP)") \
    X(FINDING, "所見", "Finding") \
    X(RECOMMENDATION, "是正措置", "Recommendation") \
    X(OWNER, "担当役割", "Owner role") \
    X(PRIORITY, "優先度", "Priority") \
    X(NO_FINDINGS, "改善事項はありません。", "No findings.") \
    X(ROLES, "役割ごとの貢献", "Contribution per role") \
    X(ROLE, "役割", "Role") \
    X(MEMBERS, "メンバー", "Members") \
    X(N_ACTIONS, "対応数", "Actions") \
    X(N_OBJECTIVES, "達成させた目標", "Objectives completed") \
    X(N_REFUSED, "却下", "Refused") \
    X(N_NOTES, "メモ", "Notes") \
    X(BUSY, "作業時間", "Time busy") \
    X(NOTES, "メモと議論の記録", "Notes and discussion") \
    X(NO_NOTES, "記録されたメモはありません。", "No notes were recorded.") \
    X(QUESTIONS, "議論の問い", "Discussion questions") \
    X(HOTWASH, "ホットウォッシュ（討議の問いと回答）", "Hot wash: discussion questions and answers") \
    X(QUESTION, "問い", "Question") \
    X(ANSWERED_BY, "回答者", "Answered by") \
    X(ANSWER, "回答", "Answer") \
    X(TREND, "同じチームの過去の実施との比較", "Trend against the team's earlier runs") \
    X(NO_TREND, "同じチームによるこのシナリオの過去の実施はありません。", "No earlier runs of this scenario by this team.") \
    X(THIS_RUN, "今回", "This run") \
    X(DATE, "日付", "Date") \
    X(DETAILS, "演習の詳細", "Exercise details") \
    X(SCENARIO, "シナリオ", "Scenario") \
    X(SOURCE, "出典", "Source") \
    X(CONTENT_HASH, "内容ハッシュ", "Content hash") \
    X(ENGINE_VERSION, "tabletop のバージョン", "tabletop version") \
    X(ENGINE_RUN_BY, "実施", "exercise run by") \
    X(ENGINE_SCORED_BY, "採点", "scored by") \
    X(ENGINE_UNKNOWN, "0.2 より前", "before 0.2") \
    X(SEED, "シード", "Seed") \
    X(TEAM, "チーム", "Team") \
    X(DURATION, "所要時間（演習内）", "Duration (simulated)") \
    X(SPEED, "速度", "Speed") \
    X(SPEED_FAST, "最速（ヘッドレス）", "as fast as possible (headless)") \
    X(ENDED_BY, "終了理由", "Ended by") \
    X(JOURNAL, "記録ファイル", "Journal") \
    X(SETTINGS, "設定", "Settings") \
    X(INVENTED_NUMBERS, "演習用に設定した数値", "Invented numbers") \
    X(RULES, "評価方法", "How this is rated") \
    X(RULES_TEXT, \
      "P: 目標時間内に達成し有害な対応なし。S: 限度内に達成。M: 限度を過ぎて達成。有害な対応を達成前にとると1段階下がります（Mより下にはなりません）。U: 達成できず。" \
      "スコア: 目標時間内100点、限度までに60点へ直線的に低下、限度後は10点まで低下。達成前の有害な対応1件につき−15点（最大−45）、無駄な対応1件につき−5点（最大−15）。未達は0点。総合スコアは目標の平均。総合評価: すべてPならP、総合スコア65以上ならS、それ未満はM、どの目標も未達ならU。", \
      "P: reached within target with no harmful action before it. S: reached within limit. M: reached after the limit. A harmful action before the objective lowers its rating one step (never below M). U: not reached. " \
      "Score: 100 within target, falling linearly to 60 at the limit, then towards 10. Each harmful action before it costs 15 (at most 45), each wasted one 5 (at most 15). Not reached: 0. The overall score is the mean of the objectives. Overall rating: P when every objective is P, S from a score of 65, M below, U when nothing was reached.") \
    X(WARNINGS, "注意", "Warnings") \
    X(MINUTES, "分", " min") \
    X(NONE, "なし", "none") \
    X(STATUS_REACHED, "達成", "reached") \
    X(STATUS_MISSED, "期限超過", "missed") \
    X(REFUSED, "却下", "refused") \
    X(MESSAGE, "連絡", "message") \
    X(CUSTOM, "ファシリテーター", "facilitator") \
    X(YES, "はい", "yes") \
    X(NO, "いいえ", "no") \
    X(TEAM_NONE, "（チーム名なし）", "(no team name)") \
    X(SUMMARY, "総括", "Executive summary") \
    X(STRENGTHS, "主な強み", "Major strengths") \
    X(IMPROVE_AREAS, "主な改善点", "Areas for improvement") \
    X(DUE, "期限", "Due") \
    X(DAYS, "日以内", " days") \
    X(EARLIER_RUNS_CUT, "（直近10回のみ表示）", "(the last 10 runs)") \
    X(LEG_INJECT, "インジェクト・連絡", "inject or message") \
    X(LEG_ACTION, "対応（帯は所要時間）", "action (bar: time it takes)") \
    X(LEG_HARMFUL, "有害な対応", "harmful action") \
    X(LEG_WASTED, "無駄な対応", "wasted action") \
    X(LEG_REFUSED, "却下", "refused") \
    X(LEG_TARGET, "目標時間まで（◆ 達成、色は評価）", "up to target (◆ reached, coloured by rating)") \
    X(LEG_LIMIT, "限度まで", "up to limit") \
    X(LEG_REAL, "実際の事例", "real case")

typedef enum tt_label {
#define TT_LABEL_ENUM(name, ja, en) LBL_##name,
    TT_LABELS(TT_LABEL_ENUM)
#undef TT_LABEL_ENUM
    LBL__COUNT
} tt_label;

const char *tt_lbl(tt_label id, tt_lang lang);

#endif
