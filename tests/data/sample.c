/* Shared test data for tests/data. */
#include "sample.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

static const char *sysadmin_only[] = { "sysadmin" };
static const char *sysadmin_user[] = { "sysadmin", "user" };
static const char *user_supervisor[] = { "user", "supervisor" };
static const char *supervisor_only[] = { "supervisor" };

static tt_role roles[] = {
    { "user", { "利用者", "User" }, { NULL, NULL }, 0, { NULL, NULL } },
    { "sysadmin", { "システム管理者", "System administrator" }, { NULL, NULL }, 0, { NULL, NULL } },
    { "supervisor", { "上司", "Supervisor" }, { NULL, NULL }, 0, { NULL, NULL } },
};

static tt_action actions[] = {
    { .id = "pull_cable", .label = { "LANケーブルを抜く", "Pull the network cable" },
      .roles = sysadmin_only, .n_roles = 1, .takes = 60000 },
    { .id = "scan_all", .label = { "全台スキャン", "Scan every machine" },
      .roles = sysadmin_user, .n_roles = 2, .takes = 3600000 },
    { .id = "report_boss", .label = { "上司に報告", "Report to the supervisor" },
      .roles = user_supervisor, .n_roles = 2 },
    { .id = "call_ministry", .label = { "所管省庁に連絡", "Call the ministry" },
      .roles = supervisor_only, .n_roles = 1 },
};

static tt_setting settings[] = {
    { "offline_backup", { "オフラインバックアップ", "Offline backup" },
      { .type = TT_VAL_BOOL, .as.b = false } },
    { "staff", { "人員", "Staff" }, { .type = TT_VAL_INT, .as.i = 3 } },
    { "budget", { "予算", "Budget" }, { .type = TT_VAL_NUM, .as.n = 1.5 } },
    { "region", { "地域", "Region" }, { .type = TT_VAL_STR, .as.s = "tokyo" } },
};

static tt_scenario scenario = {
    .id = "ransomware",
    .title = { "ランサムウェア被害", "Ransomware infection" },
    .roles = roles, .n_roles = 3,
    .actions = actions, .n_actions = 4,
    .settings = settings, .n_settings = 4,
};

const tt_scenario *sample_scenario(void) { return &scenario; }

static tt_member members[] = {
    { "佐藤", "sysadmin" }, { "Suzuki \"Ken\"", "supervisor" }, { "true", "user" },
};
static tt_kv start_settings[] = {
    { "offline_backup", { .type = TT_VAL_BOOL, .as.b = true } },
    { "staff", { .type = TT_VAL_INT, .as.i = -7 } },
    { "budget", { .type = TT_VAL_NUM, .as.n = 2.0 } },
    { "region", { .type = TT_VAL_STR, .as.s = "true" } },
};
static tt_kv start_state[] = {
    { "files_encrypted", { .type = TT_VAL_INT, .as.i = 0 } },
    { "ratio", { .type = TT_VAL_NUM, .as.n = 0.1 } },
    { "tiny", { .type = TT_VAL_NUM, .as.n = 1e-300 } },
    { "big", { .type = TT_VAL_NUM, .as.n = 1e300 } },
    { "neg_zero", { .type = TT_VAL_NUM, .as.n = -0.0 } },
    { "third", { .type = TT_VAL_NUM, .as.n = 1.0 / 3.0 } },
    { "label", { .type = TT_VAL_STR, .as.s = "12" } },
    { "empty", { .type = TT_VAL_STR, .as.s = "" } },
    { "odd: key", { .type = TT_VAL_STR, .as.s = "line1\nline2\t\"q\" \\ # not a comment" } },
    { "online", { .type = TT_VAL_BOOL, .as.b = false } },
};
static tt_start_info start = {
    .scenario = "ransomware",
    .hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    .path = "scenarios/ransomware.lua",
    .seed = UINT64_MAX,
    .speed = 60.0,
    .lang = "ja",
    .team = "青チーム",
    .members = members, .n_members = 3,
    .settings = start_settings, .n_settings = 4,
    .state = start_state, .n_state = 10,
    .date = "2026-11-26T06:00:00Z",
};
static tt_text questions[] = {
    { "誰に最初に連絡しますか？", "Who do you call first?" },
    { NULL, "English only" },
};
static tt_kv changes[] = {
    { "files_encrypted", { .type = TT_VAL_INT, .as.i = 1200 } },
    { "network_up", { .type = TT_VAL_BOOL, .as.b = false } },
    { "ratio", { .type = TT_VAL_NUM, .as.n = 0.25 } },
};

