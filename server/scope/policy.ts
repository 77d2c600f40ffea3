import type { SyncedTable } from '../../db/writePath';

/**
 * How each synced table is scoped on the hub (docs/hub.md "Scopes"):
 * - `case`: bound to a case by `case_id`; its street's nodes, the departments it is dispatched to now and
 *   district nodes receive it; the same may write it.
 * - `register`: bound to a grid by `grid_id`; its street's nodes and district nodes read and write it.
 * - `regional`: district-wide reference data that belongs to a place or a department (regions, users,
 *   organisations): everyone receives it; district nodes write all of it, a street node the rows in its
 *   street, a department node its own department's users.
 * - `district`: district-wide reference data only district nodes write (departments, categories, the
 *   calendar, schemes, settings, assessment runs); everyone receives it.
 * - `audit`: each node writes its own; only district nodes receive it.
 * - `shared`: anyone writes, everyone receives (attachments: they carry no case link yet).
 */
export type TableScope = 'case' | 'register' | 'regional' | 'district' | 'audit' | 'shared';

export const TABLE_SCOPES: Record<SyncedTable, TableScope> = {
  case_events: 'case',
  ledger_actions: 'case',
  households: 'register',
  residents: 'register',
  houses: 'register',
  city_components: 'register',
  register_verifications: 'register',
  regions: 'regional',
  users: 'regional',
  organisations: 'regional',
  departments: 'district',
  categories: 'district',
  category_versions: 'district',
  calendar_days: 'district',
  schemes: 'district',
  settings: 'district',
  assessment_runs: 'district',
  audit_log: 'audit',
  attachments: 'shared',
};

/** Append-only tables: merged by union (insert if absent); everything else per column by HLC. */
export const UNION_TABLES: ReadonlySet<string> = new Set(['case_events', 'audit_log']);
