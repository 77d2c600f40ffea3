import type { FeatureAction, FeaturePlan, GeoJsonImportPlan, ImportFault } from '../regions/geojsonImport';
import type { RegionMap } from '../regions/regionMap';
import type { RegionLevel } from './types';

/** One row of the admin's region tree. */
export interface RegionAdminNode {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
  households: number | null;
  description: string;
  active: boolean;
  hasBoundary: boolean;
  /** Cases reported in it (grids: their own; communities and streets: their grids'). */
  cases: number;
  /** Accounts assigned to it (grid workers). */
  users: number;
}

export interface RegionImportPreview {
  properties: string[];
  codeProperty: string | null;
  nameProperty: string | null;
  features: FeaturePlan[];
  implied: GeoJsonImportPlan['implied'];
  faults: ImportFault[];
  /** The file's features by outcome (the implied parents are listed in `implied`). */
  counts: { create: number; update: number; unchanged: number; invalid: number };
}

export interface RegionImportResult {
  created: string[];
  updated: string[];
  unchanged: number;
}

export interface RegionMapResult {
  version: string;
  /** Null when the client's copy (the version it sent) is current. */
  map: RegionMap | null;
}

export type { FeatureAction, FeaturePlan, ImportFault, RegionMap };
