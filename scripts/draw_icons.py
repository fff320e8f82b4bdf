"""Draw the portal's icons (a signpost in its colours) with Pillow: the favicon, touch and app icons.

The drawn files are committed, so neither a build nor a request to another host is needed for them;
run this again after changing the shapes or colours:

    .venv/bin/python scripts/draw_icons.py
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw

REPO_ROOT = Path(__file__).resolve().parent.parent
STATIC_ICONS = REPO_ROOT / "wegweiser" / "static" / "icons"
# Served at the site's root (WHITENOISE_ROOT): browsers and crawlers ask for these there unprompted.
ROOT_FILES = REPO_ROOT / "wegweiser" / "root_files"

BACKGROUND = "#08427c"  # --accent-dark of portal.css
POST = "#ffffff"
UPPER_SIGN = "#ffbf47"  # --focus
LOWER_SIGN = "#ffffff"
GRID = 64  # the shapes are drawn on a 64 × 64 grid
CORNER = 12
SHAPES = [
    (POST, [(29, 10), (35, 10), (35, 58), (29, 58)]),
    (UPPER_SIGN, [(13, 14), (44, 14), (52, 21), (44, 28), (13, 28)]),
    (LOWER_SIGN, [(51, 33), (20, 33), (12, 40), (20, 47), (51, 47)]),
]


def svg() -> str:
    polygons = "".join(
        f'<path fill="{fill}" d="M{" L".join(f"{x} {y}" for x, y in points)}Z"/>' for fill, points in SHAPES
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
        f'<rect width="{GRID}" height="{GRID}" rx="{CORNER}" fill="{BACKGROUND}"/>{polygons}</svg>\n'
    )


def raster(size: int, *, rounded: bool = True, padding: float = 0.0) -> Image.Image:
    """The icon at ``size`` pixels, drawn eight times larger and scaled down for smooth edges.

    ``padding`` (a share of the size) keeps the sign inside the safe zone of maskable and touch icons.
    """
    scale = size * 8 / GRID
    big = Image.new("RGBA", (size * 8, size * 8), (0, 0, 0, 0))
    draw = ImageDraw.Draw(big)
    if rounded:
        draw.rounded_rectangle((0, 0, size * 8 - 1, size * 8 - 1), radius=CORNER * scale, fill=BACKGROUND)
    else:
        draw.rectangle((0, 0, size * 8, size * 8), fill=BACKGROUND)
    inner = 1 - 2 * padding
    offset = padding * GRID
    for fill, points in SHAPES:
        draw.polygon(
            [((offset + x * inner) * scale, (offset + y * inner) * scale) for x, y in points], fill=fill
        )
    return big.resize((size, size), Image.Resampling.LANCZOS)


def palette(image: Image.Image) -> Image.Image:
    """Five colours and their smoothed edges fit a small palette: a third of the bytes of full colour."""
    return image.quantize(colors=64, method=Image.Quantize.FASTOCTREE)


def save_png(image: Image.Image, path: Path) -> None:
    palette(image).save(path, format="PNG", optimize=True)


def main() -> None:
    STATIC_ICONS.mkdir(parents=True, exist_ok=True)
    ROOT_FILES.mkdir(parents=True, exist_ok=True)
    (STATIC_ICONS / "icon.svg").write_text(svg(), encoding="utf-8")
    save_png(raster(192), STATIC_ICONS / "icon-192.png")
    # iOS rounds the corners itself and shows transparency as black: a full square.
    save_png(raster(180, rounded=False, padding=0.06), ROOT_FILES / "apple-touch-icon.png")
    # Square: the palette frames of an ICO keep no transparency.
    frames = [palette(raster(size, rounded=False)) for size in (16, 32, 48)]
    ico = BytesIO()
    frames[-1].save(ico, format="ICO", sizes=[(16, 16), (32, 32), (48, 48)], append_images=frames[:-1])
    (ROOT_FILES / "favicon.ico").write_bytes(ico.getvalue())


if __name__ == "__main__":
    main()
