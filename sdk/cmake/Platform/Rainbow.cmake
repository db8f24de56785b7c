# CMake's platform module for CMAKE_SYSTEM_NAME Rainbow (the SDK's
# toolchain.cmake puts this folder on CMAKE_MODULE_PATH).
#
# Rainbow runs static executables only: no shared libraries, no loader.
# Paths and names follow the Unix conventions (lib/, include/, libNAME.a,
# no executable suffix), searched inside the SDK's sysroot
# (CMAKE_FIND_ROOT_PATH), and UNIX is true as the compiler's __unix__ is;
# Linux-only paths stay off, since CMAKE_SYSTEM_NAME is not Linux.
# docs/sdk.md.

include(Platform/UnixPaths)
set_property(GLOBAL PROPERTY TARGET_SUPPORTS_SHARED_LIBS FALSE)

set(CMAKE_EXECUTABLE_SUFFIX "")
set(CMAKE_STATIC_LIBRARY_PREFIX "lib")
set(CMAKE_STATIC_LIBRARY_SUFFIX ".a")
set(CMAKE_FIND_LIBRARY_PREFIXES "lib")
set(CMAKE_FIND_LIBRARY_SUFFIXES ".a")