static const tt_record records[] = {
    { .type = TT_REC_START, .t = 0, .wall_ms = 1764136800000, .start = &start },
    { .type = TT_REC_INJECT, .t = 0, .id = "first_alert", .from = "helpdesk", .to = "user",
      .text = { "画面に脅迫文が表示された。", "A ransom note appears on screen." },
      .questions = questions, .n_questions = 2 },
    { .type = TT_REC_MESSAGE, .t = 90000, .from = "ministry", .to = "supervisor",
      .text = { "報告を受領しました。", "Report received." } },
    { .type = TT_REC_ACTION, .t = 240000, .wall_ms = 1764136804000, .id = "pull_cable",
      .role = "sysadmin", .member = "佐藤", .note = "すぐ抜いた / pulled at once",
      .until = 300000 },
    { .type = TT_REC_DONE, .t = 300000, .id = "pull_cable", .role = "sysadmin" },
    { .type = TT_REC_REFUSED, .t = 300000, .id = "call_ministry", .role = "user",
      .member = "true", .text = { "権限がありません", "Not allowed for this role" } },
    { .type = TT_REC_STATE, .t = 300000, .changes = changes, .n_changes = 3 },
    { .type = TT_REC_OBJECTIVE, .t = 300000, .id = "isolate", .status = "reached" },
    { .type = TT_REC_NOTE, .t = 320000, .role = "supervisor", .member = "Suzuki \"Ken\"",
      .note = "null" },
    { .type = TT_REC_CUSTOM, .t = 330000, .from = "facilitator",
      .text = { "記者から電話", "A reporter calls" } },
    { .type = TT_REC_CUSTOM, .t = 330000, .from = "facilitator", .to = "user",
      .member = "佐藤", .text = { "佐藤さんだけに", "Only for Sato" } },
    { .type = TT_REC_ANSWER, .t = 335000, .id = "ransom_note", .role = "user",
      .member = "佐藤", .note = "ヘルプデスク\n\"and\" IT", .questions = questions,
      .n_questions = 1 },
    { .type = TT_REC_PAUSE, .t = 340000, .wall_ms = 1764136900000 },
    { .type = TT_REC_RESUME, .t = 340000, .wall_ms = 1764136960000 },
    { .type = TT_REC_SPEED, .t = 340000, .speed = 0.5 },
    { .type = TT_REC_SPEED, .t = 350000, .speed = 1000000.0 },
    { .type = TT_REC_ACTION, .t = 360000, .id = "scan_all", .role = "user", .until = 0 },
    /* API 1.1: a bad verdict on the action, several recipients, a
     * cancellation (and one refused), an actor's refusal and question, a reply. */
    { .type = TT_REC_ACTION, .t = 361000, .id = "scan_all", .role = "user", .until = 7561000,
      .status = "wasted", .text = { "回線が開いている間は無駄", "Wasted while the link is open" } },
    { .type = TT_REC_MESSAGE, .t = 362000, .from = "ministry", .to = "user,supervisor",
      .text = { "二人へ", "To both" } },
    { .type = TT_REC_CANCEL, .t = 363000, .id = "scan_all", .role = "user", .member = "佐藤",
      .note = "やめる" },
    { .type = TT_REC_CANCEL, .t = 363000, .id = "scan_all", .role = "user", .status = "refused",
      .text = { "実施中ではありません", "This action is not in progress." } },
    { .type = TT_REC_DECLINED, .t = 364000, .id = "call_ministry", .role = "supervisor",
      .from = "ministry", .text = { "契約外です", "Not in the contract" } },
    { .type = TT_REC_ASKED, .t = 365000, .id = "call_ministry", .role = "supervisor",
      .from = "ministry", .text = { "どのサーバ？", "Which servers?" } },
    { .type = TT_REC_REPLY, .t = 366000, .id = "call_ministry", .role = "supervisor",
      .member = "Suzuki \"Ken\"", .note = "web01, web02" },
    { .type = TT_REC_END, .t = 28800000, .status = "facilitator" },
};

