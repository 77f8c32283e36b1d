"""Charts of analysis results as PNG files, with no browser: a Vega-Lite spec rendered
by vl-convert (which bundles its own JavaScript engine and fonts)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from detente.analysis.dyads import QUAD_COLUMNS

#: Colours of the quad classes: cooperation in blues, conflict in reds.
QUAD_COLOURS = {
    "verbal cooperation": "#9ecae1", "material cooperation": "#3182bd",
    "verbal conflict": "#fc9272", "material conflict": "#de2d26",
}

#: Width of a chart's plotting area in pixels; the PNG is drawn at twice this scale.
CHART_WIDTH = 720


def dyad_chart(series: pd.DataFrame, a: str, b: str, by: str = "month", directed: bool = False) -> dict[str, Any]:
    """A Vega-Lite spec of a dyad series: events by quad class per period (stacked bars,
    cooperation up and conflict down from zero) above the Goldstein mean (a line)."""
    dyad = f"{a} \u2192 {b}" if directed else f"{a} \u2013 {b}"
    order = list(series["period"])
    bars, line = [], []
    for row in series.itertuples(index=False):
        for column in QUAD_COLUMNS:
            count = int(getattr(row, column))
            if count:
                quad = column.replace("_", " ")
                bars.append({"period": row.period, "quad": quad, "events": count if quad.endswith("cooperation") else -count})
        mean = row.goldstein_mean
        line.append({"period": row.period, "goldstein_mean": None if pd.isna(mean) else round(float(mean), 3),
                     "events": int(row.events)})
    x = {"field": "period", "type": "ordinal", "scale": {"domain": order}, "title": by,  # empty periods keep their place
         "axis": {"labelAngle": -45, "labelOverlap": True}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {"text": f"{dyad}: events by {by}", "subtitle": f"{int(series['events'].sum())} events"},
        "config": {"view": {"stroke": None}},
        "vconcat": [
            {
                "width": CHART_WIDTH, "height": 260,
                "data": {"values": bars},
                "mark": {"type": "bar"},
                "encoding": {
                    "x": {**x, "axis": {**x["axis"], "labels": False}, "title": None},
                    "y": {"field": "events", "type": "quantitative", "aggregate": "sum",
                          "title": "events (cooperation up, conflict down)"},
                    "color": {"field": "quad", "type": "nominal", "title": "quad class",
                              "scale": {"domain": list(QUAD_COLOURS), "range": list(QUAD_COLOURS.values())}},
                },
            },
            {
                "width": CHART_WIDTH, "height": 160,
                "data": {"values": line},
                "layer": [
                    {"mark": {"type": "rule", "color": "#888"}, "encoding": {"y": {"datum": 0}}},
                    {
                        "transform": [{"filter": "datum.goldstein_mean !== null"}],
                        "mark": {"type": "line", "point": True, "color": "#333"},
                        "encoding": {
                            "x": x,
                            "y": {"field": "goldstein_mean", "type": "quantitative", "title": "Goldstein mean",
                                  "scale": {"domain": [-10, 10]}},
                        },
                    },
                ],
            },
        ],
        "resolve": {"scale": {"x": "shared"}},
    }


def render_png(spec: dict[str, Any], path: str | Path, scale: float = 2.0) -> Path:
    """Draw a Vega-Lite spec into a PNG file; returns the path."""
    import vl_convert

    path = Path(path)
    path.write_bytes(vl_convert.vegalite_to_png(spec, scale=scale))
    return path


def plot_dyad(series: pd.DataFrame, path: str | Path, a: str, b: str, by: str = "month", directed: bool = False) -> Path:
    """Draw a dyad series (from `dyad_series`) into a PNG file."""
    return render_png(dyad_chart(series, a, b, by, directed), path)
