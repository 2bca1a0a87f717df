/* jansson's allocator failing one request (see json_oom.h). */
#include "json_oom.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static long allocs_left = -1; /* requests before the failing one; -1: none fails */

static void *failing_malloc(size_t n)
{
    if (allocs_left == 0) {
        allocs_left = -1;
        return NULL;
    }
    if (allocs_left > 0)
        allocs_left--;
    return malloc(n);
}

void json_oom_fail_nth(long n)
{
    allocs_left = n;
    json_set_alloc_funcs(failing_malloc, free);
}

bool json_oom_came(void)
{
    bool came = allocs_left == -1;
    allocs_left = -1;
    return came;
}

void json_oom_off(void)
{
    allocs_left = -1;
    json_set_alloc_funcs(malloc, free);
}

char *json_oom_cut_line(char *text, const char *key)
{
    char *at = text ? strstr(text, key) : NULL;
    char *end = at ? strchr(at, '\n') : NULL;
    if (end)
        memmove(at, end + 1, strlen(end + 1) + 1);
    return text;
}
