/* roster.yaml: the team's name and who plays which role. */
#include "tabletop/inputs.h"
#include "tabletop/terms.h"

#include "lookup.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load_member(const char *file, const ynode *m, const char *path,
                       const tt_scenario *sc, tt_roster *out, tt_member *dst,
                       tt_error *err)
{
    static const char *const keys[] = { "name", "role", NULL };
    if (yexpect(file, m, Y_MAP, path, err) < 0 ||
        ymap_check_keys(file, m, path, keys, err) < 0)
        return -1;
    const ynode *name = ymap_get(m, "name"), *role = ymap_get(m, "role");
    char p[96];
    if (!name || !role) {
        yerror(err, file, m, path, TT_MSG(E_ROSTER_MEMBER_NEEDS));
        return -1;
    }
    snprintf(p, sizeof p, "%s.name", path);
    if (yscalar_text(file, name, p, &out->arena, &dst->name, err) < 0)
        return -1;
    if (!dst->name[0]) {
        yerror(err, file, name, p, TT_MSG(E_ROSTER_NAME_EMPTY));
        return -1;
    }
    snprintf(p, sizeof p, "%s.role", path);
    if (yscalar_text(file, role, p, &out->arena, &dst->role, err) < 0)
        return -1;
    if (sc && tt_scenario_role(sc, dst->role) < 0) {
        char valid[512];
        lookup_list_roles(sc, valid, sizeof valid);
        yerror(err, file, role, p, TT_MSG(E_UNKNOWN_ROLE_FMT), dst->role, valid);
        return -1;
    }
    return 0;
}

static int load_roster(const char *file, const ynode *root, const tt_scenario *sc,
                       tt_roster *out, tt_error *err)
{
    static const char *const keys[] = { "team", "organisation", "members", NULL };
    if (!root) {
        tt_error_set(err, file, 1, 1, TT_MSG(E_ROSTER_EMPTY));
        return -1;
    }
    if (yexpect(file, root, Y_MAP, "roster", err) < 0 ||
        ymap_check_keys(file, root, "", keys, err) < 0)
        return -1;
    /* A team or organisation given is a name: an empty one would be
     * recorded in the history as a team called "". */
    static const char *const named[] = { "team", "organisation" };
    const char **dst[] = { &out->team, &out->organisation };
    for (size_t i = 0; i < 2; i++) {
        const ynode *n = ymap_get(root, named[i]);
        if (!n)
            continue;
        if (yscalar_text(file, n, named[i], &out->arena, dst[i], err) < 0)
            return -1;
        if (!(*dst[i])[0]) {
            yerror(err, file, n, named[i], "%s", TT_MSG(E_ROSTER_FIELD_EMPTY));
            return -1;
        }
    }
    const ynode *members = ymap_get(root, "members");
    if (!members) {
        yerror(err, file, root, "", TT_MSG(E_ROSTER_NO_MEMBERS));
        return -1;
    }
    if (yexpect(file, members, Y_SEQ, "members", err) < 0)
        return -1;
    if (members->n == 0) {
        yerror(err, file, members, "members", TT_MSG(E_ROSTER_LIST_EMPTY));
        return -1;
    }
    if (members->n > TT_ROSTER_MAX_MEMBERS) {
        yerror(err, file, members, "members", TT_MSG(E_ROSTER_TOO_MANY_FMT),
               TT_ROSTER_MAX_MEMBERS);
        return -1;
    }
    out->members = tt_arena_alloc(&out->arena, members->n * sizeof *out->members);
    if (!out->members) {
        tt_error_oom(err, file);
        return -1;
    }
    for (size_t i = 0; i < members->n; i++) {
        char path[48];
        snprintf(path, sizeof path, "members[%zu]", i);
        tt_member *m = &out->members[i];
        if (load_member(file, members->vals[i], path, sc, out, m, err) < 0)
            return -1;
        for (size_t k = 0; k < i; k++) {
            if (strcmp(out->members[k].name, m->name) == 0 &&
                strcmp(out->members[k].role, m->role) == 0) {
                yerror(err, file, members->vals[i], path,
                       TT_MSG(E_ROSTER_TWICE_FMT), m->name, m->role);
                return -1;
            }
        }
        out->n_members = i + 1;
    }
    return 0;
}

int tt_roster_load_buffer(const char *name, const char *data, size_t len,
                          const tt_scenario *sc, tt_roster *out, tt_error *err)
{
    memset(out, 0, sizeof *out);
    tt_arena scratch = { 0 };
    ynode *root;
    int rc = ydoc_parse_single(name, data, len, &scratch, &root, err);
    if (rc == 0)
        rc = load_roster(name, root, sc, out, err);
    tt_arena_free(&scratch);
    if (rc != 0)
        tt_roster_free(out);
    return rc;
}

int tt_roster_load(const char *path, const tt_scenario *sc, tt_roster *out, tt_error *err)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *data = ydoc_read_file(path, &len, err);
    if (!data)
        return -1;
    int rc = tt_roster_load_buffer(path, data, len, sc, out, err);
    free(data);
    return rc;
}

void tt_roster_free(tt_roster *r)
{
    if (!r)
        return;
    tt_arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

const char *tt_roster_member_for(const tt_roster *r, const char *role)
{
    if (!r || !role)
        return NULL;
    for (size_t i = 0; i < r->n_members; i++)
        if (r->members[i].role && strcmp(r->members[i].role, role) == 0)
            return r->members[i].name;
    return NULL;
}
