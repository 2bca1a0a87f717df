/* Hand-built scenario and journals for the scorecard tests. */
#define _DEFAULT_SOURCE  /* mkstemps */
#include "fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *sysadmin_only[] = { "sysadmin" };
static const char *supervisor_only[] = { "supervisor" };
static const char *contact_actions[] = { "pull_cable" };
static const char *backup_actions[] = { "restore" };
static tt_text alert_questions[] = { { "誰に最初に連絡しますか？", "Who do you call first?" } };

static tt_role roles[] = {
    { "sysadmin", { "システム担当", "System staff" }, { NULL, NULL }, 0, { NULL, NULL } },
    { "supervisor", { "監督者", "Supervisor" }, { NULL, NULL }, 0, { NULL, NULL } },
};

static tt_inject injects[] = {
    { "start", 0, false, NULL, NULL, { "始まり", "It begins" }, NULL, 0 },
    { "alert", MIN(2), false, "user_dept", "sysadmin",
      { "ウイルス対策ソフトの警告 <script>", "Antivirus alert <script>" }, alert_questions, 1 },
};

static tt_action actions[] = {
    { "pull_cable", { "抜線する", "Pull the cable" }, { NULL, NULL }, sysadmin_only, 1, MIN(5),
      false, "isolate", "contact", false, false, { NULL, NULL }, false, false, false, false, false },
    { "report_ministry", { "所管省庁に報告", "Report to the ministry" }, { NULL, NULL },
      supervisor_only, 1, MIN(10), false, "report_ministry", NULL, false, false, { NULL, NULL }, false, false, false, false, false },
    { "restore", { "バックアップから復旧", "Restore from backup" }, { NULL, NULL }, sysadmin_only, 1,
      MIN(60), false, "recover", "backup", false, false, { NULL, NULL }, false, false, false, false, false },
    { "reboot", { "再起動する", "Reboot the server" }, { NULL, NULL }, sysadmin_only, 1, MIN(20),
      false, NULL, NULL, true, false, { "証拠が消える", "Destroys evidence & \"memory\"" }, true, false, false, false, false },
    { "meeting", { "全体会議", "All-hands meeting" }, { NULL, NULL }, supervisor_only, 1, MIN(30),
      false, NULL, NULL, false, true, { "決定が遅れる", "Delays decisions" }, true, false, false, false, false },
};

static tt_objective objectives[] = {
    { "isolate", TT_OBJ_ISOLATE, NULL, { "感染端末の隔離", "Isolate the infected PC" },
      MIN(15), MIN(60), "alert", false, { "F7: 暗号化速度", "F7: encryption speed" },
      { "サイバーセキュリティ", "Cybersecurity" } },
    { "report_ministry", TT_OBJ_REPORT, "ministry", { "所管省庁への報告", "Report to the ministry" },
      MIN(60), MIN(240), NULL, false, { "F5", "F5" },
      { "広報・情報提供", "Public Information and Warning" } },
    { "recover", TT_OBJ_RECOVER, NULL, { "業務の復旧", "Recover operations" },
      MIN(240), MIN(480), NULL, false, { NULL, NULL }, { NULL, NULL } },
};

static tt_lesson lessons[] = {
    { "contact", { "連絡経路を決めておく", "Agree the contact route in advance" }, contact_actions, 1,
      { NULL, NULL } },
    { "backup", { "オフラインのバックアップを持つ", "Keep offline backups" }, backup_actions, 1,
      { NULL, NULL } },
    { "logs", { "ログを保存する", "Keep the logs" }, NULL, 0,
      { "フォレンジック・原因特定", "Forensics and Attribution" } },
};

static tt_history_item history[] = {
    { MIN(90), false, "pull_cable", { "抜線した", "Pulled the cable" } },
    { MIN(600), true, "report_ministry", { "省庁に報告", "Reported to the ministry" } },
    { TT_MS_NEVER, false, NULL, { "社内で協議", "Discussed internally" } },
};

static tt_metric metrics[] = {
    { "encrypted", { "暗号化されたファイル", "Files encrypted" }, { "件", "files" }, 20000, true, { NULL, NULL } },
    { "isolated", { "隔離済み", "Isolated" }, { NULL, NULL }, 0, false, { NULL, NULL } },
    { "mail_hours", { "メール停止時間", "Hours without mail" }, { "時間", "h" }, 0, true, { NULL, NULL } },
};

static tt_scenario scenario;

const tt_scenario *fixture_scenario(void)
{
    memset(&scenario, 0, sizeof scenario);
    scenario.path = "scenarios/fixture.lua";
    scenario.id = "fixture";
    scenario.title = (tt_text){ "テスト用シナリオ", "Fixture & <scenario>" };
    scenario.summary = (tt_text){ "要約", "Summary" };
    scenario.source = "case 3";
    scenario.hash = "aaaa";
    scenario.length = MIN(480);
    scenario.invented = (tt_text){ "すべて", "All of them" };
    scenario.roles = roles;
    scenario.n_roles = 2;
    scenario.injects = injects;
    scenario.n_injects = 2;
    scenario.actions = actions;
    scenario.n_actions = 5;
    scenario.objectives = objectives;
    scenario.n_objectives = 3;
    scenario.lessons = lessons;
    scenario.n_lessons = 3;
    scenario.history = history;
    scenario.n_history = 3;
    scenario.metrics = metrics;
    scenario.n_metrics = 3;
    return &scenario;
}

static tt_member members[] = { { "Sato", "sysadmin" }, { "Suzuki <b>", "supervisor" } };
static tt_kv initial_state[] = { { "encrypted", { .type = TT_VAL_INT, .as.i = 0 } } };

