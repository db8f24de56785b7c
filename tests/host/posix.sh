#!/usr/bin/env bash
# docs/posix.md's table stays true: every function of its "links" column
# links with rainbow.specs, and every function of its "does not link"
# column fails to, each named by the linker as undefined.  Then what POSIX
# has headers define besides functions, where Rainbow extends picolibc's
# (libc-glue/include-next) or has its own: each a program that must build.
. tests/lib/suite.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The words of column N (3 links, 4 does not link) of the table's rows.
column() {
	awk -F'|' -v n="$(($1 + 1))" '/^\| `</ { print $n }' docs/posix.md | tr -s ' ' '\n' | grep . | sort -u
}
mapfile -t present < <(column 3)
mapfile -t absent < <(column 4)

# program OUT FUNCTION...: a program taking every function's address.
program() {
	local out=$1 f
	shift
	{
		for f in "$@"; do echo "char $f(void);"; done
		echo "void *const every_function[] = {"
		for f in "$@"; do echo "	(void *)$f,"; done
		echo "};"
		echo "int main(void) { return every_function[0] == 0; }"
	} > "$out"
}

program "$tmp/present.c" "${present[@]}"
gcc -specs=build/sysroot/rainbow.specs -fno-builtin -w -o "$tmp/present" "$tmp/present.c" -lm 2> "$tmp/present.log"
status=$?
missing=$(grep -o "undefined reference to \`[a-zA-Z0-9_]*'" "$tmp/present.log" | sort -u | tr '\n' ' ')
tap $status "the ${#present[@]} functions docs/posix.md says link do${missing:+; missing: $missing}"

program "$tmp/absent.c" "${absent[@]}"
gcc -specs=build/sysroot/rainbow.specs -fno-builtin -w -o "$tmp/absent" "$tmp/absent.c" -lm 2> "$tmp/absent.log"
undefined=$(grep -o "undefined reference to \`[a-zA-Z0-9_]*'" "$tmp/absent.log" | sed "s/.*\`//; s/'//" | sort -u)
linked=$(comm -23 <(printf '%s\n' "${absent[@]}") <(printf '%s\n' "$undefined") | tr '\n' ' ')
[ -z "$linked" ]
tap $? "the ${#absent[@]} functions docs/posix.md says do not link do not${linked:+; they link: $linked}"

# builds WHAT: the program on stdin compiles (-std=c11 -Wall -Werror) and links.
builds() {
	cat > "$tmp/header.c"
	gcc -specs=build/sysroot/rainbow.specs -std=c11 -Wall -Wextra -Werror -o "$tmp/header" \
		"$tmp/header.c" > "$tmp/header.log" 2>&1
	local status=$?
	[ "$status" = 0 ] || sed 's/^/# /' "$tmp/header.log"
	tap "$status" "$1"
}
builds "<limits.h> defines SSIZE_MAX, ssize_t's largest value" <<'EOF'
#include <limits.h>
#include <sys/types.h>
_Static_assert(SSIZE_MAX == (ssize_t)((size_t)-1 / 2), "ssize_t's largest value");
_Static_assert(_Generic(SSIZE_MAX, ssize_t: 1, default: 0), "of ssize_t's type");
int main(void) { return 0; }
EOF
for header in signal.h sys/types.h; do
	builds "<$header> alone defines pthread_t, as <pthread.h>'s" <<EOF
#include <$header>
pthread_t t;
#include <pthread.h>
int main(void) { t = pthread_self(); return !pthread_equal(t, pthread_self()); }
EOF
done
builds "pthread_cleanup_push and _pop pair, nest, and link" <<'EOF'
#include <pthread.h>
static int runs;
static void undo(void *arg) { runs += *(int *)arg; }
static void *work(void *arg)
{
	pthread_cleanup_push(undo, arg);
	pthread_cleanup_push(undo, arg);
	pthread_cleanup_pop(0);
	pthread_cleanup_pop(1);
	return arg;
}
int main(void)
{
	pthread_t t;
	int one = 1;
	return pthread_create(&t, NULL, work, &one) || pthread_join(t, NULL) || runs != 1;
}
EOF
done_testing
