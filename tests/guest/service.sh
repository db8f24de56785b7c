#!/usr/bin/env bash
# RAINBOW_SERVICE=1 on a bundle line (README, "Bundles"): a server such as
# fsd does not keep the run alive once its clients have ended; the kernel
# ends it, counted as exited 0.
. tests/lib/suite.sh

boot service tests/guest/service.bundle
expect '^\[rainbow\] module hello refused: RAINBOW_SERVICE is not 1$' "RAINBOW_SERVICE=yes refuses the line"
expect '^\[rainbow\] task true exited: 0$' "the client ends"
expect '^\[rainbow\] task fsd ended: a service with no other task left$' "then the service is ended"
expect '^\[rainbow\] all tasks done: 2 exited 0, 0 failed, 1 modules refused$' "counted as exited 0"
expect_status 1 "the refused line fails the bundle"

boot service_alone tests/guest/service_alone.bundle
expect '^\[rainbow\] task fsd ended: a service with no other task left$' "a bundle of services alone ends"
expect_status 0 "and succeeds"
done_testing
