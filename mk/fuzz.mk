# make fuzz: the fuzzers of make test, ten times over (docs/fuzzing.md):
# a million system calls (ten seeds of 100,000) and 3,000 mutated boot
# modules (seeds 1-100), then the figures each suite printed: calls and ok
# per entry point, each errno, calls per second of guest time; mutants by
# outcome.  Logs in build/tests/logs/ as for make test.

FUZZ_SUITES := tests/guest/fuzz_syscalls.sh tests/guest/fuzz_elf.sh

.PHONY: fuzz
fuzz: all $(TEST_DEPS)
	$(Q)FUZZ_BIG=1 mk/runtests $(FUZZ_SUITES); status=$$?; \
	grep -h '^# ' $(FUZZ_SUITES:tests/guest/%=build/tests/logs/guest_%.log); \
	exit $$status
