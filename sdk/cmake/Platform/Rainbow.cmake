# CMake's platform module for CMAKE_SYSTEM_NAME Rainbow (the SDK's
# toolchain.cmake puts this folder on CMAKE_MODULE_PATH).
#
# Rainbow runs static executables only: no shared libraries, no loader.
# Names follow the Unix conventions (libNAME.a, no executable suffix), and
# UNIX is true as the compiler's __unix__ is; Linux-only paths stay off,
# since CMAKE_SYSTEM_NAME is not Linux.  docs/sdk.md.

set(UNIX 1)
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)

set(CMAKE_EXECUTABLE_SUFFIX "")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
