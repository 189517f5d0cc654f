#!/usr/bin/env python3
"""Learning curves from the CSV files that `vivarium train gold` and `vivarium train tutorial`
write beside their brains: a Markdown table (about ROWS rows per curve) on standard output and,
with --svg FILE, a line chart of Y over X for all curves. Standard library only.

  scripts/curves.py --x env_steps --y success_rate --svg docs/curves/gold.svg ppo=ppo.brain.csv grpo=grpo.brain.csv
  scripts/curves.py --x step --y score qa=qa.brain.csv
"""
import argparse
import csv
import sys

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]


def read(path, x, y):
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    if not rows or x not in rows[0] or y not in rows[0]:
        sys.exit(f"curves: {path} has no columns {x} and {y}; its header is {list(rows[0]) if rows else 'empty'}")
    return [(float(r[x]), float(r[y]), r.get("phase", "")) for r in rows]


def table(curves, x, y, rows):
    print(f"| curve | {x} | {y} |")
    print("| --- | ---: | ---: |")
    for name, points in curves:
        step = max(1, len(points) // rows)
        chosen = points[::step]
        if chosen[-1] is not points[-1]:
            chosen.append(points[-1])
        for px, py, phase in chosen:
            label = f"{name} ({phase})" if phase and phase != name else name
            print(f"| {label} | {px:.0f} | {py:.3f} |")


def svg(curves, x, y, path, width=640, height=360, pad=48):
    xmax = max(p[0] for _, pts in curves for p in pts) or 1
    ymax = max(1.0, max(p[1] for _, pts in curves for p in pts))
    def sx(v):
        return pad + (width - 2 * pad) * v / xmax
    def sy(v):
        return height - pad - (height - 2 * pad) * v / ymax
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>']
    out.append(f'<line x1="{pad}" y1="{sy(0)}" x2="{width - pad}" y2="{sy(0)}" stroke="black"/>')
    out.append(f'<line x1="{pad}" y1="{sy(0)}" x2="{pad}" y2="{sy(ymax)}" stroke="black"/>')
    for k in range(5):
        v = ymax * k / 4
        out.append(f'<text x="{pad - 6}" y="{sy(v) + 4}" text-anchor="end">{v:.2f}</text>')
        u = xmax * k / 4
        out.append(f'<text x="{sx(u)}" y="{height - pad + 16}" text-anchor="middle">{u:.0f}</text>')
    out.append(f'<text x="{width / 2}" y="{height - 8}" text-anchor="middle">{x}</text>')
    out.append(f'<text x="12" y="{height / 2}" transform="rotate(-90 12 {height / 2})" text-anchor="middle">{y}</text>')
    for i, (name, pts) in enumerate(curves):
        colour = COLOURS[i % len(COLOURS)]
        line = " ".join(f"{sx(px):.1f},{sy(py):.1f}" for px, py, _ in pts)
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="1.5" points="{line}"/>')
        out.append(f'<text x="{width - pad + 4 - 90}" y="{pad + 14 * i}" fill="{colour}">{name}</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    p = argparse.ArgumentParser(description="Markdown table and SVG chart of vivarium learning curves.")
    p.add_argument("--x", default="env_steps", help="column on the x axis (default env_steps; step for tutorials)")
    p.add_argument("--y", default="success_rate", help="column on the y axis (default success_rate; score for tutorials)")
    p.add_argument("--rows", type=int, default=8, help="about this many table rows per curve (default 8)")
    p.add_argument("--svg", help="also write a line chart to this file")
    p.add_argument("curves", nargs="+", help="NAME=FILE.csv")
    a = p.parse_args()
    curves = []
    for c in a.curves:
        if "=" not in c:
            sys.exit(f"curves: expected NAME=FILE.csv, got '{c}'")
        name, path = c.split("=", 1)
        curves.append((name, read(path, a.x, a.y)))
    table(curves, a.x, a.y, a.rows)
    if a.svg:
        svg(curves, a.x, a.y, a.svg)


if __name__ == "__main__":
    main()
