/* Part of the one terminology table (tabletop/terms.h): the texts of the
 * drill commands in engine/app (run, resume, replay, watch, the terminal
 * front-end, the command-line parser). Kept in its own file so the table's
 * sections can be edited side by side. */
#ifndef TABLETOP_TERMS_APP_DRILL_H
#define TABLETOP_TERMS_APP_DRILL_H

#define TT_TERMS_APP_DRILL(X)

#endif