void fj_init(fixture_journal *f, const char *team)
{
    memset(f, 0, sizeof *f);
    f->start.scenario = "fixture";
    f->start.hash = "aaaa";
    f->start.path = "scenarios/fixture.lua";
    f->start.seed = 7;
    f->start.speed = 0;
    f->start.lang = "en";
    f->start.team = team;
    f->start.members = members;
    f->start.n_members = 2;
    f->start.state = initial_state;
    f->start.n_state = 1;
    f->j.records = f->recs;
    tt_record *r = fj_add(f, TT_REC_START, 0, NULL);
    r->start = &f->start;
}

tt_record *fj_add(fixture_journal *f, tt_record_type type, tt_ms t, const char *id)
{
    if (f->j.n_records >= sizeof f->recs / sizeof f->recs[0])
        abort();
    tt_record *r = &f->recs[f->j.n_records++];
    memset(r, 0, sizeof *r);
    r->type = type;
    r->t = t;
    r->id = id;
    return r;
}

void fj_action(fixture_journal *f, tt_ms t, const char *action, const char *role, const char *note)
{
    tt_record *r = fj_add(f, TT_REC_ACTION, t, action);
    r->role = role;
    r->note = note;
    r->member = strcmp(role, "sysadmin") == 0 ? "Sato" : "Suzuki <b>";
}

void fj_objective(fixture_journal *f, tt_ms t, const char *id, const char *status)
{
    tt_record *r = fj_add(f, TT_REC_OBJECTIVE, t, id);
    r->status = status;
}

/* Keys and values live in static pools so records can point at them. */
static tt_kv kv_pool[64];
static size_t kv_used;

void fj_state(fixture_journal *f, tt_ms t, const char *key, int64_t value)
{
    if (kv_used >= 64)
        kv_used = 0;
    tt_kv *kv = &kv_pool[kv_used++];
    kv->key = key;
    kv->value.type = TT_VAL_INT;
    kv->value.as.i = value;
    tt_record *r = fj_add(f, TT_REC_STATE, t, NULL);
    r->changes = kv;
    r->n_changes = 1;
}

void fj_end(fixture_journal *f, tt_ms t)
{
    tt_record *r = fj_add(f, TT_REC_END, t, NULL);
    r->status = "settled";
    f->j.ended = true;
}

static void done(fixture_journal *f, tt_ms t, const char *action, const char *role)
{
    tt_record *r = fj_add(f, TT_REC_DONE, t, action);
    r->role = role;
}

static void injects_fire(fixture_journal *f)
{
    fj_add(f, TT_REC_INJECT, 0, "start")->text = injects[0].text;
    tt_record *r = fj_add(f, TT_REC_INJECT, MIN(2), "alert");
    r->text = injects[1].text;
    r->questions = alert_questions;
    r->n_questions = 1;
}

void fj_model(fixture_journal *f)
{
    fj_init(f, "Blue team");
    injects_fire(f);
    fj_state(f, MIN(3), "encrypted", 1200);
    fj_action(f, MIN(4), "pull_cable", "sysadmin", "cable out & \"tagged\"");
    fj_action(f, MIN(5), "report_ministry", "supervisor", NULL);
    done(f, MIN(9), "pull_cable", "sysadmin");
    fj_objective(f, MIN(9), "isolate", "reached");
    fj_state(f, MIN(9), "encrypted", 3400);
    fj_action(f, MIN(10), "restore", "sysadmin", NULL);
    done(f, MIN(15), "report_ministry", "supervisor");
    fj_objective(f, MIN(15), "report_ministry", "reached");
    tt_record *n = fj_add(f, TT_REC_NOTE, MIN(20), NULL);
    n->role = "supervisor";
    n->member = "Suzuki <b>";
    n->note = "We should have called the vendor <earlier>";
    done(f, MIN(70), "restore", "sysadmin");
    fj_objective(f, MIN(70), "recover", "reached");
    fj_end(f, MIN(70));
}

void fj_nothing(fixture_journal *f)
{
    fj_init(f, "Blue team");
    injects_fire(f);
    fj_state(f, MIN(30), "encrypted", 15000);
    fj_state(f, MIN(60), "mail_hours", 8);
    fj_objective(f, MIN(60), "isolate", "missed");
    fj_objective(f, MIN(240), "report_ministry", "missed");
    fj_objective(f, MIN(480), "recover", "missed");
    fj_end(f, MIN(480));
}

void fj_mediocre(fixture_journal *f)
{
    fj_init(f, NULL);
    injects_fire(f);
    fj_action(f, MIN(3), "meeting", "supervisor", "everyone in the room");
    fj_action(f, MIN(5), "reboot", "sysadmin", NULL);
    fj_action(f, MIN(25), "pull_cable", "sysadmin", NULL);
    done(f, MIN(30), "pull_cable", "sysadmin");
    fj_objective(f, MIN(30), "isolate", "reached");          /* S by time, M with harm */
    fj_action(f, MIN(200), "report_ministry", "supervisor", NULL);
    done(f, MIN(210), "report_ministry", "supervisor");
    fj_objective(f, MIN(210), "report_ministry", "reached");  /* S by time, M with harm */
    fj_objective(f, MIN(480), "recover", "missed");            /* U */
    fj_end(f, MIN(480));
}

void write_temp(const char *text, size_t len, const char *suffix, char *path, size_t size)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/tt-score-XXXXXX%s", dir && *dir ? dir : "/tmp", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    if (fd < 0)
        abort();
    if (write(fd, text, len) != (ssize_t)len)
        abort();
    close(fd);
}
