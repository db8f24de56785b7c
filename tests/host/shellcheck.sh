#!/usr/bin/env bash
# Every shell script of the build and the tests passes shellcheck: one TAP
# result per script.  A script is a file under mk/, sdk/, tests/ or .ci/ that is
# named *.sh or starts with a sh or bash #! line.  What shellcheck reports is
# fixed, or explained by a directive comment on the line it concerns.
. tests/lib/suite.sh

scripts() {
	local f
	find mk sdk tests .ci -type f | sort | while read -r f; do
		[ -f "$f" ] || continue
		if [[ $f == *.sh ]] || head -n 1 "$f" | grep -qE '^#!.*\b(ba)?sh\b'; then
			echo "$f"
		fi
	done
}

mapfile -t files < <(scripts)
[ "${#files[@]}" -ge 20 ]
tap $? "found the scripts (${#files[@]})"
for f in "${files[@]}"; do
	out=$(shellcheck -x "$f" 2>&1)
	tap $? "shellcheck $f"
	[ -z "$out" ] || printf '# %s\n' "${out//$'\n'/$'\n'# }"
done
done_testing
