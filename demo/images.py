"""Abstract illustrations for the demo content, drawn locally with Pillow (no downloads).

Every picture is deterministic: the same key always gives the same picture, so a re-run can recreate a lost file.
Shapes are drawn at twice the size and scaled down, which gives smooth edges without a dependency on anti-aliasing.
"""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

TEAL = (11, 93, 91)
TEAL_DARK = (7, 63, 62)
TEAL_LIGHT = (95, 158, 151)
OCHRE = (224, 165, 38)
TERRACOTTA = (196, 85, 59)
CREAM = (246, 241, 231)
SAND = (236, 222, 196)

PALETTE = [TEAL, TEAL_LIGHT, OCHRE, TERRACOTTA, CREAM, SAND]
SCALE = 2


def _rgba(color, alpha):
    return (*color, alpha)


def _gradient(size, top, bottom, angle=0):
    """A two-colour linear gradient; angle in degrees, 0 = top to bottom."""
    # Rotate a larger gradient and keep its centre, so that no corner is left uncovered.
    mask = Image.linear_gradient("L").resize((512, 512), Image.Resampling.BICUBIC)
    mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC).crop((128, 128, 384, 384))
    mask = mask.resize(size, Image.Resampling.BICUBIC)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask).convert("RGBA")


def _layer(size, draw_fn):
    """A transparent layer of the given size with draw_fn's shapes on it."""
    layer = Image.new("RGBA", size, (0, 0, 0, 0))
    draw_fn(ImageDraw.Draw(layer))
    return layer


def _downscale(layer):
    """Shrink a SCALE-times layer with a box filter; premultiplied alpha keeps the edges free of dark fringes."""
    return layer.convert("RGBa").reduce(SCALE).convert("RGBA")


def _circle(draw, cx, cy, r, fill=None, outline=None, width=1):
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill, outline=outline, width=width)


# --- motifs: each takes (size, rng) and returns a transparent layer of that size ------------------------------


def _motif_circle(size, rng):
    """People sitting in a circle: dialogue."""
    w, h = size
    cx, cy, ring = w * 0.5, h * 0.52, h * 0.33

    def draw(d):
        _circle(d, cx, cy, ring * 1.4, fill=_rgba(CREAM, 40))
        _circle(d, cx, cy, ring * 0.55, fill=_rgba(OCHRE, 210))
        count = rng.randint(8, 9)
        for i in range(count):
            a = 2 * math.pi * i / count + rng.random() * 0.1
            x, y = cx + math.cos(a) * ring, cy + math.sin(a) * ring * 0.8
            color = rng.choice([TERRACOTTA, CREAM, TEAL_LIGHT, SAND])
            _circle(d, x, y - h * 0.055, h * 0.04, fill=_rgba(color, 255))
            d.rounded_rectangle(
                (x - h * 0.055, y - h * 0.01, x + h * 0.055, y + h * 0.09), radius=int(h * 0.04), fill=_rgba(color, 235)
            )

    return _layer(size, draw)


def _motif_network(size, rng):
    """Nodes joined by lines: the alumni network."""
    w, h = size
    # One node per cell of a 6 x 3 grid, jittered, so the network fills the picture.
    nodes = [
        ((col + rng.uniform(0.2, 0.8)) * w / 6, (row + rng.uniform(0.2, 0.8)) * h / 3)
        for row in range(3)
        for col in range(6)
        if rng.random() > 0.15
    ]

    def draw(d):
        for i, (x1, y1) in enumerate(nodes):
            for x2, y2 in nodes[i + 1 :]:
                if math.hypot(x2 - x1, y2 - y1) < w * 0.26:
                    d.line((x1, y1, x2, y2), fill=_rgba(CREAM, 150), width=3 * SCALE)
        for x, y in nodes:
            color = rng.choice([OCHRE, TERRACOTTA, CREAM])
            r = rng.uniform(0.018, 0.045) * h
            _circle(d, x, y, r * 1.8, fill=_rgba(color, 60))
            _circle(d, x, y, r, fill=_rgba(color, 255))

    return _layer(size, draw)


