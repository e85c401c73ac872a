#!/usr/bin/env python3
"""Makes the small photos the photo tests read (run once; the files are committed).

Needs Pillow (pip) and libvips' `vips` command (Debian libvips-tools) for the HEIC one:
    python3 Tests/GuongKitTests/Fixtures/photos/make-photos.py
"""
import io
import pathlib
import struct
import subprocess
import zlib

from PIL import Image, ImageDraw

here = pathlib.Path(__file__).resolve().parent


def picture(width, height):
    """A landscape test card: a red band along the top edge, blue along the bottom, shapes between."""
    image = Image.new("RGB", (width, height), (235, 225, 200))
    draw = ImageDraw.Draw(image)
    for i in range(12):
        x, y, r = (i * 97) % width, (i * 53) % height, 20 + (i * 7) % 40
        draw.ellipse((x - r, y - r, x + r, y + r), fill=((i * 40) % 256, (i * 90) % 256, (i * 20) % 256))
    draw.rectangle((0, 0, width, height // 8), fill=(255, 0, 0))
    draw.rectangle((0, height - height // 8, width, height), fill=(0, 0, 255))
    return image


# A phone's photo, sideways: stored landscape, EXIF orientation 6 (turn 90° clockwise to view), with the
# place it was taken (GPS), the camera, XMP and a comment: none of it may reach the site.
exif = Image.Exif()
exif[0x0112] = 6
exif[0x010F] = "GuongTestCam"
exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)}
xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Nguoi Chup Anh"/></rdf:RDF></x:xmpmeta>'
picture(800, 600).save(here / "xoay.jpg", quality=85, exif=exif.tobytes(), xmp=xmp, comment=b"so dien thoai 0900000000")

# Too narrow to look good (a warning).
picture(300, 200).save(here / "nho.png", optimize=True)

# The same sideways photo as an iPhone would send it.
subprocess.run(["vips", "copy", str(here / "xoay.jpg"), str(here / "xoay.heic") + "[Q=40]"], check=True)


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


# A decompression bomb: 50,000 × 50,000 pixels claimed by a file of a few hundred bytes.
row = b"\x00" + b"\x00" * 50000
compressor = zlib.compressobj(9)
idat = compressor.compress(row * 8) + compressor.flush()
(here / "bom.png").write_bytes(b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 50000, 50000, 8, 0, 0, 0, 0))
                                + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b""))

# The same claim in a JPEG: a small photo whose frame header says 50,000 × 50,000.
small = io.BytesIO()
picture(64, 48).save(small, format="JPEG", quality=80)
data = bytearray(small.getvalue())
sof = data.index(b"\xff\xc0")
data[sof + 5:sof + 9] = struct.pack(">HH", 50000, 50000)
(here / "bom.jpg").write_bytes(bytes(data))

# A photo cut off half-way, as an interrupted copy leaves it.
whole = (here / "xoay.jpg").read_bytes()
(here / "cut.jpg").write_bytes(whole[: len(whole) // 2])
