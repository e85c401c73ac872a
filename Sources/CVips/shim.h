// Non-variadic doors to the few variadic libvips calls Gương makes (Swift cannot call C varargs), and libvips
// loaded at first use. Only Sources/GuongKit/Photos/Vips.swift uses this module.
//
// libvips is opened with dlopen when a photo is first processed, not linked: it links about ninety libraries
// (GLib, cairo, pango, poppler, OpenEXR …), whose loading and relocation took 20 of the 30 ms every guong
// command spent starting, also the many that never process a photo (docs/performance.md). Every libvips and
// GObject function used is reached through a `GuongVipsTable`, filled once by `guong_vips_start`, each entry typed
// by the header's own declaration. GLib alone (two libraries) is linked: its SHA-256 names cache entries.
#include <dlfcn.h>
#include <vips/vips.h>

#define GUONG_VIPS_FUNCTIONS(X) \
    X(g_object_ref) X(g_object_unref) \
    X(vips_init) X(vips_version) X(vips_block_untrusted_set) X(vips_operation_block_set) X(vips_cache_set_max) \
    X(vips_concurrency_set) X(vips_error_buffer_copy) \
    X(vips_jpegload_buffer) X(vips_pngload_buffer) X(vips_webpload_buffer) X(vips_gifload_buffer) \
    X(vips_heifload_buffer) X(vips_svgload_buffer) \
    X(vips_autorot) X(vips_colourspace) X(vips_image_hasalpha) X(vips_array_double_newv) X(vips_flatten) \
    X(vips_area_unref) X(vips_cast) X(vips_thumbnail_image) X(vips_copy) X(vips_image_get_fields) \
    X(vips_image_remove) X(vips_jpegsave_buffer) X(vips_webpsave_buffer) X(vips_image_get_width) \
    X(vips_image_get_height) X(vips_image_copy_memory)

// `p_name` points to `name`; `GV(name)` calls it through the table `t` every function here takes (pasting keeps a
// function-like macro such as g_object_ref from expanding).
//
// The table is the caller's (`Vips.swift` allocates it once), never a static of this header: a static of a
// `static inline` function is one per object file, and Swift's optimiser inlines Vips.swift's functions into
// other files' objects. There the copy was never written, so the compiler took every call through it for
// undefined behaviour and dropped it: a release build refused every photo as corrupt while a debug build
// processed them (docs/photos.md, The pipeline).
#define GUONG_FIELD(name) __typeof__(name) *p_##name;
typedef struct {
    GUONG_VIPS_FUNCTIONS(GUONG_FIELD)
} GuongVipsTable;
#undef GUONG_FIELD
#define GV(name) (t->p_##name)

/// Finds each function of `FUNCTIONS` in `library` (and what it links); 0 when all are there.
#define GUONG_FIND(name) if (!(t->p_##name = (__typeof__(name) *) dlsym(library, #name))) return -1;

/// The loaders Gương uses, chosen by the caller from the file's magic bytes, never by libvips' sniffing.
typedef enum { GUONG_JPEG, GUONG_PNG, GUONG_WEBP, GUONG_GIF, GUONG_HEIF, GUONG_SVG } GuongFormat;

/// Loads libvips into the zeroed table `t` and starts it, once a process: untrusted loaders (ImageMagick, PDF, SVG …) blocked,
/// no operation cache, one worker thread per image (Gương runs one image per core itself). SVG loading is then
/// allowed again for `guong_load` alone, which only ever receives SVG bytes that passed the SVG audit. 0 on
/// success; -1 when libvips is missing or is not the ABI these headers describe.
static inline int guong_vips_start(GuongVipsTable *t) {
    // The library by its ABI's name (VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE, checked below): the one the
    // headers describe, which libvips-dev's libvips42 installs.
    void *library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
    if (!library) return -1;
    GUONG_VIPS_FUNCTIONS(GUONG_FIND)
    // VIPS_INIT's check: the library's ABI is the one these headers describe.
    if (GV(vips_version)(3) - GV(vips_version)(5) != VIPS_LIBRARY_CURRENT - VIPS_LIBRARY_AGE) return -1;
    if (GV(vips_init)("guong")) return -1;
    GV(vips_block_untrusted_set)(TRUE);
    GV(vips_operation_block_set)("VipsForeignLoadSvg", FALSE);
    GV(vips_cache_set_max)(0);
    GV(vips_concurrency_set)(1);
    return 0;
}
#undef GUONG_FIND

/// The libvips these headers belong to (the library loaded is checked to be it): part of the photo cache's key,
/// read without loading libvips.
static inline const char *guong_vips_version(void) { return VIPS_VERSION; }

static inline int guong_image_width(const GuongVipsTable *t, VipsImage *image) { return GV(vips_image_get_width)(image); }
static inline int guong_image_height(const GuongVipsTable *t, VipsImage *image) { return GV(vips_image_get_height)(image); }
static inline VipsImage *guong_copy_memory(const GuongVipsTable *t, VipsImage *image) { return GV(vips_image_copy_memory)(image); }
static inline void guong_unref(const GuongVipsTable *t, VipsImage *image) { GV(g_object_unref)(image); }
static inline void guong_free(void *memory) { g_free(memory); }
/// Clears this thread's libvips error text.
static inline void guong_clear_error(const GuongVipsTable *t) { g_free(GV(vips_error_buffer_copy)()); }

