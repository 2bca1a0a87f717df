/* The text check shared by the YAML reader and the scenario host, and the
 * bilingual text helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/base.h"

static void accepts_japanese_and_allowed_controls(void **state)
{
    (void)state;
    const char *ok = "ランサムウェア\tline\r\nend 😀";
    tt_text_fault f;
    assert_true(tt_text_scan(ok, strlen(ok), &f));
    assert_int_equal(f.problem, TT_TEXT_OK);
    assert_true(tt_text_scan("", 0, &f));
}

static void finds_each_kind_of_fault_where_it_is(void **state)
{
    (void)state;
    static const struct {
        const char *text;
        size_t len;
        tt_text_problem problem;
        size_t offset;
    } bad[] = {
        { "ab\xff", 3, TT_TEXT_BAD_BYTE, 2 },
        { "a\xe3\x81", 3, TT_TEXT_CUT_SHORT, 1 },
        { "\xc0\xaf", 2, TT_TEXT_BAD_SEQUENCE, 0 },        /* overlong '/' */
        { "x\xed\xa0\x80", 4, TT_TEXT_BAD_SEQUENCE, 1 },  /* a surrogate */
        { "a\x01", 2, TT_TEXT_NOT_PRINTABLE, 1 },
        { "a\0b", 3, TT_TEXT_NOT_PRINTABLE, 1 },
        { "\xe3\x81\x82\xe3", 4, TT_TEXT_CUT_SHORT, 3 },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tt_text_fault f;
        assert_false(tt_text_scan(bad[i].text, bad[i].len, &f));
        assert_int_equal(f.problem, bad[i].problem);
        assert_int_equal(f.offset, bad[i].offset);
    }
}

/* The scan takes printable ASCII eight bytes at a time: a fault at any
 * place of such a run, with every byte just outside the range around it,
 * is still found where it is. */
static void faults_inside_long_ascii_runs_are_found_where_they_are(void **state)
{
    (void)state;
    static const unsigned char outside[] = { 0x00, 0x01, 0x08, 0x0b, 0x1f, 0x7f, 0x80, 0xff };
    char text[40];
    for (size_t len = 1; len <= sizeof text; len++) {
        memset(text, 'a', len);
        tt_text_fault f;
        assert_true(tt_text_scan(text, len, &f));
        for (size_t at = 0; at < len; at++)
            for (size_t b = 0; b < sizeof outside; b++) {
                memset(text, at % 2 ? '~' : ' ', len); /* 0x7E and 0x20: the bounds */
                text[at] = (char)outside[b];
                assert_false(tt_text_scan(text, len, &f));
                assert_int_equal(f.offset, at);
            }
    }
    const char ok[] = " !~}ok ASCII\tline\r\nlonger than eight bytes ~~~~ end";
    tt_text_fault f;
    assert_true(tt_text_scan(ok, strlen(ok), &f));
}

/* The plain decoder the scan must agree with (its fast paths skip work,
 * never change an answer). */
static bool reference_scan(const unsigned char *s, size_t len, tt_text_fault *f)
{
    static const uint32_t min_for_len[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (n == 0) {
            *f = (tt_text_fault){ TT_TEXT_BAD_BYTE, i, c, 0 };
            return false;
        }
        if (i + n > len) {
            *f = (tt_text_fault){ TT_TEXT_CUT_SHORT, i, c, 0 };
            return false;
        }
        uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                *f = (tt_text_fault){ TT_TEXT_BAD_BYTE, i, c, 0 };
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min_for_len[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            *f = (tt_text_fault){ TT_TEXT_BAD_SEQUENCE, i, c, cp };
            return false;
        }
        bool printable = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E) ||
                         cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) ||
                         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!printable) {
            *f = (tt_text_fault){ TT_TEXT_NOT_PRINTABLE, i, c, cp };
            return false;
        }
        i += n;
    }
    f->problem = TT_TEXT_OK;
    return true;
}

