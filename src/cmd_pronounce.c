/* cmd_pronounce.c — `tingbao pronounce [--json] [-f FILE | TEXT…]`: show
 * what will be said and the pinyin it is said with, by the same code path
 * as synthesis, so staff can check a name before adding it to
 * content/pronunciations.txt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "diag.h"
#include "frontend.h"
#include "strbuf.h"
#include "textfile.h"

static const char usage[] =
    "usage: tingbao pronounce [--json] [-C CONTENT] [-f FILE | TEXT...]\n\n"
    "Prints the text as it will be said (numbers in words) and its pinyin.\n"
    "Readings from CONTENT/pronunciations.txt (default content/) win; each\n"
    "line there is a word and its pinyin, e.g. \"徐衎 xu2 kan4\".\n\n"
    "  --json   a JSON array of tokens {\"src\", \"text\", \"pinyin\"}\n";

#define PRONOUNCE_MAX_BYTES (16u << 20)

static void print_readable(const struct token_list *tl)
{
    struct strbuf said = STRBUF_INIT, py = STRBUF_INIT;

    for (size_t i = 0; i < tl->n; i++) {
        const struct token *t = &tl->v[i];
        strbuf_adds(&said, t->text);
        if (t->pinyin && *t->pinyin)
            strbuf_addf(&py, "%s%s", py.len ? " " : "", t->pinyin);
        else if (t->kind == TOKEN_LATIN)
            strbuf_addf(&py, "%s[%s]", py.len ? " " : "", t->text);
        else if (t->kind == TOKEN_PUNCT && t->pause != PAUSE_NONE)
            strbuf_addf(&py, "%s%s", py.len ? " " : "", t->text);
    }
    printf("%s\n%s\n", said.s ? said.s : "", py.s ? py.s : "");
    strbuf_release(&said);
    strbuf_release(&py);
}

int cmd_pronounce(int argc, char **argv)
{
    const char *file = NULL, *content = "content";
    struct strbuf text = STRBUF_INIT;
    struct frontend fe;
    struct token_list tl = {0};
    char *overrides, *buf = NULL;
    size_t len;
    int json = 0, rc = EXIT_BAD_INPUT;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            json = 1;
        } else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc) {
            file = argv[++i];
        } else if (strcmp(argv[i], "-C") == 0 && i + 1 < argc) {
            content = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(usage, stdout);
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "tingbao pronounce: unknown option '%s'\n%s", argv[i], usage);
            return EXIT_USAGE;
        } else {
            strbuf_addf(&text, "%s%s", text.len ? " " : "", argv[i]);
        }
    }
    if (!file && text.len == 0) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (file) {
        if (text.len) {
            fprintf(stderr, "tingbao pronounce: give -f FILE or TEXT, not both\n");
            strbuf_release(&text);
            return EXIT_USAGE;
        }
        if (textfile_read(file, PRONOUNCE_MAX_BYTES, &buf, &len) != 0)
            return EXIT_BAD_INPUT;
    } else {
        if (!(buf = strbuf_detach(&text))) {
            diag_oom();
            return EXIT_BAD_INPUT;
        }
        len = strlen(buf);
        if (textfile_check("the text", buf, len) != 0)
            goto out_buf;
    }
    text = (struct strbuf)STRBUF_INIT;
    strbuf_addf(&text, "%s/%s", content, FRONTEND_OVERRIDES);
    if (!(overrides = strbuf_detach(&text))) {
        diag_oom();
        goto out_buf;
    }
    if (frontend_open(&fe, NULL, overrides, true) != 0) {
        free(overrides);
        goto out_buf;
    }
    free(overrides);
    if (frontend_pronounce(&fe, buf, len, &tl) == 0) {
        if (json)
            rc = frontend_write_json(stdout, buf, &tl) == 0 ? 0 : EXIT_BAD_INPUT;
        else {
            print_readable(&tl);
            rc = 0;
        }
        if (fflush(stdout) != 0)
            rc = EXIT_BAD_INPUT;
    }
    token_list_free(&tl);
    frontend_close(&fe);
out_buf:
    free(buf);
    return rc;
}
