import type { RegionMap } from '@core/api/regionTypes';
import { echarts } from './echartsSetup';

/**
 * The office's grid map (from the backend, `regions.map`) registered with ECharts. Features are
 * named by their 15-digit grid code; each version registers under its own name, so a redrawn
 * boundary is never served from ECharts' cache of the old one.
 */
const registered = new Set<string>();

export const gridMapName = (map: RegionMap): string => `griddesk-grids-${map.version}`;

export function registerGridMap(map: RegionMap): string {
  const name = gridMapName(map);
  if (!registered.has(name)) {
    echarts.registerMap(name, map.features as unknown as Parameters<typeof echarts.registerMap>[1]);
    registered.add(name);
  }
  return name;
}

/** '双湖社区第一网格' → '第一网格' under its community's label, when the name repeats it. */
export const shortGridName = (name: string, communityName: string): string =>
  name.startsWith(communityName) && name.length > communityName.length ? name.slice(communityName.length) : name;
