import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { RegionMap } from '@core/api/regionTypes';
import { call } from '../api/client';

/**
 * The office's grid map, fetched from the backend (`regions.map`) and kept while its version
 * holds: dashboards and walls pass the version their data came with, and only a new version
 * makes this ask for the map again (the backend answers "unchanged" without the polygons).
 */
export const useRegionMapStore = defineStore('regionMap', () => {
  const map = shallowRef<RegionMap | null>(null);
  const failed = shallowRef(false);
  let loading: Promise<void> | null = null;
  let wanted: string | undefined;

  async function fetchMap(key: string | undefined): Promise<void> {
    try {
      const result = await call('regions.map', { ...(key ? { key } : {}), ...(map.value ? { version: map.value.version } : {}) });
      if (result.map) map.value = result.map;
      failed.value = false;
    } catch {
      failed.value = true;
    }
  }

  /** Makes sure the map is at least `version` (any version when not given). */
  function ensure(version: string | undefined, key?: string): Promise<void> {
    if (map.value && (version === undefined || map.value.version === version)) return Promise.resolve();
    if (loading && version === wanted) return loading;
    wanted = version;
    loading = fetchMap(key).finally(() => (loading = null));
    return loading;
  }

  return { map, failed, ensure };
});
