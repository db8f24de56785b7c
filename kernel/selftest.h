#ifndef SELFTEST_H
#define SELFTEST_H

/*
 * Deliberate kernel failures, requested on the kernel command line
 * (selftest=NAME), so the boot tests can check the panic path.
 */
void selftest_run(const char *cmdline);

#endif
