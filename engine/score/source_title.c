/* A scenario's `source` in words: "case N" names a case of the NISC
 * supplementary survey the shipped scenarios replay (../shared/seeds), shown
 * by its title in the card's language; any other source is shown as written. */
#include "util.h"

#include <string.h>

static const tt_text case_titles[] = {
    { "NISC 補完調査 事例1「メールフォームへの攻撃」", "NISC supplementary survey, case 1: Attack on web mail forms" },
    { "NISC 補完調査 事例2「アクセス制限の不備」", "NISC supplementary survey, case 2: Missing access restriction" },
    { "NISC 補完調査 事例3「ランサムウェア被害」", "NISC supplementary survey, case 3: Ransomware infection" },
    { "NISC 補完調査 事例4「管理サーバへの不正アクセス」",
      "NISC supplementary survey, case 4: Unauthorised access to a management server" },
    { "NISC 補完調査 事例5「ソフトウェアの継続的なセキュリティ対策」",
      "NISC supplementary survey, case 5: Continuous software security" },
    { "NISC 補完調査 事例6「システムの不具合によるサービス障害」",
      "NISC supplementary survey, case 6: Service outage from a system defect" },
};

const char *sc_source_title(const char *source, tt_lang lang)
{
    if (!source)
        return NULL;
    /* exactly "case N", N one digit naming one of the survey's cases */
    size_t n_cases = sizeof case_titles / sizeof case_titles[0];
    if (strncmp(source, "case ", 5) == 0 && source[5] >= '1' && source[5] <= '9' && source[6] == '\0' &&
        (size_t)(source[5] - '0') <= n_cases)
        return tt_text_get(&case_titles[source[5] - '1'], lang);
    return source;
}
