/** The five onboarding kinds, in the order an office fills them (regions and departments before the people in them). */
import { CATEGORIES_SPEC } from './catalogue';
import type { KindSpec, OnboardingKind } from './columns';
import { USERS_SPEC } from './people';
import { REGIONS_SPEC } from './regions';
import { DEPARTMENTS_SPEC, ORGANISATIONS_SPEC } from './units';

export const KIND_SPECS: Record<OnboardingKind, KindSpec> = {
  regions: REGIONS_SPEC,
  departments: DEPARTMENTS_SPEC,
  organisations: ORGANISATIONS_SPEC,
  categories: CATEGORIES_SPEC,
  users: USERS_SPEC,
};
