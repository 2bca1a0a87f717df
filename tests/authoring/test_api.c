/* tabletop api --luals: the annotations are generated from the engine's API
 * tables, the file shipped in scenarios/types/ is exactly that output, it is
 * valid Lua, every field the engine accepts is annotated (and nothing else),
 * and scenarios/.luarc.json points the language server at it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include <lauxlib.h>
#include <lua.h>

#include "cli_util.h"
#include "tabletop/api.h"
#include "tabletop/scenario.h"

static char *source_file(const char *rel)
{
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", getenv("TT_SOURCE_DIR"), rel);
    return cli_slurp(path);
}

static void shipped_annotations_are_the_generated_ones(void **state)
{
    (void)state;
    cli_result r = cli_run("api --luals");
    assert_int_equal(r.status, 0);
    char *shipped = source_file("scenarios/types/tabletop.d.lua");
    if (strcmp(shipped, r.out) != 0)
        fail_msg("scenarios/types/tabletop.d.lua is stale: regenerate it with "
                 "'tabletop api --luals > scenarios/types/tabletop.d.lua'");
    /* Valid Lua that declares the one global. */
    lua_State *L = luaL_newstate();
    assert_int_equal(luaL_loadbuffer(L, r.out, strlen(r.out), "tabletop.d.lua"), LUA_OK);
    lua_close(L);
    assert_contains(r.out, "---@meta");
    assert_contains(r.out, "function scenario(def) end");
    free(shipped);
    cli_done(&r);
}

static void every_class_field_ctx_entry_and_kind_is_annotated(void **state)
{
    (void)state;
    cli_result r = cli_run("api --luals");
    size_t nc;
    const tt_api_class *classes = tt_api_classes(&nc);
    assert_true(nc >= 12);
    char line[512];
    for (size_t i = 0; i < nc; i++) {
        snprintf(line, sizeof line, "---@class tabletop.%s\n", classes[i].name);
        assert_contains(r.out, line);
        for (const tt_api_field *f = classes[i].fields; f->name; f++) {
            snprintf(line, sizeof line, "---@field %s%s %s ", f->name, f->required ? "" : "?",
                     f->type);
            assert_contains(r.out, line);
        }
    }
    for (size_t i = 0; i < tt_api_ctx_count(); i++) {
        snprintf(line, sizeof line, "---@field %s", tt_api_ctx_field(i)->name);
        assert_contains(r.out, line);
    }
    size_t nk;
    const tt_actor_kind *kinds = tt_actor_kinds(&nk);
    for (size_t i = 0; i < nk; i++) {
        snprintf(line, sizeof line, "---| \"%s\" # %s / %s", kinds[i].id, kinds[i].label.ja,
                 kinds[i].label.en);
        assert_contains(r.out, line);
    }
    cli_done(&r);
    /* The API's own table of top-level fields is what validation accepts:
     * a key outside it is refused, naming the accepted ones. */
    r = cli_sh("printf 'return scenario { id = \"x\", colour = 1 }' > '%s/bad.lua'", cli_tmp());
    cli_done(&r);
    r = cli_run("check '%s/bad.lua'", cli_tmp());
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "unknown key 'colour' (expected one of: id, source, title");
    cli_done(&r);
}

static void luarc_points_at_the_annotations(void **state)
{
    (void)state;
    char path[2048];
    snprintf(path, sizeof path, "%s/scenarios/.luarc.json", getenv("TT_SOURCE_DIR"));
    json_error_t jerr;
    json_t *rc = json_load_file(path, 0, &jerr);
    if (!rc)
        fail_msg("%s:%d: %s", path, jerr.line, jerr.text);
    json_t *lib = json_object_get(rc, "workspace.library");
    assert_true(json_is_array(lib));
    bool found = false;
    for (size_t i = 0; i < json_array_size(lib); i++) {
        char file[2048];
        snprintf(file, sizeof file, "%s/scenarios/%s/tabletop.d.lua", getenv("TT_SOURCE_DIR"),
                 json_string_value(json_array_get(lib, i)));
        FILE *fp = fopen(file, "r");
        if (fp) {
            found = true;
            fclose(fp);
        }
    }
    assert_true(found);
    assert_string_equal(json_string_value(json_object_get(rc, "runtime.version")), "Lua 5.4");
    json_decref(rc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_annotations_are_the_generated_ones),
        cmocka_unit_test(every_class_field_ctx_entry_and_kind_is_annotated),
        cmocka_unit_test(luarc_points_at_the_annotations),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
