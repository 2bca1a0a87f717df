/* Part of the one terminology table (tabletop/terms.h): the texts of the
 * other commands in engine/app (score, history, report, sync, fetch, show,
 * sweep, new, lint, check, api, list, explore, graph, msel). */
#ifndef TABLETOP_TERMS_APP_TOOLS_H
#define TABLETOP_TERMS_APP_TOOLS_H

#define TT_TERMS_APP_TOOLS(X)

#endif
