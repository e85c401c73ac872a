#ifndef GUONG_ALLOCATOR_SETTINGS_H
#define GUONG_ALLOCATOR_SETTINGS_H

/// jemalloc's settings, defined in allocator_settings.c; nothing calls into this target.
extern const char *malloc_conf;

#endif
