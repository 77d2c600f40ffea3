import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { CategoryRef, DepartmentRef, OrganisationRef, ReferenceData, RegionRef } from '@core/api/types';
import { call } from '../api/client';

const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);

export interface MajorCategory {
  code: string;
  name: string;
  minors: CategoryRef[];
}

/** Regions, departments, categories and organisations: small, rarely changing, needed to turn every id into a name. */
export const useReferenceStore = defineStore('reference', () => {
  const data = shallowRef<ReferenceData | null>(null);
  let loading: Promise<void> | null = null;

  function ensureLoaded(): Promise<void> {
    if (data.value) return Promise.resolve();
    loading ??= call('reference.get', {})
      .then((result) => {
        data.value = result;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  function reset(): void {
    data.value = null;
  }

  /** After an admin edit: fetch again, keeping the current copy on screen until the new one arrives. */
  async function reload(): Promise<void> {
    data.value = await call('reference.get', {});
  }

  /** After an admin edit: the server's copy of one category replaces ours. */
  function updateCategory(category: CategoryRef): void {
    if (!data.value) return;
    data.value = { ...data.value, categories: data.value.categories.map((c) => (c.id === category.id ? category : c)) };
  }

  const indexBy = <T extends { id: string }>(rows: T[] | undefined) => new Map((rows ?? []).map((r) => [r.id, r]));
  const regions = computed(() => indexBy<RegionRef>(data.value?.regions));
  const departments = computed(() => indexBy<DepartmentRef>(data.value?.departments));
  const categories = computed(() => indexBy<CategoryRef>(data.value?.categories));
  const organisations = computed(() => indexBy<OrganisationRef>(data.value?.organisations));

  const childrenOf = computed(() => {
    const map = new Map<string | null, RegionRef[]>();
    for (const r of [...(data.value?.regions ?? [])].sort(byCode)) {
      const list = map.get(r.parentId) ?? [];
      list.push(r);
      map.set(r.parentId, list);
    }
    return map;
  });

  const streets = computed(() => (data.value?.regions ?? []).filter((r) => r.level === 'street').sort(byCode));
  const regionChildren = (parentId: string | undefined): RegionRef[] => (parentId ? (childrenOf.value.get(parentId) ?? []) : []);

  const majors = computed<MajorCategory[]>(() => {
    const map = new Map<string, MajorCategory>();
    for (const c of [...(data.value?.categories ?? [])].sort(byCode)) {
      const major = map.get(c.majorCode) ?? { code: c.majorCode, name: c.majorName, minors: [] };
      major.minors.push(c);
      map.set(c.majorCode, major);
    }
    return [...map.values()];
  });

  const regionName = (id: string | null | undefined): string | null => (id ? (regions.value.get(id)?.name ?? null) : null);

  return {
    data,
    ensureLoaded,
    reset,
    reload,
    updateCategory,
    regions,
    departments,
    categories,
    organisations,
    streets,
    regionChildren,
    majors,
    regionName,
  };
});
