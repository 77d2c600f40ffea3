import { describe, expect, it } from 'vitest';
import { readBoundary } from '../../core/regions/geojsonFeatures';
import { areaM2, distanceToBoundaryM, overlapOf, selfIntersection, unionOf, type RegionBoundary, type Ring } from '../../core/regions/geometry';
import { gridNeighbours, gridsNear } from '../../core/regions/neighbours';

// Hand-made shapes near Chongqing: 0.001° is about 97 m east-west and 111 m north-south there.
const LNG = 106.6;
const LAT = 29.67;
const square = (x: number, y: number, size = 0.001): Ring => [
  [LNG + x, LAT + y], [LNG + x + size, LAT + y], [LNG + x + size, LAT + y + size], [LNG + x, LAT + y + size], [LNG + x, LAT + y],
];
const polygon = (ring: Ring): RegionBoundary => ({ type: 'Polygon', coordinates: [ring] });

describe('rings', () => {
  it('finds the crossing edges of a bow-tie', () => {
    const bowTie: Ring = [[LNG, LAT], [LNG + 0.001, LAT + 0.001], [LNG + 0.001, LAT], [LNG, LAT + 0.001], [LNG, LAT]];
    expect(selfIntersection(bowTie)).toEqual([1, 3]);
    const read = readBoundary({ type: 'Polygon', coordinates: [bowTie] });
    expect(read.boundary).toBeNull();
    expect(read.faults).toEqual(['外环自相交：第 1 条边与第 3 条边相交']);
  });

  it('accepts a simple ring, also with a repeated point and a concave notch', () => {
    expect(selfIntersection(square(0, 0))).toBeNull();
    const notch: Ring = [[0, 0], [4, 0], [4, 4], [2, 1], [2, 1], [0, 4], [0, 0]];
    expect(selfIntersection(notch)).toBeNull();
  });

  it('finds a ring that touches itself or doubles back', () => {
    // The fourth vertex lands on the first edge.
    expect(selfIntersection([[0, 0], [4, 0], [4, 4], [2, 0], [0, 4], [0, 0]])).not.toBeNull();
    // A spike: out along the top edge and straight back.
    expect(selfIntersection([[0, 0], [4, 0], [4, 4], [6, 4], [2, 4], [0, 4], [0, 0]])).not.toBeNull();
  });

  it('reports an unclosed ring, a too-short ring, a wrong geometry type and coordinates outside China', () => {
    const open = [[106.6, 29.67], [106.601, 29.67], [106.601, 29.671], [106.6, 29.671]];
    expect(readBoundary({ type: 'Polygon', coordinates: [open] }).faults).toEqual(['外环未闭合：首点 (106.6, 29.67) 与末点 (106.6, 29.671) 不同']);
    expect(readBoundary({ type: 'Polygon', coordinates: [[[LNG, LAT], [LNG + 0.001, LAT], [LNG, LAT]]] }).faults).toEqual(['外环只有 3 个点，至少需要 4 个（首尾相同）']);
    expect(readBoundary({ type: 'LineString', coordinates: square(0, 0) }).faults).toEqual(['几何类型为 LineString，只接受 Polygon 或 MultiPolygon']);
    const swapped = square(0, 0).map(([x, y]) => [y, x]);
    expect(readBoundary({ type: 'Polygon', coordinates: [swapped] }).faults[0]).toContain('超出中国经纬度范围');
    expect(readBoundary({ type: 'Polygon', coordinates: [swapped] }).faults[0]).toContain('经纬度是否写反了');
    expect(readBoundary({ type: 'Polygon', coordinates: [square(-40, 0)] }).faults[0]).toContain('超出中国经纬度范围');
    expect(readBoundary(null).faults).toEqual(['缺少几何图形（geometry 为空）']);
  });

  it('reads a MultiPolygon and names the faulty part', () => {
    const ok = readBoundary({ type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(0.002, 0)]] });
    expect(ok.faults).toEqual([]);
    expect(ok.boundary?.type).toBe('MultiPolygon');
    const bad = readBoundary({ type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(0.002, 0).slice(0, 4)]] });
    expect(bad.faults[0]).toMatch(/^第 2 个多边形的外环未闭合/);
  });
});

describe('areas and overlaps', () => {
  it('measures a 0.001° square at 29.67°N as about 97 m × 111 m', () => {
    const expected = 111_320 * 0.001 * Math.cos((29.6705 * Math.PI) / 180) * 111_320 * 0.001;
    expect(areaM2(polygon(square(0, 0)))).toBeCloseTo(expected, -1);
  });

  it('two squares sharing an edge do not overlap', () => {
    const overlap = overlapOf(polygon(square(0, 0)), polygon(square(0.001, 0)));
    expect(overlap.overlaps).toBe(false);
    expect(overlap.areaM2).toBeLessThan(1);
  });

  it('two overlapping squares do, by the area they share', () => {
    const overlap = overlapOf(polygon(square(0, 0)), polygon(square(0.0005, 0.0005)));
    expect(overlap.overlaps).toBe(true);
    expect(overlap.areaM2 / areaM2(polygon(square(0, 0)))).toBeCloseTo(0.25, 2);
  });

  it('a grid drawn twice, or inside another along its edges, overlaps (the quick neighbour test does not hide it)', () => {
    expect(overlapOf(polygon(square(0, 0)), polygon(square(0, 0))).overlaps).toBe(true);
    const corner: Ring = [[LNG, LAT], [LNG + 0.001, LAT], [LNG, LAT + 0.001], [LNG, LAT]];
    const inside = overlapOf(polygon(square(0, 0)), polygon(corner));
    expect(inside.overlaps).toBe(true);
    expect(inside.areaM2 / areaM2(polygon(square(0, 0)))).toBeCloseTo(0.5, 2);
  });

  it('a sliver along a border digitised twice is a shared border, a block is an overlap', () => {
    // The right square's west edge drawn 0.5 m into the left one: long and thin.
    const sliver = square(0.001 - 0.5 / 96_700, 0);
    expect(overlapOf(polygon(square(0, 0)), polygon(sliver)).overlaps).toBe(false);
    // 10 m into it: a strip of buildings claimed by both.
    const block = square(0.001 - 10 / 96_700, 0);
    expect(overlapOf(polygon(square(0, 0)), polygon(block)).overlaps).toBe(true);
  });

  it('unites neighbours into one outline', () => {
    const union = unionOf([polygon(square(0, 0)), polygon(square(0.001, 0))]);
    expect(union).toHaveLength(1);
    expect(areaM2({ type: 'MultiPolygon', coordinates: union })).toBeCloseTo(2 * areaM2(polygon(square(0, 0))), -1);
  });
});

describe('neighbours', () => {
  const grids = [
    { id: 'a', boundary: polygon(square(0, 0)) },
    { id: 'b', boundary: polygon(square(0.001, 0)) },
    { id: 'c', boundary: polygon(square(0.003, 0)) },
  ];

  it('grids sharing a border are neighbours, a grid 190 m away is not', () => {
    const n = gridNeighbours(grids);
    expect([...n.get('a')!]).toEqual(['b']);
    expect([...n.get('c')!]).toEqual([]);
  });

  it('finds the grids within 100 m of a point', () => {
    // 30 m west of the a|b border, inside a.
    const point: [number, number] = [LNG + 0.001 - 30 / 96_700, LAT + 0.0005];
    expect(gridsNear(point, grids, 100).sort()).toEqual(['a', 'b']);
    expect(distanceToBoundaryM(point, grids[1]!.boundary)).toBeCloseTo(30, 0);
  });
});
