"""Stand-in page images for tests and screenshots (the corpus's images are remote): a page
of the given size in a paper tone, each zone's text written into its box, so that a reader
can see which region is which."""

from __future__ import annotations

from pathlib import Path

FONT = Path(__file__).resolve().parent.parent / "xslt" / "fonts" / "DejaVuSans.ttf"


def stand_in(path: Path, width: int, height: int,
             zones: list[tuple[int, int, int, int, str]] = (), label: str = "") -> Path:
    """Write a JPEG or PNG (by suffix) of width × height; zones: (x, y, w, h, text)."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (width, height), (236, 226, 204))
    draw = ImageDraw.Draw(picture)
    for x, y, w, h, text in zones:
        size = max(8, int(h * 0.6))
        font = _font(size)
        while size > 8 and draw.textlength(text, font=font) > w - 8:  # the text fits its box
            size -= 2
            font = _font(size)
        draw.text((x + 4, y + max(0, (h - size) // 2)), text, fill=(60, 45, 30), font=font)
    if label:
        draw.text((width // 20, height - height // 12), label, fill=(120, 90, 60),
                  font=_font(max(12, height // 30)))
    path.parent.mkdir(parents=True, exist_ok=True)
    picture.save(path, quality=80)
    return path


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(str(FONT), size)
    except OSError:
        return ImageFont.load_default()
