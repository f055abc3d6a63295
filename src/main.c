/* main.c — tingbao's entry point: global options and the subcommand table. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "version.h"

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
};

static const struct command commands[] = {
    {"split", cmd_split, "show the speeches of a digest (readable, or --json)"},
    {"pronounce", cmd_pronounce, "show the words and pinyin a text will be spoken with"},
    {"speak", cmd_speak, "speak a text into a WAV file, for quick listening"},
    {"build", cmd_build, "produce the podcast in podcast/ from the editions in content/"},
};

static void usage(FILE *out)
{
    fputs("usage: tingbao [--help] [--version] COMMAND [ARGS]\n\n"
          "tingbao turns a printed news digest into an audio edition.\n\n"
          "commands:\n", out);
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n'tingbao COMMAND --help' tells more about one command.\n", out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("tingbao %s\n", TINGBAO_VERSION);
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(argv[1], commands[i].name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "tingbao: '%s' is not a command; 'tingbao --help' lists them\n", argv[1]);
    return EXIT_USAGE;
}
