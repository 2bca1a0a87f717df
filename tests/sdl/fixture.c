#include <string.h>

#include "fixture.h"

static tt_role roles[] = {
    { "sysadmin", { "システム担当", "System staff" }, { "", "" }, 0, { "", "" } },
    { "supervisor", { "上長", "Supervisor" }, { "", "" }, 0, { "", "" } },
};
static tt_actor actors[] = {
    { "user_dept", "department", { "利用部門", "User department" }, 0, 0, { "", "" } },
    { "vendor", "vendor", { "保守ベンダー", "Maintenance vendor" }, MIN(10), MIN(20), { "", "" } },
    { "ministry", "ministry", { "所管省庁", "Competent ministry" }, MIN(20), MIN(40), { "", "" } },
};
static tt_text questions[] = {
    { "最初に誰へ連絡しますか？", "Whom do you call first?" },
    { "ネットワークから切り離しますか？", "Do you disconnect it?" },
};
static tt_inject injects[] = {
    { "av_alert", 0, false, "user_dept", "sysadmin",
      { "ウイルス対策ソフトがランサムウェアを検知しました。", "The antivirus flagged ransomware on PC-12." },
      questions, 2 },
};
static const char *r_sys[] = { "sysadmin" };
static const char *r_sup[] = { "supervisor" };
static tt_action actions[] = {
    { "pull_cable", { "LANケーブルを抜く", "Pull the network cable" }, { "", "" },
      r_sys, 1, MIN(5), false, "isolate", NULL, false, false, { "", "" }, false, false, false, false, false },
    { "reboot", { "再起動する", "Reboot the PC" }, { "", "" },
      r_sys, 1, MIN(10), false, NULL, NULL, true, false,
      { "証拠が消えます", "Destroys evidence" }, false, false, false, false, false },
    { "report_ministry", { "所管省庁へ報告", "Report to the ministry" }, { "", "" },
      r_sup, 1, MIN(15), false, "report", NULL, false, false, { "", "" }, false, false, false, false, false },
    { "restore", { "バックアップから復旧", "Restore from backup" }, { "", "" },
      r_sys, 1, MIN(60), true, "recover", NULL, false, false, { "", "" }, false, false, false, false, false },
};
static tt_objective objectives[] = {
    { "isolate", TT_OBJ_ISOLATE, NULL, { "感染端末の隔離", "Isolate the infected PC" },
      MIN(15), MIN(60), "av_alert", false, { "", "" }, { NULL, NULL } },
    { "report", TT_OBJ_REPORT, "ministry", { "所管省庁への報告", "Report to the ministry" },
      MIN(30), MIN(50), NULL, false, { "", "" }, { NULL, NULL } },
    { "recover", TT_OBJ_RECOVER, NULL, { "業務の復旧", "Recover operations" },
      MIN(120), MIN(240), NULL, false, { "", "" }, { NULL, NULL } },
};
static tt_metric metrics[] = {
    { "encrypted", { "暗号化されたファイル", "Encrypted files" }, { "件", "files" }, 20000, true, { "", "" } },
    { "calls", { "問い合わせ", "Customer calls" }, { "件", "calls" }, 0, false, { "", "" } },
};

static tt_kv initial[] = {
    { "encrypted", { .type = TT_VAL_INT, .as.i = 0 } },
    { "calls", { .type = TT_VAL_INT, .as.i = 0 } },
    { "isolated", { .type = TT_VAL_BOOL, .as.b = false } },
};
static tt_member members[] = { { "Sato", "sysadmin" }, { "Suzuki", "supervisor" } };
static tt_start_info start = {
    "ransomware-test", "00", "fixture.lua", 42, 60.0, "en", "Blue", members, 2,
    NULL, 0, initial, 3, NULL, NULL, NULL, NULL, NULL, false,
};
static tt_kv ch1[] = { { "encrypted", { .type = TT_VAL_INT, .as.i = 4200 } },
                       { "calls", { .type = TT_VAL_INT, .as.i = 3 } } };
static tt_kv ch2[] = { { "encrypted", { .type = TT_VAL_INT, .as.i = 6100 } },
                       { "isolated", { .type = TT_VAL_BOOL, .as.b = true } } };

static tt_record records[] = {
    { .type = TT_REC_START, .t = 0, .start = &start },
    { .type = TT_REC_INJECT, .t = 0, .id = "av_alert", .from = "user_dept", .to = "sysadmin",
      .text = { "ウイルス対策ソフトがランサムウェアを検知しました。",
                "The antivirus flagged ransomware on PC-12." },
      .questions = questions, .n_questions = 2 },
    { .type = TT_REC_STATE, .t = MIN(3), .changes = ch1, .n_changes = 2 },
    { .type = TT_REC_ACTION, .t = MIN(4), .id = "reboot", .role = "sysadmin",
      .member = "Sato", .until = MIN(14) },
    { .type = TT_REC_ACTION, .t = MIN(6), .id = "pull_cable", .role = "sysadmin",
      .member = "Sato", .until = MIN(11) },
    { .type = TT_REC_MESSAGE, .t = MIN(8), .from = "vendor", .to = "sysadmin",
      .text = { "保守ベンダーです。ログを確認します。", "Vendor here. We are checking the logs." } },
    { .type = TT_REC_DONE, .t = MIN(11), .id = "pull_cable", .role = "sysadmin" },
    { .type = TT_REC_STATE, .t = MIN(11), .changes = ch2, .n_changes = 2 },
    { .type = TT_REC_OBJECTIVE, .t = MIN(11), .id = "isolate", .status = "reached" },
    { .type = TT_REC_DONE, .t = MIN(14), .id = "reboot", .role = "sysadmin" },
    { .type = TT_REC_REFUSED, .t = MIN(20), .id = "restore", .role = "sysadmin",
      .member = "Sato", .text = { "バックアップがありません", "No backup yet" } },
    { .type = TT_REC_PAUSE, .t = MIN(25) },
    { .type = TT_REC_RESUME, .t = MIN(25) },
    { .type = TT_REC_OBJECTIVE, .t = MIN(50), .id = "report", .status = "missed" },
};

void fixture_build(fixture *f)
{
    memset(f, 0, sizeof *f);
    tt_scenario *s = &f->sc;
    s->id = "ransomware-test";
    s->title = (tt_text){ "ランサムウェア被害（テスト）", "Ransomware infection (test)" };
    s->source = "case 3";
    s->length = MIN(240);
    s->roles = roles;           s->n_roles = 2;
    s->actors = actors;         s->n_actors = 3;
    s->injects = injects;       s->n_injects = 1;
    s->actions = actions;       s->n_actions = 4;
    s->objectives = objectives; s->n_objectives = 3;
    s->metrics = metrics;       s->n_metrics = 2;
    f->j.records = records;
    f->j.n_records = sizeof records / sizeof records[0];
}

void fixture_free(fixture *f)
{
    (void)f;    /* static storage only */
}
