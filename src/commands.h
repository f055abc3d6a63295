/* commands.h — tingbao's subcommands, one file each (cmd_*.c), dispatched
 * from main.c's table.  Each takes the arguments after its name (argv[0] is
 * the subcommand) and returns the process exit status: 0 done, 1 the input or
 * the settings are wrong (a diagnostic says where), 2 bad usage.
 */
#ifndef TINGBAO_COMMANDS_H
#define TINGBAO_COMMANDS_H

#define EXIT_BAD_INPUT 1
#define EXIT_USAGE 2

int cmd_split(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_pronounce(int argc, char **argv);
int cmd_speak(int argc, char **argv);

#endif
