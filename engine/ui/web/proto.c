/* tabletop.v1 messages through jansson: strict types, bounded sizes, no
 * control characters in free text (they would reach terminals and logs). */
#include "tabletop/terms.h"
#include "proto.h"

#include <jansson.h>

#include "tabletop/json_text.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; web_msg_kind kind; } kinds[] = {
    { "ping", WM_PING },   { "act", WM_ACT },       { "note", WM_NOTE },
    { "answer", WM_ANSWER }, { "pause", WM_PAUSE }, { "resume", WM_RESUME },
    { "speed", WM_SPEED }, { "next", WM_NEXT },     { "inject", WM_INJECT },
    { "end", WM_END },     { "cancel", WM_CANCEL }, { "reply", WM_REPLY },
};

static int refuse_msg(const char **code, const char *c, char *why, size_t size, const char *msg,
                const char *detail)
{
    *code = c;
    snprintf(why, size, "%s%s%s", msg, detail ? ": " : "", detail ? detail : "");
    return -1;
}

/* Text people type: UTF-8 (jansson checked it), no C0/C1 controls but
 * newline and tab, no DEL. */
static bool clean_text(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (; *p; p++) {
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
            return false;
        if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)   /* U+0080..U+009F */
            return false;
    }
    return true;
}

/* An optional string field copied into buf (ids and names: one line). */
static int get_id(json_t *root, const char *key, char *buf, size_t size, const char **code,
                  char *why, size_t why_size)
{
    json_t *v = json_object_get(root, key);
    buf[0] = '\0';
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_MUST_BE_STRING), key);
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    if (len >= size || strlen(s) != len)
        return refuse_msg(code, "too_long", why, why_size, TT_MSG(E_WEB_TOO_LONG), key);
    for (const char *p = s; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_CONTROL_CHAR), key);
    memcpy(buf, s, len + 1);
    return 0;
}

static int get_text(json_t *root, const char *key, bool required, char **out,
                    const char **code, char *why, size_t why_size)
{
    json_t *v = json_object_get(root, key);
    *out = NULL;
    if (!v || json_is_null(v)) {
        if (required)
            return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_MISSING), key);
        return 0;
    }
    if (!json_is_string(v))
        return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_MUST_BE_STRING), key);
    const char *s = json_string_value(v);
    size_t len = json_string_length(v);
    if (len > WEB_MAX_TEXT)
        return refuse_msg(code, "too_long", why, why_size, TT_MSG(E_WEB_TEXT_TOO_LONG), key);
    if (strlen(s) != len || !clean_text(s))
        return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_CONTROL_CHAR), key);
    /* Blank text says nothing. */
    const char *p = s;
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    if (!*p) {
        if (required)
            return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_EMPTY), key);
        return 0;
    }
    *out = strdup(s);
    if (!*out)
        return refuse_msg(code, "internal", why, why_size, TT_MSG(E_OUT_OF_MEMORY), NULL);
    return 0;
}

static int get_int(json_t *root, const char *key, int lo, int hi, int *out,
                   const char **code, char *why, size_t why_size)
{
    json_t *v = json_object_get(root, key);
    if (!v)
        return 0;
    if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
        return refuse_msg(code, "bad_message", why, why_size, TT_MSG(E_WEB_OUT_OF_RANGE), key);
    *out = (int)json_integer_value(v);
    return 0;
}

