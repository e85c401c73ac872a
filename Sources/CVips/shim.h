// Non-variadic doors to the few variadic libvips calls Gương makes (Swift cannot call C varargs).
// Only Sources/GuongKit/Photos/Vips.swift uses this module.
#include <vips/vips.h>

/// The loaders Gương uses, chosen by the caller from the file's magic bytes, never by libvips' sniffing.
typedef enum { GUONG_JPEG, GUONG_PNG, GUONG_WEBP, GUONG_GIF, GUONG_HEIF, GUONG_SVG } GuongFormat;

/// Starts libvips once: untrusted loaders (ImageMagick, PDF, SVG …) blocked, no operation cache, one
/// worker thread per image (Gương runs one image per core itself). SVG loading is then allowed again
/// for `guong_load` alone, which only ever receives SVG bytes that passed the SVG audit.
static inline int guong_vips_start(void) {
    if (VIPS_INIT("guong")) return -1;
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoadSvg", FALSE);
    vips_cache_set_max(0);
    vips_concurrency_set(1);
    return 0;
}

/// Opens `buf` with the loader for `format` (lazily: only the header is read until pixels are asked for).
/// `shrink` is JPEG's shrink-on-load (1, 2, 4, 8) and WebP's 1/scale; `buf` must outlive the image.
static inline int guong_load(const void *buf, size_t len, GuongFormat format, int shrink, VipsImage **out) {
    void *b = (void *) buf;
    switch (format) {
    case GUONG_JPEG:
        // libjpeg only warns about corrupt data and fills the picture with grey: a warning fails here.
        return vips_jpegload_buffer(b, len, out, "shrink", shrink, "fail_on", VIPS_FAIL_ON_WARNING,
                                    "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_PNG:
        return vips_pngload_buffer(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_WEBP:
        return vips_webpload_buffer(b, len, out, "scale", 1.0 / shrink, "fail_on", VIPS_FAIL_ON_ERROR,
                                    "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_GIF:
        return vips_gifload_buffer(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_HEIF:
        return vips_heifload_buffer(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    case GUONG_SVG:
        return vips_svgload_buffer(b, len, out, "fail_on", VIPS_FAIL_ON_ERROR, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    }
    return -1;
}

static inline int guong_autorot(VipsImage *in, VipsImage **out) { return vips_autorot(in, out, NULL); }

/// sRGB, 8 bits a band, no alpha (flattened on white): what JPEG and WebP are saved from.
static inline int guong_to_srgb(VipsImage *in, VipsImage **out) {
    VipsImage *a = NULL, *b = NULL;
    int failed = vips_colourspace(in, &a, VIPS_INTERPRETATION_sRGB, NULL);
    if (!failed && vips_image_hasalpha(a)) {
        VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
        failed = vips_flatten(a, &b, "background", white, NULL);
        vips_area_unref(VIPS_AREA(white));
    } else if (!failed) {
        b = a;
        g_object_ref(b);
    }
    if (!failed) failed = vips_cast(b, out, VIPS_FORMAT_UCHAR, NULL);
    if (a) g_object_unref(a);
    if (b) g_object_unref(b);
    return failed;
}

/// Within `box` × `box` (never upscaled), streaming: how a large picture is brought down before anything
/// needs it whole. Orientation is left to `guong_autorot`, which needs random access.
static inline int guong_fit_box(VipsImage *in, VipsImage **out, int box) {
    return vips_thumbnail_image(in, out, box, "height", box, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
}

/// A resize to `width` (no larger than the image: never upscaled), height following.
static inline int guong_fit_width(VipsImage *in, VipsImage **out, int width) {
    return vips_thumbnail_image(in, out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "no_rotate", TRUE, NULL);
}

/// Exactly `width` × `height`, cropped around what libvips' attention finder picks (faces, detail).
static inline int guong_cover(VipsImage *in, VipsImage **out, int width, int height) {
    return vips_thumbnail_image(in, out, width, "height", height, "crop", VIPS_INTERESTING_ATTENTION,
                                "no_rotate", TRUE, NULL);
}

/// A copy of `in` with every metadata field removed (EXIF, GPS, XMP, IPTC, ICC, comments …): libvips 8.14's
/// `strip` leaves EXIF in WebP files, so nothing is left for an encoder to write.
static inline int guong_strip(VipsImage *in, VipsImage **out) {
    if (vips_copy(in, out, NULL)) return -1;
    gchar **fields = vips_image_get_fields(*out);
    for (int i = 0; fields[i]; i++) vips_image_remove(*out, fields[i]);
    g_strfreev(fields);
    return 0;
}

/// JPEG and WebP with no metadata at all (`strip`); the caller frees `*buf` with g_free.
static inline int guong_save_jpeg(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                                "interlace", TRUE, NULL);
}
static inline int guong_save_webp(VipsImage *in, void **buf, size_t *len, int quality) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, "strip", TRUE, NULL);
}

/// SHA-256 of `len` bytes as 64 hex digits into `hex` (65 bytes with the NUL).
static inline void guong_sha256(const void *bytes, size_t len, char *hex) {
    gchar *digest = g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *) bytes, len);
    g_strlcpy(hex, digest, 65);
    g_free(digest);
}
