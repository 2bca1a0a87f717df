/* Subcommands of the tabletop binary: each takes argv with argv[0] = its
 * name and returns a process exit code (TT_EXIT_*). One file per command. */
#ifndef TABLETOP_APP_COMMANDS_H
#define TABLETOP_APP_COMMANDS_H

int tt_cmd_list(int argc, char **argv);     /* cmd_list.c    */
int tt_cmd_check(int argc, char **argv);    /* cmd_check.c   */
int tt_cmd_run(int argc, char **argv);      /* cmd_run.c     */
int tt_cmd_resume(int argc, char **argv);   /* cmd_resume.c  */
int tt_cmd_replay(int argc, char **argv);   /* cmd_replay.c  */
int tt_cmd_score(int argc, char **argv);    /* cmd_score.c   */
int tt_cmd_history(int argc, char **argv);  /* cmd_history.c */
int tt_cmd_sweep(int argc, char **argv);    /* cmd_sweep.c   */
int tt_cmd_api(int argc, char **argv);      /* cmd_api.c     */
int tt_cmd_new(int argc, char **argv);      /* cmd_new.c     */
int tt_cmd_lint(int argc, char **argv);     /* cmd_lint.c    */
int tt_cmd_msel(int argc, char **argv);     /* cmd_msel.c    */
int tt_cmd_show(int argc, char **argv);     /* cmd_show.c    */
int tt_cmd_graph(int argc, char **argv);    /* cmd_graph.c   */
int tt_cmd_watch(int argc, char **argv);    /* cmd_watch.c   */
int tt_cmd_explore(int argc, char **argv);  /* cmd_explore.c */
int tt_cmd_sync(int argc, char **argv);     /* cmd_sync.c    */
int tt_cmd_fetch(int argc, char **argv);    /* cmd_fetch.c   */
int tt_cmd_report(int argc, char **argv);   /* cmd_report.c  */

#endif