/// Opens `buf` with the loader for `format` (lazily: only the header is read until pixels are asked for).
/// `shrink` is JPEG's shrink-on-load (1, 2, 4, 8) and WebP's 1/scale; `buf` must outlive the image.
static inline int guong_load(const GuongVipsTable *t, const void *buf, size_t len, GuongFormat format, int shrink, VipsImage **out) {
    void *b = (void *) buf;
    switch (format) {
    case GUONG_JPEG:
        // libjpeg only warns about corrupt data and fills the picture with grey: a warning fails here.
        return GV(vips_jpegload_buffer)(b, len, out, "shrink", shrink, "fail_on", VIPS_FAIL_ON_WARNING,
                                    "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_PNG:
        return GV(vips_pngload_buffer)(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_WEBP:
        return GV(vips_webpload_buffer)(b, len, out, "scale", 1.0 / shrink, "fail_on", VIPS_FAIL_ON_ERROR,
                                    "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_GIF:
        return GV(vips_gifload_buffer)(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_HEIF:
        return GV(vips_heifload_buffer)(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_SVG:
        return GV(vips_svgload_buffer)(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    }
    return -1;
}

static inline int guong_autorot(const GuongVipsTable *t, VipsImage *in, VipsImage **out) { return GV(vips_autorot)(in, out, NULL); }

/// sRGB, 8 bits a band, no alpha (flattened on white): what JPEG and WebP are saved from.
static inline int guong_to_srgb(const GuongVipsTable *t, VipsImage *in, VipsImage **out) {
    VipsImage *a = NULL, *b = NULL;
    int failed = GV(vips_colourspace)(in, &a, VIPS_INTERPRETATION_sRGB, NULL);
    if (!failed && GV(vips_image_hasalpha)(a)) {
        VipsArrayDouble *white = GV(vips_array_double_newv)(1, 255.0);
        failed = GV(vips_flatten)(a, &b, "background", white, NULL);
        GV(vips_area_unref)(VIPS_AREA(white));
    } else if (!failed) {
        b = a;
        GV(g_object_ref)(b);
    }
    if (!failed) failed = GV(vips_cast)(b, out, VIPS_FORMAT_UCHAR, NULL);
    if (a) GV(g_object_unref)(a);
    if (b) GV(g_object_unref)(b);
    return failed;
}

/// Within `box` × `box` (never upscaled), streaming: how a large picture is brought down before anything
/// needs it whole. Orientation is left to `guong_autorot`, which needs random access.
static inline int guong_fit_box(const GuongVipsTable *t, VipsImage *in, VipsImage **out, int box) {
    return GV(vips_thumbnail_image)(in, out, box, "height", box, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
}

/// A resize to `width` (no larger than the image: never upscaled), height following.
static inline int guong_fit_width(const GuongVipsTable *t, VipsImage *in, VipsImage **out, int width) {
    return GV(vips_thumbnail_image)(in, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
}

/// Exactly `width` × `height`, cropped around what libvips' attention finder picks (faces, detail).
static inline int guong_cover(const GuongVipsTable *t, VipsImage *in, VipsImage **out, int width, int height) {
    return GV(vips_thumbnail_image)(in, out, width, "height", height, "crop", VIPS_INTERESTING_ATTENTION,
                                "no_rotate", TRUE, NULL);
}

/// A copy of `in` with every metadata field removed (EXIF, GPS, XMP, IPTC, ICC, comments …): libvips 8.14's
/// `strip` leaves EXIF in WebP files, so nothing is left for an encoder to write.
static inline int guong_strip(const GuongVipsTable *t, VipsImage *in, VipsImage **out) {
    if (GV(vips_copy)(in, out, NULL)) return -1;
    gchar **fields = GV(vips_image_get_fields)(*out);
    for (int i = 0; fields[i]; i++) GV(vips_image_remove)(*out, fields[i]);
    g_strfreev(fields);
    return 0;
}

/// JPEG and WebP with no metadata at all (`strip`); the caller frees `*buf` with g_free.
static inline int guong_save_jpeg(const GuongVipsTable *t, VipsImage *in, void **buf, size_t *len, int quality) {
    return GV(vips_jpegsave_buffer)(in, buf, len, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                "interlace", TRUE, NULL);
}
static inline int guong_save_webp(const GuongVipsTable *t, VipsImage *in, void **buf, size_t *len, int quality) {
    return GV(vips_webpsave_buffer)(in, buf, len, "Q", quality, "strip", TRUE, NULL);
}

/// SHA-256 of `len` bytes as 64 hex digits into `hex` (65 bytes with the NUL).
static inline void guong_sha256(const void *bytes, size_t len, char *hex) {
    gchar *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *) bytes, len);
    g_strlcpy(hex, digest, 65);
    g_free(digest);
}
