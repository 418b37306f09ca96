"""Charts for the report as inline SVG: no files beside the HTML, no requests, text stays searchable.

Text is kept as SVG text (``svg.fonttype='none'``), so labels stay sharp in print and can be found
with the browser's search. Output is deterministic (fixed hash salt, no date) so two runs over the
same tables give the same report.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence

from markupsafe import Markup
from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from pipeline.report.formatting import format_int

# Okabe–Ito: distinguishable with colour-vision deficiencies and in greyscale print.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")
TEXT_COLOUR = "#1f2933"
GRID_COLOUR = "#d5dbe1"
_RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "projektradar",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],
    "font.size": 10,
    "text.color": TEXT_COLOUR,
    "axes.labelcolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
}
_ID = re.compile(r'\bid="([^"]+)"')
_REF = re.compile(r'(url\(#|href="#)([^)"]+)')


def bar_chart(
    title: str,
    labels: Sequence[str],
    series: Mapping[str, Sequence[int]],
    *,
    key: str,
    horizontal: bool = True,
    value_label: str = "Anzahl",
) -> Markup:
    """Bars (one colour per series, grouped) as an inline ``<svg>`` element.

    ``horizontal`` suits long category names (themes, roles); vertical bars suit a time axis.
    ``key`` makes the SVG's element ids unique within the page.
    """
    n_labels, n_series = len(labels), len(series)
    legend_height = 0.3 if n_series > 1 else 0
    if horizontal:
        size = (7.2, 1.0 + legend_height + 0.3 * n_labels * max(1, n_series * 0.8))
    else:
        size = (7.2, 2.3 + legend_height)
    with rc_context(_RC):
        figure = Figure(figsize=size, layout="constrained")
        axes = figure.subplots()
        group = 0.8 if horizontal or n_labels > 4 else 0.5  # a few periods: no slab-wide bars
        band = group / max(n_series, 1)
        positions = range(n_labels)
        for index, (name, values) in enumerate(series.items()):
            offsets = [p - group / 2 + band * (index + 0.5) for p in positions]
            colour = PALETTE[index % len(PALETTE)]
            draw = axes.barh if horizontal else axes.bar
            bars = draw(offsets, values, band * 0.92, color=colour, label=name)
            axes.bar_label(bars, labels=[format_int(v) if v else "" for v in values], padding=2, fontsize=8)
        value_axis, category_axis = (axes.xaxis, axes.yaxis) if horizontal else (axes.yaxis, axes.xaxis)
        category_axis.set_ticks(list(positions), list(labels))
        if horizontal:
            axes.invert_yaxis()  # first category on top, as read
        elif n_labels > 8:
            category_axis.set_tick_params(rotation=45)
            for tick in category_axis.get_ticklabels():
                tick.set_horizontalalignment("right")
        value_axis.set_major_locator(MaxNLocator(integer=True, nbins=6))
        value_axis.set_major_formatter(FuncFormatter(lambda value, _pos: format_int(value)))
        value_axis.set_label_text(value_label)
        axes.margins(**({"x": 0.12} if horizontal else {"y": 0.15}))
        axes.grid(axis="x" if horizontal else "y", color=GRID_COLOUR, linewidth=0.6)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        figure.suptitle(title, x=0.01, horizontalalignment="left", fontsize=11, fontweight="bold")
        if n_series > 1:
            figure.legend(frameon=False, loc="outside lower left", ncols=n_series)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    return Markup(_inline_svg(buffer.getvalue(), title, key))


def _inline_svg(svg: str, title: str, key: str) -> str:
    """Drop the XML prologue, prefix element ids with ``key``, label the image for screen readers."""
    svg = svg[svg.index("<svg") :]
    svg = _ID.sub(lambda m: f'id="{key}-{m.group(1)}"', svg)
    svg = _REF.sub(lambda m: f"{m.group(1)}{key}-{m.group(2)}", svg)
    label = str(Markup.escape(title))
    return svg.replace("<svg ", f'<svg role="img" aria-label="{label}" class="chart" ', 1)
