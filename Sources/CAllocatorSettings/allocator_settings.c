// jemalloc's settings for the guong executable, read by jemalloc when it starts (its documented `malloc_conf`
// global; `MALLOC_CONF` in the environment is applied over them).
//
// thp:always: jemalloc asks the kernel for transparent huge pages (2 MiB) for its memory. A build touches its
// memory once, and on 4 KiB pages the kernel's page faults were a noticeable part of a first build's CPU
// (docs/performance.md, "Where the targets stand at 400ffd1"). Where the kernel has huge pages off, or none
// free, it gives small pages as before.
#include "allocator_settings.h"

__attribute__((used, visibility("default")))
const char *malloc_conf = "thp:always";
