/* Fonts: SDL2_ttf has no fallback, so one face must cover Japanese. It is
 * found through fontconfig: the family "tabletop", whose preferences live in
 * the assets' fonts.conf (Noto Sans CJK JP first), else any face that
 * supports lang=ja; .ttc collections are opened by face index. */
#include "tabletop/terms.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "dash.h"

/* Point sizes at 1280x720; scaled with the window. */
static const int base_px[F__COUNT] = {
    [F_SMALL] = 13, [F_BODY] = 16, [F_BODY_BOLD] = 16, [F_TITLE] = 21,
    [F_CLOCK] = 34,
};

/* Does the pattern's face cover katakana RA (U+30E9) and kanji 報 (U+5831)? */
static bool covers_japanese(FcPattern *p)
{
    FcCharSet *cs = NULL;
    if (FcPatternGetCharSet(p, FC_CHARSET, 0, &cs) != FcResultMatch || !cs)
        return false;
    return FcCharSetHasChar(cs, 0x30E9) && FcCharSetHasChar(cs, 0x5831);
}

static bool match(const char *spec, char *path, size_t size, long *index)
{
    bool ok = false;
    FcPattern *pat = FcNameParse((const FcChar8 *)spec);
    if (!pat)
        return false;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *m = FcFontMatch(NULL, pat, &res);
    FcChar8 *file = NULL;
    int idx = 0;
    if (m && FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
        covers_japanese(m)) {
        if (FcPatternGetInteger(m, FC_INDEX, 0, &idx) != FcResultMatch)
            idx = 0;
        snprintf(path, size, "%s", (const char *)file);
        *index = idx;
        ok = strlen((const char *)file) < size;
    }
    if (m)
        FcPatternDestroy(m);
    FcPatternDestroy(pat);
    return ok;
}

int dash_fonts_find(dash_fonts *fs, const char *path, long index, tt_error *err)
{
    memset(fs, 0, sizeof *fs);
    if (path && *path) {
        if (strlen(path) >= sizeof fs->path) {
            tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_FONT_PATH_TOO_LONG));
            return -1;
        }
        snprintf(fs->path, sizeof fs->path, "%s", path);
        snprintf(fs->bold_path, sizeof fs->bold_path, "%s", path);
        fs->index = fs->bold_index = index;
        return 0;
    }
    if (!FcInit()) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_FONTCONFIG));
        return -1;
    }
    /* The preferences are read into the current configuration; without the
     * file (a broken installation) the lang=ja fallback below still works. */
    char conf[4096];
    if (tt_data_path(TT_DATA_ASSETS, "fonts.conf", conf, sizeof conf) == 0)
        FcConfigParseAndLoad(FcConfigGetCurrent(), (const FcChar8 *)conf, FcFalse);
    if (!match("tabletop", fs->path, sizeof fs->path, &fs->index) &&
        !match("sans-serif:lang=ja", fs->path, sizeof fs->path, &fs->index)) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, "%s / %s", tt_term_text(S_NO_FONT, TT_LANG_EN),
                     tt_term_text(S_NO_FONT, TT_LANG_JA));
        return -1;
    }
    if (!match("tabletop:weight=bold", fs->bold_path, sizeof fs->bold_path,
               &fs->bold_index)) {
        snprintf(fs->bold_path, sizeof fs->bold_path, "%s", fs->path);
        fs->bold_index = -1;    /* synthesise bold from the regular face */
    }
    return 0;
}

void dash_fonts_close(dash_fonts *fs)
{
    for (int i = 0; i < F__COUNT; i++) {
        if (fs->f[i])
            TTF_CloseFont(fs->f[i]);
        fs->f[i] = NULL;
    }
}

int dash_fonts_open(dash_fonts *fs, double scale, tt_error *err)
{
    dash_fonts_close(fs);
    fs->scale = scale;
    for (int i = 0; i < F__COUNT; i++) {
        int px = (int)lround(base_px[i] * scale);
        if (px < 8)
            px = 8;
        bool bold = i == F_BODY_BOLD || i == F_TITLE || i == F_CLOCK;
        bool own_bold = bold && fs->bold_index >= 0;
        const char *p = own_bold ? fs->bold_path : fs->path;
        long idx = own_bold ? fs->bold_index : fs->index;
        fs->f[i] = TTF_OpenFontIndex(p, px, idx);
        if (!fs->f[i]) {
            tt_error_set_as(err, TT_ERR_RUNTIME, p, 0, 0, TT_MSG(E_DASH_CANNOT_OPEN_FONT_FMT), TTF_GetError());
            dash_fonts_close(fs);
            return -1;
        }
        if (bold && !own_bold)
            TTF_SetFontStyle(fs->f[i], TTF_STYLE_BOLD);
        TTF_SetFontHinting(fs->f[i], TTF_HINTING_LIGHT);
    }
    return 0;
}
