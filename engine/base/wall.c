/* The one wall clock (front-ends' real-time clocks, record stamps). */
#define _POSIX_C_SOURCE 200809L
#include <time.h>

#include "tabletop/base.h"

int64_t tt_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
