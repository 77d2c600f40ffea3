import type { Role } from '../domain/roles';

/** The kinds of base-data record a grid worker keeps and re-verifies. */
export const RECORD_KINDS = ['resident', 'house', 'component'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const RECORD_KIND_LABELS: Record<RecordKind, string> = { resident: '人口', house: '房屋', component: '部件' };

const DAY_MS = 86_400_000;

/** How often each kind is re-verified when nothing more specific applies. */
export const CYCLE_DAYS: Record<RecordKind, number> = { resident: 365, house: 365, component: 90 };

export interface TagDefinition {
  label: string;
  /** Who may see that a resident carries this tag; others see neither the tag nor its note. */
  visibleTo: readonly Role[];
  /** A resident carrying the tag is re-verified this often (special groups: monthly). */
  cycleDays: number;
}

const ALL_REGISTER_ROLES: readonly Role[] = ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker'];
const CASEWORK: readonly Role[] = ['admin', 'shift_leader', 'grid_worker'];

/**
 * The groups grid workers look after. Tags that help whoever answers a call (an elderly person
 * living alone) are visible to every register role; health and justice matters only to those
 * who do the casework.
 */
export const TAGS = {
  elderly_alone: { label: '独居老人', visibleTo: ALL_REGISTER_ROLES, cycleDays: 30 },
  disabled: { label: '残疾人', visibleTo: ALL_REGISTER_ROLES, cycleDays: 30 },
  left_behind_child: { label: '留守儿童', visibleTo: ALL_REGISTER_ROLES, cycleDays: 30 },
  low_income: { label: '低保', visibleTo: ['admin', 'dispatcher', 'shift_leader', 'grid_worker'], cycleDays: 30 },
  severe_mental_illness: { label: '严重精神障碍', visibleTo: CASEWORK, cycleDays: 30 },
  community_correction: { label: '社区矫正', visibleTo: CASEWORK, cycleDays: 30 },
} as const satisfies Record<string, TagDefinition>;

export type TagCode = keyof typeof TAGS;
export const TAG_CODES = Object.keys(TAGS) as TagCode[];

export const tagVisibleTo = (tag: TagCode, role: Role): boolean => (TAGS[tag].visibleTo as readonly Role[]).includes(role);

/** A record's next due time: the shortest cycle among its kind and its tags, from when it was verified. */
export function nextDueAt(kind: RecordKind, verifiedAt: number, tags: readonly TagCode[] = []): number {
  const days = Math.min(CYCLE_DAYS[kind], ...tags.map((t) => TAGS[t].cycleDays));
  return verifiedAt + days * DAY_MS;
}