def _motif_hills(size, rng):
    """Layered hills and a sun: the Banten landscape."""
    w, h = size

    def draw(d):
        _circle(d, w * rng.uniform(0.6, 0.85), h * 0.3, h * 0.14, fill=_rgba(OCHRE, 255))
        colors = [TEAL_LIGHT, TERRACOTTA, TEAL, TEAL_DARK]
        for layer, color in enumerate(colors):
            base = h * (0.5 + layer * 0.12)
            amp = h * rng.uniform(0.04, 0.09)
            phase = rng.uniform(0, math.pi * 2)
            freq = rng.uniform(1.2, 2.4)
            points = [(0, h)]
            for step in range(0, 101):
                x = w * step / 100
                points.append((x, base + math.sin(phase + freq * math.pi * step / 50) * amp))
            points.append((w, h))
            d.polygon(points, fill=_rgba(color, 235))

    return _layer(size, draw)


def _motif_arches(size, rng):
    """A row of different arches and roofs: places of worship side by side."""
    w, h = size

    def draw(d):
        count = 5
        gap = w / (count + 1)
        ground = h * 0.82
        d.rectangle((0, ground, w, h), fill=_rgba(TEAL_DARK, 255))
        for i in range(count):
            x = gap * (i + 1)
            bw = gap * 0.62
            bh = h * rng.uniform(0.32, 0.46)
            color = [CREAM, OCHRE, SAND, TERRACOTTA, CREAM][i]
            top = ground - bh
            d.rectangle((x - bw / 2, top, x + bw / 2, ground), fill=_rgba(color, 255))
            kind = i % 3
            if kind == 0:  # dome
                d.pieslice((x - bw / 2, top - bw / 2, x + bw / 2, top + bw / 2), 180, 360, fill=_rgba(color, 255))
            elif kind == 1:  # pitched roof
                d.polygon([(x - bw * 0.6, top), (x, top - bw * 0.55), (x + bw * 0.6, top)], fill=_rgba(color, 255))
            else:  # tiered roof
                for tier in range(3):
                    tw = bw * (0.7 - tier * 0.18)
                    ty = top - tier * bw * 0.18
                    d.polygon(
                        [(x - tw, ty), (x - tw * 0.6, ty - bw * 0.18), (x + tw * 0.6, ty - bw * 0.18), (x + tw, ty)],
                        fill=_rgba(color, 255),
                    )
            door_w = bw * 0.28
            d.rounded_rectangle(
                (x - door_w / 2, ground - bh * 0.45, x + door_w / 2, ground),
                radius=int(door_w / 2),
                fill=_rgba(TEAL_DARK, 230),
            )

    return _layer(size, draw)


def _motif_speech(size, rng):
    """Overlapping speech bubbles: conversations and counter-narratives online."""
    w, h = size

    def draw(d):
        for _ in range(rng.randint(6, 9)):
            bw, bh = w * rng.uniform(0.16, 0.3), h * rng.uniform(0.16, 0.26)
            x, y = rng.uniform(0.04, 0.96) * w - bw / 2, rng.uniform(0.08, 0.8) * h - bh / 2
            color = rng.choice([CREAM, OCHRE, TERRACOTTA, TEAL_LIGHT])
            alpha = rng.randint(170, 240)
            d.rounded_rectangle((x, y, x + bw, y + bh), radius=int(bh * 0.3), fill=_rgba(color, alpha))
            tail = x + bw * rng.uniform(0.2, 0.7)
            d.polygon(
                [(tail, y + bh - 2), (tail + bw * 0.12, y + bh - 2), (tail, y + bh + bh * 0.35)],
                fill=_rgba(color, alpha),
            )
            for line in range(3):
                ly = y + bh * (0.3 + line * 0.2)
                d.line(
                    (x + bw * 0.12, ly, x + bw * (0.88 - line * 0.2), ly), fill=_rgba(TEAL_DARK, 120), width=5 * SCALE
                )

    return _layer(size, draw)


