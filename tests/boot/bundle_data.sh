#!/usr/bin/env bash
# The bundle's data lines (README, "Bundles"): each malformed one is refused
# with a message naming its line; good ones become one ustar module with
# the string "/bootdata fsd" (mk/mkiso), and a missing guest path means /
# and the file's name.
. tests/lib/suite.sh

dir=build/tests/bundle-data
mkdir -p "$dir/tree"
echo data > "$dir/one.txt"
echo more > "$dir/tree/two.txt"
# Modes and times travel as they are, whatever the umask.
chmod 0666 "$dir/one.txt" && chmod 0750 "$dir/tree"
touch -d @1577880000 "$dir/one.txt" "$dir/tree/two.txt"

refused() {		# refused LINE MESSAGE-PART WHAT
	printf '# data\n%s\n' "$1" > "$dir/bad.bundle"
	local msg status
	msg=$(mk/mkiso "$kernel" "$dir/bad.bundle" "$dir/bad.iso" 2>&1)
	status=$?
	[ $status -ne 0 ] && [[ "$msg" == *"bad.bundle:2: $2"* ]]
	tap $? "$3 is refused, naming the line ($msg)"
}
refused "file no-such.txt" "no such file" "a file line naming a missing file"
refused "dir no-such /x" "no such dir" "a dir line naming a missing directory"
refused "dir tree" "want 'file HOST-PATH" "a dir line without its guest directory"
refused "file one.txt /a /b" "want 'file HOST-PATH" "a file line with three paths"
refused "file" "want 'file HOST-PATH" "a file line without a path"
refused "file one.txt relative" "the guest path 'relative' is not absolute" "a relative guest path"
refused "file one.txt /a/../b" "the guest path '/a/../b' is not absolute or has . or .." "a guest path with .."
refused "dir tree /./x" "the guest path '/./x' is not" "a guest directory with ."
refused "dir one.txt /x" "no such dir" "a dir line naming a file"

printf 'file one.txt\nfile one.txt /etc/one\ndir tree /srv/tree\n' > "$dir/good.bundle"
mk/mkiso "$kernel" "$dir/good.bundle" "$dir/good.iso" 2> "$dir/good.log"
tap $? "file and dir lines make an image"
rm -rf "$dir/iso" && mkdir -p "$dir/iso"
xorriso -osirrox on -indev "$dir/good.iso" -extract /data "$dir/iso/data" -extract /boot/grub/grub.cfg "$dir/iso/grub.cfg" > /dev/null 2>&1
grep -q "module2 /data/boot.tar '/bootdata' 'fsd'" "$dir/iso/grub.cfg"
tap $? "one module, /data/boot.tar, with the string \"/bootdata fsd\""
listing=$(tar -tf "$dir/iso/data/boot.tar" 2>/dev/null | sort | tr '\n' ' ')
[ "$listing" = "./ ./etc/ ./etc/one ./one.txt ./srv/ ./srv/tree/ ./srv/tree/two.txt " ]
tap $? "the archive holds /one.txt, /etc/one and the tree under /srv/tree ($listing)"
meta=$(TZ=UTC tar -tvf "$dir/iso/data/boot.tar" --full-time 2>/dev/null | awk '{ print $NF, $1, $4 }')
grep -qx './one.txt -rw-rw-rw- 2020-01-01' <<< "$meta" && grep -q '^./srv/tree/ drwxr-x--- ' <<< "$meta" &&
	grep -qx './srv/tree/two.txt -rw-r--r-- 2020-01-01' <<< "$meta"
tap $? "modes and modification times are the host's (0666, 0750, 2020-01-01)"
done_testing
