"""The dyad series as a chart (matplotlib, optional: ``pip install newsgraph[plot]``)."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

# Colours of the four quad classes: cooperation in blues, conflict in reds.
QUAD_COLOURS = {
    "verbal cooperation": "#6baed6",
    "material cooperation": "#08519c",
    "verbal conflict": "#fc9272",
    "material conflict": "#a50f15",
}


def plot_dyad(series: pa.Table, title: str, path: Path) -> None:
    """Stacked weekly bars by quad class; the file type follows the suffix (.png, .svg)."""
    if path.suffix.lower() not in (".png", ".svg"):
        raise ValueError("the plot file must end in .png or .svg")
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    rows = series.to_pylist()
    weeks = sorted({row["week"] for row in rows if row["week"] is not None})
    classes = sorted({row["quad_class"] for row in rows})
    figure, axes = pyplot.subplots(figsize=(9, 4))
    bottom = [0] * len(weeks)
    for quad in classes:
        counts = [
            sum(r["events"] for r in rows if r["week"] == week and r["quad_class"] == quad)
            for week in weeks
        ]
        axes.bar(
            [str(week) for week in weeks],
            counts,
            bottom=bottom,
            label=quad,
            color=QUAD_COLOURS.get(str(quad).lower().replace("_", " ")),
        )
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_title(title)
    axes.set_xlabel("week starting")
    axes.set_ylabel("events")
    if classes:
        axes.legend()
    figure.autofmt_xdate()
    figure.tight_layout()
    figure.savefig(path)
    pyplot.close(figure)
