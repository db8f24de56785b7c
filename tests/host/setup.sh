#!/usr/bin/env bash
# mk/setup's install path, without network and without touching the machine:
# stand-ins for dpkg-query, apt-get and id (tests/host/setup-standins/) make
# packages look missing and record what would be installed.  Also: make runs
# setup as a stamped prerequisite, never while reading the makefiles.
. tests/lib/suite.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
standins=$(pwd)/tests/host/setup-standins

# A copy of mk/setup and the package list, with a picolibc step that only
# records that it ran.
mkdir -p "$tmp/tree/mk"
cp mk/setup mk/packages "$tmp/tree/mk/"
printf '#!/bin/sh\necho picolibc >> "%s"\n' "$tmp/picolibc.log" > "$tmp/tree/mk/picolibc"
chmod +x "$tmp/tree/mk/picolibc"
mapfile -t packages < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' mk/packages)

export FAKE_DPKG_DB=$tmp/dpkg.db FAKE_APT_LOG=$tmp/apt.log

# setup_with UID INSTALLED-STATUS... : run setup as user UID on a machine
# whose dpkg database holds the lines given ("PACKAGE ii", "PACKAGE rc").
setup_with() {
	export FAKE_UID=$1
	shift
	printf '%s\n' "$@" > "$FAKE_DPKG_DB"
	: > "$FAKE_APT_LOG"
	: > "$tmp/picolibc.log"
	PATH="$standins:$PATH" "$tmp/tree/mk/setup" > "$tmp/out" 2>&1
	setup_status=$?
}

# all_but PACKAGE... : dpkg lines for every listed package except these.
all_but() {
	local p
	for p in "${packages[@]}"; do
		[[ " $* " == *" $p "* ]] || echo "$p ii"
	done
}

apt_log() { paste -sd '|' "$FAKE_APT_LOG"; }
picolibc_ran() { [ -s "$tmp/picolibc.log" ]; }

[ "${#packages[@]}" -ge 10 ] && [[ " ${packages[*]} " == *" qemu-system-x86 "* ]]
tap $? "mk/packages lists the packages (${#packages[@]}, qemu-system-x86 among them)"

mapfile -t everything < <(all_but)
setup_with 0 "${everything[@]}"
[ "$setup_status" = 0 ] && [ ! -s "$FAKE_APT_LOG" ] && picolibc_ran
tap $? "all installed: no apt-get, picolibc step runs, exit 0"

mapfile -t lines < <(all_but qemu-system-x86)
setup_with 0 "${lines[@]}"
[ "$setup_status" = 0 ] && picolibc_ran &&
	[ "$(apt_log)" = "-qq update|-qq install -y --no-install-recommends qemu-system-x86" ]
tap $? "one missing, as root: installs exactly it, then succeeds (apt: $(apt_log))"

mapfile -t lines < <(all_but gdb meson)
setup_with 0 "${lines[@]}" "gdb rc"
[ "$setup_status" = 0 ] &&
	[ "$(apt_log)" = "-qq update|-qq install -y --no-install-recommends meson gdb" ]
tap $? "removed (config files left) counts as missing, in list order (apt: $(apt_log))"

setup_with 0
[ "$setup_status" = 0 ] &&
	[ "$(apt_log)" = "-qq update|-qq install -y --no-install-recommends ${packages[*]}" ]
tap $? "nothing installed (dpkg-query knows none): installs the whole list"

mapfile -t lines < <(all_but qemu-system-x86 cmake)
setup_with 1000 "${lines[@]}"
[ "$setup_status" = 1 ] && [ ! -s "$FAKE_APT_LOG" ] && ! picolibc_ran &&
	grep -qxF "  sudo apt-get update && sudo apt-get install -y --no-install-recommends qemu-system-x86 cmake" "$tmp/out"
tap $? "missing, not root: prints the exact command, installs nothing, exit 1"

mapfile -t lines < <(all_but gdb meson cmake)
setup_with 0 "${lines[@]}" "gdb hi" "meson iW" "cmake iiR"
[ "$setup_status" = 0 ] && [ ! -s "$FAKE_APT_LOG" ]
tap $? "held, triggers-awaiting and reinstall-flagged packages count as installed"

mapfile -t lines < <(all_but gdb meson)
setup_with 0 "${lines[@]}" "gdb iU" "meson iF"
[ "$(apt_log)" = "-qq update|-qq install -y --no-install-recommends meson gdb" ]
tap $? "unpacked or half-configured packages count as missing (apt: $(apt_log))"

mapfile -t lines < <(all_but gdb)
setup_with fail "${lines[@]}"
[ "$setup_status" = 1 ] && [ ! -s "$FAKE_APT_LOG" ]
tap $? "missing, and id cannot tell who runs it: taken as not root, installs nothing"

mapfile -t lines < <(all_but gdb)
setup_with 1000 "${lines[@]}" "gdb ii"
[ "$setup_status" = 0 ] && [ ! -s "$FAKE_APT_LOG" ]
tap $? "nothing missing, not root: succeeds without root"

for failure in update install silent; do
	mapfile -t lines < <(all_but gdb)
	FAKE_APT_FAIL=$failure setup_with 0 "${lines[@]}"
	[ "$setup_status" = 1 ] && ! picolibc_ran && grep -q '^setup: ' "$tmp/out"
	tap $? "apt-get $failure failing: setup says so and exits 1 ($(grep '^setup: ' "$tmp/out"))"