def _motif_radar(size, rng):
    """Concentric rings and signals: early detection."""
    w, h = size
    cx, cy = w * rng.uniform(0.3, 0.7), h * 0.55

    def draw(d):
        for i in range(8, 0, -1):
            color = [TEAL_LIGHT, CREAM][i % 2]
            _circle(d, cx, cy, h * 0.09 * i, outline=_rgba(color, 90 + i * 10), width=4 * SCALE)
        _circle(d, cx, cy, h * 0.06, fill=_rgba(OCHRE, 255))
        for _ in range(rng.randint(5, 8)):
            a, dist = rng.uniform(0, 2 * math.pi), h * rng.uniform(0.15, 0.6)
            color = rng.choice([TERRACOTTA, OCHRE, CREAM])
            _circle(d, cx + math.cos(a) * dist, cy + math.sin(a) * dist, h * 0.025, fill=_rgba(color, 255))
        start = rng.randint(0, 359)
        d.pieslice(
            (cx - h * 0.72, cy - h * 0.72, cx + h * 0.72, cy + h * 0.72), start, start + 35, fill=_rgba(CREAM, 45)
        )

    return _layer(size, draw)


def _motif_tiles(size, rng):
    """A woven geometric pattern: many threads, one cloth (social cohesion)."""
    w, h = size
    cell = h / 6

    def draw(d):
        cols, rows = int(w / cell) + 1, 6
        for row in range(rows):
            for col in range(cols):
                x, y = col * cell, row * cell
                color = rng.choice(PALETTE)
                kind = rng.randint(0, 3)
                if kind == 0:
                    d.pieslice((x, y, x + cell * 2, y + cell * 2), 180, 270, fill=_rgba(color, 235))
                elif kind == 1:
                    d.polygon([(x, y), (x + cell, y), (x, y + cell)], fill=_rgba(color, 235))
                elif kind == 2:
                    _circle(d, x + cell / 2, y + cell / 2, cell * 0.32, fill=_rgba(color, 235))
                else:
                    d.rectangle(
                        (x + cell * 0.15, y + cell * 0.15, x + cell * 0.85, y + cell * 0.85), fill=_rgba(color, 200)
                    )

    return _layer(size, draw)


def _motif_bars(size, rng):
    """Rising columns and a document: policy, plans and indicators."""
    w, h = size

    def draw(d):
        page = (w * 0.1, h * 0.14, w * 0.38, h * 0.86)
        d.rounded_rectangle(page, radius=int(h * 0.02), fill=_rgba(CREAM, 250))
        for i in range(7):
            y = page[1] + h * (0.1 + i * 0.08)
            d.line(
                (page[0] + w * 0.03, y, page[2] - w * (0.03 + rng.uniform(0, 0.08)), y),
                fill=_rgba(TEAL, 170),
                width=6 * SCALE,
            )
        _circle(d, page[2] - w * 0.05, page[3] - h * 0.1, h * 0.06, fill=_rgba(TERRACOTTA, 255))
        for i in range(6):
            bx = w * (0.46 + i * 0.08)
            bh = h * (0.15 + i * 0.09 + rng.uniform(-0.03, 0.03))
            color = [OCHRE, TERRACOTTA, CREAM][i % 3]
            d.rectangle((bx, h * 0.86 - bh, bx + w * 0.055, h * 0.86), fill=_rgba(color, 240))
        d.line((w * 0.44, h * 0.86, w * 0.95, h * 0.86), fill=_rgba(CREAM, 255), width=4 * SCALE)

    return _layer(size, draw)