static int decode(json_t *root, web_msg *m, const char **code, char *why, size_t size)
{
    if (!json_is_object(root))
        return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_NOT_OBJECT), NULL);
    json_t *type = json_object_get(root, "type");
    if (!json_is_string(type))
        return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_NO_TYPE), NULL);
    size_t k = 0;
    for (; k < sizeof kinds / sizeof kinds[0]; k++)
        if (strcmp(kinds[k].name, json_string_value(type)) == 0)
            break;
    if (k == sizeof kinds / sizeof kinds[0])
        return refuse_msg(code, "unknown_type", why, size, TT_MSG(E_WEB_UNKNOWN_TYPE), NULL);
    m->kind = kinds[k].kind;
    switch (m->kind) {
    case WM_ACT:
        if (get_id(root, "action", m->action, sizeof m->action, code, why, size) < 0 ||
            get_int(root, "number", 1, 100000, &m->number, code, why, size) < 0 ||
            get_text(root, "note", false, &m->text, code, why, size) < 0)
            return -1;
        if (!m->action[0] && !m->number)
            return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_WHICH_ACTION), NULL);
        return 0;
    case WM_CANCEL:
    case WM_REPLY:
        /* API 1.1: an action in progress, by id or number; a reply's text. */
        if (get_id(root, "action", m->action, sizeof m->action, code, why, size) < 0 ||
            get_int(root, "number", 1, 100000, &m->number, code, why, size) < 0 ||
            get_text(root, m->kind == WM_REPLY ? "text" : "note", m->kind == WM_REPLY, &m->text,
                     code, why, size) < 0)
            return -1;
        if (!m->action[0] && !m->number)
            return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_WHICH_ACTION), NULL);
        return 0;
    case WM_NOTE:
        return get_text(root, "text", true, &m->text, code, why, size);
    case WM_ANSWER:
        m->question = -1;
        if (get_id(root, "inject", m->inject, sizeof m->inject, code, why, size) < 0 ||
            get_int(root, "question", 0, 1000, &m->question, code, why, size) < 0 ||
            get_text(root, "text", true, &m->text, code, why, size) < 0)
            return -1;
        if (!m->inject[0] || m->question < 0)
            return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_ANSWER_NEEDS), NULL);
        return 0;
    case WM_NEXT: {
        json_t *v = json_object_get(root, "pass_limit");
        if (v && !json_is_boolean(v))
            return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_PASS_LIMIT_BOOL), NULL);
        m->pass_limit = v && json_is_true(v);
        return 0;
    }
    case WM_SPEED: {
        json_t *v = json_object_get(root, "speed");
        if (!json_is_number(v) || !(json_number_value(v) >= 0.1) ||
            json_number_value(v) > 10000 || !isfinite(json_number_value(v)))
            return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_SPEED_RANGE), NULL);
        m->speed = json_number_value(v);
        return 0;
    }
    case WM_INJECT:
        if (get_id(root, "to", m->to, sizeof m->to, code, why, size) < 0 ||
            get_id(root, "member", m->member, sizeof m->member, code, why, size) < 0 ||
            get_text(root, "text", true, &m->text, code, why, size) < 0)
            return -1;
        if (m->member[0] && !m->to[0])
            return refuse_msg(code, "bad_message", why, size, TT_MSG(E_WEB_MEMBER_NEEDS_TO), NULL);
        return 0;
    default:
        return 0;
    }
}

int web_msg_decode(const char *data, size_t len, web_msg *out, const char **code,
                   char *why, size_t why_size)
{
    memset(out, 0, sizeof *out);
    if (len > WEB_MAX_FRAME)
        return refuse_msg(code, "too_long", why, why_size, TT_MSG(E_WEB_OVER_64K), NULL);
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return refuse_msg(code, "bad_json", why, why_size, TT_MSG(E_WEB_NOT_JSON), jerr.text);
    int rc = decode(root, out, code, why, why_size);
    json_decref(root);
    if (rc != 0)
        web_msg_free(out);
    return rc;
}

void web_msg_free(web_msg *m)
{
    free(m->text);
    m->text = NULL;
}

static int set_str(json_t *o, const char *key, const char *v)
{
    if (!v)
        return 0;
    return json_object_set_new(o, key, json_string(v));
}

static json_t *text_json(const tt_text *t)
{
    json_t *o = json_object();
    if (o && (set_str(o, "ja", t->ja) != 0 || set_str(o, "en", t->en) != 0)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

char *web_record_json(const tt_record *r)
{
    json_t *msg = json_object(), *rec = json_object();
    if (!msg || !rec) {
        json_decref(msg);
        json_decref(rec);
        return NULL;
    }
    int bad = json_object_set_new(msg, "type", json_string("event"));
    bad |= json_object_set_new(msg, "record", rec);
    bad |= set_str(rec, "type", tt_record_type_name(r->type));
    bad |= json_object_set_new(rec, "t", json_integer(r->t));
    bad |= set_str(rec, "id", r->id);
    bad |= set_str(rec, "role", r->role);
    bad |= set_str(rec, "member", r->member);
    bad |= set_str(rec, "from", r->from);
    if (r->to && strchr(r->to, ',')) {
        /* API 1.1: several recipients, a list of role ids. */
        json_t *to = json_array();
        bad |= json_object_set_new(rec, "to", to);
        for (const char *p = r->to; to && *p;) {
            const char *end = strchr(p, ',');
            size_t len = end ? (size_t)(end - p) : strlen(p);
            bad |= json_array_append_new(to, json_stringn(p, len));
            if (!end)
                break;
            p = end + 1;
        }
    } else {
        bad |= set_str(rec, "to", r->to);
    }
    bad |= set_str(rec, "note", r->note);
    bad |= set_str(rec, "status", r->status);
    if (r->text.ja || r->text.en)
        bad |= json_object_set_new(rec, "text", text_json(&r->text));
    if (r->n_questions) {
        json_t *qs = json_array();
        bad |= json_object_set_new(rec, "questions", qs);
        for (size_t i = 0; qs && i < r->n_questions; i++)
            bad |= json_array_append_new(qs, text_json(&r->questions[i]));
    }
    if (r->type == TT_REC_ACTION)
        bad |= json_object_set_new(rec, "until", json_integer(r->until));
    if (r->type == TT_REC_SPEED)
        bad |= json_object_set_new(rec, "speed", json_real(r->speed));
    char *out = bad ? NULL : tt_json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    return out;
}