const tt_record *sample_records(size_t *n)
{
    *n = sizeof records / sizeof records[0];
    return records;
}

static bool str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool text_eq(const tt_text *a, const tt_text *b)
{
    return str_eq(a->ja, b->ja) && str_eq(a->en, b->en);
}

static bool kvs_eq(const tt_kv *a, size_t na, const tt_kv *b, size_t nb)
{
    if (na != nb)
        return false;
    for (size_t i = 0; i < na; i++)
        if (!str_eq(a[i].key, b[i].key) || !tt_value_equal(&a[i].value, &b[i].value))
            return false;
    return true;
}

static bool start_eq(const tt_start_info *a, const tt_start_info *b)
{
    if (!a || !b)
        return a == b;
    if (!str_eq(a->scenario, b->scenario) || !str_eq(a->hash, b->hash) ||
        !str_eq(a->path, b->path) || a->seed != b->seed ||
        memcmp(&a->speed, &b->speed, sizeof a->speed) != 0 || !str_eq(a->lang, b->lang) ||
        !str_eq(a->team, b->team) || !str_eq(a->date, b->date) ||
        a->n_members != b->n_members)
        return false;
    for (size_t i = 0; i < a->n_members; i++)
        if (!str_eq(a->members[i].name, b->members[i].name) ||
            !str_eq(a->members[i].role, b->members[i].role))
            return false;
    return kvs_eq(a->settings, a->n_settings, b->settings, b->n_settings) &&
           kvs_eq(a->state, a->n_state, b->state, b->n_state);
}

bool sample_records_equal(const tt_record *a, const tt_record *b, char *why,
                          size_t why_size)
{
#define CHECK(cond, what)                                   \
    do {                                                    \
        if (!(cond)) {                                      \
            snprintf(why, why_size, "%s differs", what);    \
            return false;                                   \
        }                                                   \
    } while (0)
    CHECK(a->type == b->type, "type");
    CHECK(a->t == b->t, "t");
    CHECK(a->wall_ms == b->wall_ms, "wall");
    CHECK(str_eq(a->id, b->id), "id");
    CHECK(str_eq(a->role, b->role), "role");
    CHECK(str_eq(a->member, b->member), "member");
    CHECK(str_eq(a->from, b->from), "from");
    CHECK(str_eq(a->to, b->to), "to");
    CHECK(str_eq(a->note, b->note), "note");
    CHECK(str_eq(a->status, b->status), "status");
    CHECK(text_eq(&a->text, &b->text), "text");
    CHECK(a->n_questions == b->n_questions, "questions count");
    for (size_t i = 0; i < a->n_questions; i++)
        CHECK(text_eq(&a->questions[i], &b->questions[i]), "question");
    CHECK(kvs_eq(a->changes, a->n_changes, b->changes, b->n_changes), "changes");
    CHECK(a->until == b->until, "until");
    CHECK(memcmp(&a->speed, &b->speed, sizeof a->speed) == 0, "speed");
    CHECK(start_eq(a->start, b->start), "start");
#undef CHECK
    return true;
}

const char *sample_fixture(const char *name)
{
    static char path[1024];
    const char *root = getenv("TT_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/tests/data/fixtures/%s", root ? root : ".", name);
    return path;
}

const char *sample_tmp_path(const char *name)
{
    static char path[1024];
    const char *dir = getenv("TT_BUILD_DIR");
    snprintf(path, sizeof path, "%s/tt-data-%ld-%s", dir ? dir : "/tmp", (long)getpid(),
             name);
    return path;
}

char *sample_read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    assert_true(size >= 0);
    rewind(f);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
    buf[size] = '\0';
    fclose(f);
    *len = (size_t)size;
    return buf;
}
