#!/usr/bin/env bash
# The shell (apps/sh) of `make shell` (apps/shell.bundle), driven by
# scripted console input (tests/guest/shell.input): programs from /bin run
# through posix_spawn, redirection by file actions (> >> <), cd and pwd
# (the working directory inherited by what the shell starts), a missing
# command (127, which `exit` then returns), a failed redirection (1),
# a shell in the shell.  Then `make shell` itself with
# its input piped in, as README shows it.
. tests/lib/suite.sh

# The shell prints "$ " before each line: its output follows a prompt or
# starts a line.
out() {
	expect "^(\\$ )*$1\$" "$2"
}

BOOT_INPUT=tests/guest/shell.input boot shell apps/shell.bundle
expect '\[rainbow\] task sh exited: 127$' "exit after a missing command returns its status, 127"
expect_status 1 "the run fails with the shell's status"

expect '^\[rainbow\] task fsd ended: a service with no other task left$' "fsd ends when the shell has"
for name in bin dev etc tmp; do
	out "$name" "ls / lists $name"
done
out "Welcome to Rainbow's shell\\." "cat /etc/motd"
out "first-line" "echo > /tmp/x, then cat /tmp/x"
expect "^second-line\$" "echo >> appends, cat < reads its standard input from the file"
[ "$(grep -cE '^(\$ )*first-line$' "$boot_log")" = 2 ]
tap $? "the first line is still there after >>"
out "quoted  words and more" "quotes keep blanks, > truncates a new file"
out "/tmp/dir" "mkdir, cd and pwd"
out "inside" "a relative path in a program started after cd"
out "f" "ls with no argument lists the inherited working directory"
out "/tmp" "cd .."
[ "$(grep -cE '^(\$ )*dir$' "$boot_log")" = 0 ]
tap $? "rm -r removed the directory (ls /tmp)"
expect "sh: /tmp/missing: No such file or directory" "a redirection from a missing file is reported, naming the file"
expect '^\[rainbow\] task sh exited: 1$' "a failed redirection is status 1 (sh -c)"
out "nested" "a shell started by the shell runs a line with a redirection"
expect "sh: nosuch-command: No such file or directory" "a missing command is reported"
expect_not "task (ls|cat|echo|mkdir|rm) (killed|exited: [1-9])" "no program failed or was killed"
expect_not 'cat /etc/motd' "scripted input is raw: not echoed"

# The line discipline of console=tty (what rainbow-run asks for at a
# terminal): echo, backspace (DEL, ^H, a UTF-8 character whole), ^U.
input=build/tests/shell_tty.input
printf 'echo abx\177c\necho wrong\025echo right\necho x\303\251\177y\necho q\bw\nexit 5\n' > "$input"
BOOT_INPUT=$input boot shell_tty apps/shell.bundle console=tty
expect '^\[rainbow\] console: line discipline on' "console=tty turns the line discipline on"
expect '\[rainbow\] task sh exited: 5$' "exit 5 typed at the terminal"
expect '^(\$ )*echo abx' "typed bytes are echoed"
out "abc" "backspace (DEL) erases the last byte"
out "right" "^U erases the line"
expect_not '^(\$ )*wrong$' "the erased line never ran"
out "xy" "backspace erases a UTF-8 character whole"
out "w" "^H erases too"

# As README says: printf 'ls /\nexit\n' | make shell
log=build/tests/shell_make.log
printf 'ls /\nexit\n' | env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS \
	make --no-print-directory -s shell QEMU_TIMEOUT=60 > "$log" 2>&1
tap $? "printf 'ls /\\nexit\\n' | make shell succeeds"
sed -i 's/\r//g' "$log"
grep -qE '^(\$ )*etc$' "$log" && grep -qE '^(\$ )*bin$' "$log"
tap $? "make shell: ls / lists the bundled files"
done_testing
