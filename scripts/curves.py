#!/usr/bin/env python3
"""Learning curves from the CSV files vivarium writes (`train gold`, `train tutorial`, `train listen`
and the benches, e.g. docs/curves/*.csv): a Markdown table (about ROWS rows per curve and column)
on standard output and, with --out FILE.png|FILE.svg (or --svg FILE), a chart drawn with matplotlib
(Debian: apt-get install python3-matplotlib): one panel per --y column, one line per curve, the
y axis fitted to the data (negative values included), a curve of one point drawn as a marker.

  scripts/curves.py --x env_steps --y success_rate --out docs/curves/gold.png ppo=ppo.brain.csv grpo=grpo.brain.csv
  scripts/curves.py --x env_steps --y success_rate,mean_return,loss --out gold.svg ppo=ppo.brain.csv
  scripts/curves.py --x step --y score qa=qa.brain.csv                 # the table only: standard library

Cells that are empty or not numbers (a column a phase does not fill, e.g. value_loss during bc)
are left out of that column's curve. The table alone needs no package beyond Python 3.
"""
import argparse
import csv
import math
import os
import sys


def fail(message):
    sys.exit(f"curves: {message}")


def number(text):
    """The cell as a float, or None when it is empty or not a finite number."""
    try:
        v = float(text)
    except (TypeError, ValueError):
        return None
    return v if math.isfinite(v) else None


def read(path, x, ys):
    """{y: [(x, y, phase), ...]} for every y column of the CSV file at path."""
    try:
        with open(path, newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}; give NAME=FILE.csv with an existing file")
    header = list(rows[0]) if rows else []
    missing = [c for c in [x] + ys if c not in header]
    if missing:
        fail(f"{path} has no column {', '.join(missing)}; its header is {header or 'empty'} "
             f"(choose with --x and --y)")
    curves = {}
    for y in ys:
        points = []
        for r in rows:
            px, py = number(r[x]), number(r[y])
            if px is not None and py is not None:
                points.append((px, py, r.get("phase") or ""))
        curves[y] = points
    return curves


def table(curves, x, ys, rows):
    for y in ys:
        print(f"| curve | {x} | {y} |")
        print("| --- | ---: | ---: |")
        for name, columns in curves:
            points = columns[y]
            if not points:
                print(f"| {name} | – | – |")
                continue
            step = max(1, len(points) // rows)
            chosen = points[::step]
            if chosen[-1] is not points[-1]:
                chosen.append(points[-1])
            for px, py, phase in chosen:
                label = f"{name} ({phase})" if phase and phase != name else name
                print(f"| {label} | {px:.0f} | {py:.3f} |")
        if y is not ys[-1]:
            print()


def chart(curves, x, ys, path, width, height):
    """Draws one panel per y column into path (PNG or SVG by its extension); returns the y ranges."""
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        fail("drawing needs matplotlib: apt-get install python3-matplotlib (the table alone does not)")
    matplotlib.rcParams["svg.hashsalt"] = "vivarium"  # the same CSVs give the same SVG
    fig, axes = plt.subplots(len(ys), 1, sharex=True, squeeze=False,
                             figsize=(width, max(2.2, height / len(ys)) * len(ys) if len(ys) > 1 else height))
    ranges = []
    for panel, y in zip(axes[:, 0], ys):
        drawn = 0
        for i, (name, columns) in enumerate(curves):
            points = columns[y]
            if not points:
                print(f"curves: {name} has no numbers in column {y}; its panel leaves it out", file=sys.stderr)
                continue
            drawn += 1
            xs = [p[0] for p in points]
            vs = [p[1] for p in points]
            # a curve of one point has no line to draw: its marker is what shows it
            marker = "o" if len(points) == 1 else ("." if len(points) <= 30 else None)
            panel.plot(xs, vs, color=f"C{i % 10}", label=name, marker=marker,
                       markersize=7 if len(points) == 1 else 4, linewidth=1.5)
        panel.set_ylabel(y)
        panel.grid(True, color="#dddddd", linewidth=0.6)
        panel.margins(x=0.03, y=0.08)
        low, high = panel.get_ylim()
        if low < 0 < high:
            panel.axhline(0, color="#888888", linewidth=0.8)
        ranges.append((y, low, high))
        if drawn and (len(curves) > 1 or len(ys) == 1):
            panel.legend(loc="best", fontsize="small", frameon=False)
    axes[-1, 0].set_xlabel(x)
    fig.tight_layout()
    metadata = {"Date": None} if path.lower().endswith(".svg") else {}
    fig.savefig(path, dpi=100, metadata=metadata)
    plt.close(fig)
    return ranges


def main():
    p = argparse.ArgumentParser(description="Markdown table and matplotlib chart (PNG or SVG) of vivarium learning curves.")
    p.add_argument("--x", default="env_steps", help="column on the x axis (default env_steps; step for tutorials)")
    p.add_argument("--y", default="success_rate",
                   help="column(s) on the y axis, comma-separated: one panel each (default success_rate; score for tutorials)")
    p.add_argument("--rows", type=int, default=8, help="about this many table rows per curve (default 8)")
    p.add_argument("--out", help="also draw the chart to this file: .png or .svg")
    p.add_argument("--svg", help="the same as --out FILE.svg (kept for older command lines)")
    p.add_argument("--size", default="8x4.5", help="chart size in inches at 100 dpi, WxH (default 8x4.5)")
    p.add_argument("--quiet", action="store_true", help="no table on standard output")
    p.add_argument("curves", nargs="+", help="NAME=FILE.csv")
    a = p.parse_args()
    ys = [c.strip() for c in a.y.split(",") if c.strip()]
    if not ys:
        fail("--y names no column; give one or more, e.g. --y success_rate,loss")
    outs = [f for f in (a.out, a.svg) if f]
    for f in outs:
        if os.path.splitext(f)[1].lower() not in (".png", ".svg"):
            fail(f"cannot draw {f}: the chart is written as .png or .svg; name the file so")
    try:
        width, height = (float(v) for v in a.size.lower().split("x"))
    except ValueError:
        fail(f"--size {a.size} is not WxH in inches, e.g. 8x4.5")
    curves = []
    for c in a.curves:
        if "=" not in c:
            fail(f"expected NAME=FILE.csv, got '{c}'")
        name, path = c.split("=", 1)
        curves.append((name, read(path, a.x, ys)))
    if not a.quiet:
        table(curves, a.x, ys, a.rows)
    for f in outs:
        ranges = chart(curves, a.x, ys, f, width, height)
        spans = ", ".join(f"{y} {low:.4g} to {high:.4g}" for y, low, high in ranges)
        print(f"curves: wrote {f} ({len(ys)} panel{'s' if len(ys) > 1 else ''}: {spans})", file=sys.stderr)


if __name__ == "__main__":
    main()