MOTIFS = {
    "circle": _motif_circle,
    "network": _motif_network,
    "hills": _motif_hills,
    "arches": _motif_arches,
    "speech": _motif_speech,
    "radar": _motif_radar,
    "tiles": _motif_tiles,
    "bars": _motif_bars,
}

BACKGROUNDS = {
    "teal": (TEAL, TEAL_DARK),
    "dusk": (TERRACOTTA, TEAL_DARK),
    "ochre": (OCHRE, TERRACOTTA),
    "cream": (CREAM, SAND),
    "deep": (TEAL_DARK, TEAL),
}


def _encode(img, fmt):
    out = BytesIO()
    if fmt == "JPEG":
        img.convert("RGB").save(out, "JPEG", quality=80, optimize=True, progressive=True)
    else:
        img.save(out, "PNG", optimize=True)
    return out.getvalue()


def illustration(key, motif, background="teal", size=(1600, 900)):
    """A 16:9 JPEG illustration; returns the encoded bytes."""
    rng = random.Random(key)
    top, bottom = BACKGROUNDS[background]
    img = _gradient(size, top, bottom, angle=rng.choice([0, 15, 30, -20]))
    layer = MOTIFS[motif]((size[0] * SCALE, size[1] * SCALE), rng)
    return _encode(Image.alpha_composite(img, _downscale(layer)), "JPEG")


def portrait(key, background, shirt, size=400):
    """An abstract head-and-shoulders avatar (no face): the demo authors are fictional."""
    rng = random.Random(key)
    big = size * SCALE

    def draw(d):
        _circle(d, big * rng.uniform(0.75, 0.9), big * 0.2, big * 0.12, fill=_rgba(CREAM, 70))
        d.ellipse((big * 0.18, big * 0.66, big * 0.82, big * 1.3), fill=_rgba(shirt, 255))
        _circle(d, big * 0.5, big * 0.42, big * 0.17, fill=_rgba(SAND, 255))

    img = Image.new("RGBA", (size, size), _rgba(background, 255))
    return _encode(Image.alpha_composite(img, _downscale(_layer((big, big), draw))), "JPEG")


def wordmark(text, color, size=(480, 160)):
    """A simple partner wordmark on a transparent background, as PNG."""
    big = (size[0] * SCALE, size[1] * SCALE)
    img = Image.new("RGBA", big, (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=int(big[1] * 0.5))
    left, top, right, bottom = d.textbbox((0, 0), text, font=font)
    mark = big[1] * 0.5
    total = mark + big[1] * 0.12 + (right - left)
    x0 = (big[0] - total) / 2
    _circle(d, x0 + mark / 2, big[1] / 2, mark / 2, fill=_rgba(color, 255))
    _circle(d, x0 + mark / 2, big[1] / 2, mark / 4.5, fill=_rgba(CREAM, 255))
    text_x = x0 + mark + big[1] * 0.12 - left
    d.text((text_x, (big[1] - (bottom - top)) / 2 - top), text, font=font, fill=_rgba(color, 255))
    return _encode(_downscale(img), "PNG")


COLORS = {
    "teal": TEAL,
    "teal_dark": TEAL_DARK,
    "teal_light": TEAL_LIGHT,
    "ochre": OCHRE,
    "terracotta": TERRACOTTA,
    "cream": CREAM,
    "sand": SAND,
}


def render(spec):
    """The encoded bytes and file extension of one entry of `demo.content.IMAGES`."""
    kind = spec["kind"]
    if kind == "illustration":
        return illustration(spec["key"], spec["motif"], spec.get("background", "teal")), "jpg"
    if kind == "portrait":
        return portrait(spec["key"], COLORS[spec["background"]], COLORS[spec["shirt"]]), "jpg"
    if kind == "wordmark":
        return wordmark(spec["text"], COLORS[spec["color"]]), "png"
    raise ValueError(f"Unknown demo image kind: {kind!r}")
