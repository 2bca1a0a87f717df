/* Event queue: a binary min-heap keyed by (time, insertion sequence) so that
 * events at the same time fire in the order they were scheduled. */
#include "tabletop/sim.h"

#include <stdlib.h>

void tt_queue_init(tt_queue *q)
{
    q->items = NULL;
    q->count = 0;
    q->capacity = 0;
    q->next_seq = 0;
}

void tt_queue_free(tt_queue *q)
{
    free(q->items);
    tt_queue_init(q);
}

static bool before(const tt_event *a, const tt_event *b)
{
    return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

static void swap(tt_event *a, tt_event *b)
{
    tt_event t = *a;
    *a = *b;
    *b = t;
}

bool tt_queue_push(tt_queue *q, tt_ms time, int kind, int index, int64_t arg)
{
    if (q->count == q->capacity && !tt_grow(&q->items, &q->capacity, q->count + 1, sizeof *q->items))
        return false;
    size_t i = q->count++;
    q->items[i] = (tt_event){ time, q->next_seq++, kind, index, arg };
    while (i > 0) {
        size_t parent = (i - 1) / 2;
        if (!before(&q->items[i], &q->items[parent]))
            break;
        swap(&q->items[i], &q->items[parent]);
        i = parent;
    }
    return true;
}

bool tt_queue_peek(const tt_queue *q, tt_event *out)
{
    if (q->count == 0)
        return false;
    *out = q->items[0];
    return true;
}

bool tt_queue_pop(tt_queue *q, tt_event *out)
{
    if (q->count == 0)
        return false;
    *out = q->items[0];
    q->items[0] = q->items[--q->count];
    size_t i = 0;
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < q->count && before(&q->items[l], &q->items[m]))
            m = l;
        if (r < q->count && before(&q->items[r], &q->items[m]))
            m = r;
        if (m == i)
            break;
        swap(&q->items[i], &q->items[m]);
        i = m;
    }
    return true;
}
