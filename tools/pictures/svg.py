"""tools/pictures/svg.py - a small SVG writer (python3, standard library only).

Just what the pictures need: rectangles, lines, polygons, text, a tooltip
per element, and output that is the same bytes for the same drawing:
elements in the order drawn, attributes in a fixed order, numbers rounded
to two decimals with no trailing zeros, no date, no random ids.
"""

from xml.sax.saxutils import escape, quoteattr

SANS = "DejaVu Sans, Verdana, Arial, sans-serif"
MONO = "DejaVu Sans Mono, Menlo, Consolas, monospace"


def num(x):
    """A coordinate as short, stable text: 12, 12.5, 12.33."""
    text = f"{float(x):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Svg:
    """An SVG document drawn element by element, top-left origin."""

    def __init__(self, width, height, title):
        self.width, self.height = width, height
        self.parts = [f'<title>{escape(title)}</title>',
                      f'<rect x="0" y="0" width="{num(width)}" height="{num(height)}" '
                      'fill="#ffffff"/>']

    def _element(self, name, attrs, tip=None, body=None):
        text = " ".join(f"{k}={quoteattr(str(v))}" for k, v in attrs if v is not None)
        inner = (f"<title>{escape(tip)}</title>" if tip else "") + (body or "")
        self.parts.append(f"<{name} {text}>{inner}</{name}>" if inner
                          else f"<{name} {text}/>")

    def rect(self, x, y, w, h, fill, stroke=None, tip=None, opacity=None, width=None):
        self._element("rect", [("x", num(x)), ("y", num(y)), ("width", num(max(w, 0))),
                               ("height", num(max(h, 0))), ("fill", fill),
                               ("fill-opacity", opacity and num(opacity)),
                               ("stroke", stroke),
                               ("stroke-width", width and num(width))], tip)

    def line(self, x1, y1, x2, y2, stroke="#000000", width=1, dash=None):
        self._element("line", [("x1", num(x1)), ("y1", num(y1)), ("x2", num(x2)),
                               ("y2", num(y2)), ("stroke", stroke),
                               ("stroke-width", num(width)), ("stroke-dasharray", dash)])

    def polygon(self, points, fill, opacity=None, stroke=None):
        pts = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self._element("polygon", [("points", pts), ("fill", fill),
                                  ("fill-opacity", opacity and num(opacity)),
                                  ("stroke", stroke)])

    def text(self, x, y, s, size=12, anchor="start", weight=None, fill="#000000",
             mono=False, italic=False):
        self._element("text", [("x", num(x)), ("y", num(y)),
                               ("font-family", MONO if mono else SANS),
                               ("font-size", num(size)), ("text-anchor", anchor),
                               ("font-weight", weight),
                               ("font-style", "italic" if italic else None),
                               ("fill", fill)], body=escape(str(s)))

    def render(self):
        head = (f'<svg xmlns="http://www.w3.org/2000/svg" width="{num(self.width)}" '
                f'height="{num(self.height)}" viewBox="0 0 {num(self.width)} '
                f'{num(self.height)}">')
        return "\n".join([head, *self.parts, "</svg>"]) + "\n"


def spread(ys, gap, lo, hi):
    """Label positions near ys (sorted or not), at least `gap` apart, within [lo, hi].

    Returns the new positions in the order of ys: each label moves as
    little as it can, so its leader line to the true position stays short.
    """
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    out = [0.0] * len(ys)
    prev = lo - gap
    for i in order:  # push down past the label above
        out[i] = max(ys[i], prev + gap)
        prev = out[i]
    nxt = hi + gap
    for i in reversed(order):  # then up from the bottom if that ran over
        out[i] = min(out[i], nxt - gap)
        nxt = out[i]
    return out