done

# picolibc's source comes through an apt entry made from the machine's
# Debian archive, whichever format and file the machine keeps it in.
src_entry() {
	RAINBOW_APT_ETC=$tmp/apt mk/picolibc --deb-src-entry 2> "$tmp/entry.err" | paste -sd '|'
}
# apt_files FILE CONTENT [FILE CONTENT]...: a fresh apt folder with these.
apt_files() {
	rm -rf "$tmp/apt"
	mkdir -p "$tmp/apt/sources.list.d"
	while [ $# -gt 0 ]; do
		printf '%b' "$2" > "$tmp/apt/$1"
		shift 2
	done
}
want() { echo "Types: deb-src|URIs: $1|Suites: trixie|Components: main${2:+|Signed-By: $2}"; }
main_archive='Types: deb\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
security='Types: deb\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\n'

apt_files sources.list.d/debian.sources "$main_archive\n$security"
[ "$(src_entry)" = "$(want http://deb.debian.org/debian /usr/share/keyrings/debian-archive-keyring.gpg)" ]
tap $? "picolibc's source entry from a deb822 debian.sources (Debian 12's images)"
apt_files sources.list '# written by the installer\ndeb cdrom:[Debian 12]/ bookworm main\ndeb http://security.debian.org/debian-security bookworm-security main\ndeb [arch=amd64 signed-by=/usr/share/keyrings/mirror.gpg] http://ftp.de.debian.org/debian/ bookworm main\n'
[ "$(src_entry)" = "$(want http://ftp.de.debian.org/debian/ /usr/share/keyrings/mirror.gpg)" ]
tap $? "... from a one-line sources.list (Debian 12's installer), past CD-ROM and security lines"
apt_files sources.list 'deb [arch=amd64 signed-by=/etc/apt/keyrings/docker.gpg] https://download.docker.com/linux/debian bookworm stable\ndeb http://deb.debian.org/debian bookworm main\n'
[ "$(src_entry)" = "$(want http://deb.debian.org/debian)" ]
tap $? "... past a third-party archive listed first"
apt_files sources.list.d/debian.sources "$security" sources.list 'deb http://deb.debian.org/debian bookworm main\n'
[ "$(src_entry)" = "$(want http://deb.debian.org/debian)" ]
tap $? "... from sources.list when debian.sources holds only security"
apt_files sources.list.d/debian.sources 'Types: deb\nURIs: http://old.example/debian\nEnabled: no\nSuites: bookworm\nComponents: main\n  \ntypes: deb\nuris: http://deb.debian.org/debian\nsuites: bookworm\ncomponents: main\nsigned-by: /k.gpg\n'
[ "$(src_entry)" = "$(want http://deb.debian.org/debian /k.gpg)" ]
tap $? "... past a disabled stanza, with a blank-looking separator and lower-case fields"
apt_files sources.list 'deb http://deb.debian.org/debian bookworm main\r\n'
[ "$(src_entry)" = "$(want http://deb.debian.org/debian)" ]
tap $? "... from CRLF lines, without the CR"
apt_files sources.list.d/mirrors.list 'deb mirror+file:/etc/apt/mirrors/debian.list bookworm main\n'
[ "$(src_entry)" = "$(want mirror+file:/etc/apt/mirrors/debian.list)" ]
tap $? "... from a .list file in sources.list.d, a mirror list as URI"
apt_files sources.list 'deb http://download.example/linux/ubuntu jammy main\n'
[ -z "$(src_entry)" ] && grep -q 'no Debian archive among' "$tmp/entry.err"
tap $? "... and no Debian archive at all is said plainly"

# The Makefile: reading it never runs setup; the stamp brings it back when
# its inputs change.  A build directory of its own, so nothing here changes.
quiet_make() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory "$@"; }
quiet_make -n BUILD="$tmp/build" all > "$tmp/plan" 2>&1
[ ! -e "$tmp/build" ] && grep -qx "mk/setup $tmp/build" "$tmp/plan"
tap $? "make -n plans mk/setup and runs nothing"
quiet_make BUILD="$tmp/build" CC="$tmp/no-such-gcc" clean > "$tmp/plan" 2>&1
! grep -qE 'setup|no-such-gcc' "$tmp/plan"
tap $? "make clean runs neither setup nor the compiler (gcc may come with setup)"
quiet_make -n all > "$tmp/plan" 2>&1
! grep -q '^mk/setup' "$tmp/plan"
tap $? "a built tree does not run setup again"
before=$(stat -c %Y build/sysroot/lib/libc.a)
quiet_make BUILD="$tmp/other" setup > "$tmp/plan" 2>&1 &&
	[ -f "$tmp/other/sysroot/lib/libc.a" ] && [ -f "$tmp/other/kernel/libc/lib/libc.a" ] &&
	[ "$(stat -c %Y build/sysroot/lib/libc.a)" = "$before" ]
tap $? "make BUILD=DIR setup puts picolibc into DIR, not into build/"
for input in mk/setup mk/packages mk/picolibc; do
	quiet_make -n -W "$input" all > "$tmp/plan" 2>&1
	grep -qx 'mk/setup build' "$tmp/plan"
	tap $? "a changed $input runs setup again"
done
done_testing