/* Every three-byte lead with every second byte and telling third bytes,
 * alone, after a run of kana and cut short: the same answer, offset and
 * code point as the plain decoder. */
static void three_byte_characters_agree_with_a_plain_decoder(void **state)
{
    (void)state;
    static const unsigned char thirds[] = { 0x00, 0x41, 0x7F, 0x80, 0x81, 0xBE, 0xBF, 0xC0, 0xFF };
    unsigned char text[16];
    for (unsigned lead = 0xC0; lead <= 0xF4; lead++)
        for (unsigned second = 0; second <= 0xFF; second++)
            for (size_t t = 0; t < sizeof thirds; t++)
                for (size_t before = 0; before <= 9; before += 3) {
                    for (size_t k = 0; k < before; k += 3)
                        memcpy(text + k, "\xe3\x81\x82", 3); /* あ */
                    unsigned char tail[] = { (unsigned char)lead, (unsigned char)second,
                                             thirds[t], 'a' };
                    memcpy(text + before, tail, sizeof tail);
                    for (size_t len = before; len <= before + sizeof tail; len++) {
                        tt_text_fault got, want;
                        bool ok = tt_text_scan((const char *)text, len, &got);
                        assert_int_equal(ok, reference_scan(text, len, &want));
                        assert_int_equal(got.problem, want.problem);
                        if (!ok) {
                            assert_int_equal(got.offset, want.offset);
                            assert_int_equal(got.code_point, want.code_point);
                        }
                    }
                }
}

static void byte_order_mark_is_printable(void **state)
{
    (void)state;
    const char bom[] = "\xef\xbb\xbfkey: 1";
    tt_text_fault f;
    assert_true(tt_text_scan(bom, strlen(bom), &f));
    assert_false(tt_text_scan("\xef\xbf\xbe", 3, &f)); /* U+FFFE is not */
    assert_int_equal(f.problem, TT_TEXT_NOT_PRINTABLE);
    assert_int_equal(f.code_point, 0xFFFE);
}

static void text_falls_back_to_the_other_language(void **state)
{
    (void)state;
    tt_text both = { "日本語", "English" }, only_en = { NULL, "English" };
    assert_string_equal(tt_text_get(&both, TT_LANG_JA), "日本語");
    assert_string_equal(tt_text_get(&both, TT_LANG_EN), "English");
    assert_string_equal(tt_text_get(&only_en, TT_LANG_JA), "English");
    assert_string_equal(tt_text_get(NULL, TT_LANG_JA), "");
    tt_lang l;
    assert_true(tt_lang_parse("ja", &l));
    assert_int_equal(l, TT_LANG_JA);
    assert_false(tt_lang_parse("fr", &l));
}

/* tt_utf8_valid checks the encoding only: controls (which tt_text_scan
 * refuses) pass, a bad byte anywhere after them does not. */
static void utf8_valid_checks_the_encoding_only(void **state)
{
    (void)state;
    static const char ok[] = "a\x01b\x7f\xc2\x85 端末 \xf0\x9f\x98\x80";
    assert_true(tt_utf8_valid(ok, strlen(ok)));
    assert_true(tt_utf8_valid("", 0));
    static const char *const bad[] = { "\xff", "a\x01b\xff", "\x01\xc2\x85\xc0\xaf",
                                       "\xed\xa0\x80", "\xe3\x81" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (tt_utf8_valid(bad[i], strlen(bad[i])))
            fail_msg("bad[%zu] passed", i);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepts_japanese_and_allowed_controls),
        cmocka_unit_test(utf8_valid_checks_the_encoding_only),
        cmocka_unit_test(finds_each_kind_of_fault_where_it_is),
        cmocka_unit_test(faults_inside_long_ascii_runs_are_found_where_they_are),
        cmocka_unit_test(three_byte_characters_agree_with_a_plain_decoder),
        cmocka_unit_test(byte_order_mark_is_printable),
        cmocka_unit_test(text_falls_back_to_the_other_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
