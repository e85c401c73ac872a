#!/usr/bin/env python3
"""Makes the sample site's raster photos: drawn portraits and a school building, no real people.

Each is saved the way a phone saves it — a JPEG with EXIF (one of them sideways, with orientation 6,
and a GPS position) — so the sample shows what `guong build` does with such a file. Needs Pillow.
    python3 scripts/make-sample-photos.py
"""
import pathlib
import random

from PIL import Image, ImageDraw, ImageFilter

root = pathlib.Path(__file__).resolve().parent.parent / "content/profiles"


def portrait(seed, background, shirt, hair, skin):
    rnd = random.Random(seed)
    w, h = 900, 1200
    image = Image.new("RGB", (w, h), background)
    draw = ImageDraw.Draw(image)
    for _ in range(40):  # a soft background of shapes, so it looks like a place
        x, y, r = rnd.randrange(w), rnd.randrange(h // 2), rnd.randrange(30, 120)
        tone = tuple(min(255, c + rnd.randrange(-25, 25)) for c in background)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tone)
    image = image.filter(ImageFilter.GaussianBlur(18))
    draw = ImageDraw.Draw(image)
    draw.ellipse((150, 820, 750, 1500), fill=shirt)  # shoulders
    draw.rectangle((390, 640, 510, 860), fill=skin)  # neck
    draw.ellipse((280, 260, 620, 700), fill=hair)  # hair behind
    draw.ellipse((310, 300, 590, 690), fill=skin)  # face
    draw.chord((300, 250, 600, 520), 180, 360, fill=hair)  # fringe
    for x in (395, 505):  # eyes
        draw.ellipse((x - 16, 470, x + 16, 494), fill=(40, 30, 30))
    draw.arc((400, 560, 500, 620), 20, 160, fill=(150, 60, 60), width=8)  # smile
    return image


def school(seed):
    rnd = random.Random(seed)
    w, h = 1200, 800
    image = Image.new("RGB", (w, h), (150, 200, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 560, w, h), fill=(90, 150, 80))
    draw.rectangle((160, 250, 1040, 600), fill=(245, 215, 120))
    draw.polygon([(120, 260), (600, 120), (1080, 260)], fill=(170, 50, 40))
    for row in (300, 440):
        for col in range(220, 1000, 130):
            draw.rectangle((col, row, col + 70, row + 90), fill=(80, 120, 160))
    draw.rectangle((560, 470, 640, 600), fill=(120, 70, 40))
    draw.line((600, 120, 600, 40), fill=(60, 60, 60), width=6)
    draw.rectangle((600, 40, 680, 90), fill=(218, 37, 29))
    for _ in range(9):
        x = rnd.randrange(40, w - 40)
        draw.ellipse((x - 40, 500, x + 40, 600), fill=(40, 110, 50))
    return image


def save(image, path, orientation=1, gps=False):
    exif = Image.Exif()
    exif[0x010F] = "Máy ảnh mẫu"
    if orientation != 1:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = {1: "N", 2: (10.0, 53.0, 12.0), 3: "E", 4: (106.0, 35.0, 40.0)}
    image.save(path, quality=82, exif=exif.tobytes())


save(portrait(1, (200, 220, 235), (30, 80, 150), (30, 25, 25), (240, 200, 170)), root / "2021/huynh-thi-kim-loan.jpg", gps=True)
# Sideways, as phones store a portrait: the pixels lie on their side, EXIF says to turn them upright.
save(portrait(2, (230, 215, 190), (240, 240, 240), (20, 20, 20), (225, 185, 150)).transpose(Image.Transpose.ROTATE_90),
     root / "2022/le-hoang-nam.jpg", orientation=6, gps=True)
save(portrait(3, (215, 235, 210), (160, 40, 60), (50, 30, 20), (245, 210, 180)), root / "2023/do-thi-hong-nhung.jpg")
save(school(4), root / "2021/mn-hoa-hong.jpg", gps=True)
