import type { MoveName } from '@core/workflow/moves';

/** Button order: the workflow's forward path first, then requests and approvals, then the rest. */
export const MOVE_ORDER: readonly MoveName[] = [
  'accept', 'confirm_report', 'file', 'dispatch', 'assign_grid', 'refer', 'accept_referral', 'sign', 'handle', 'verify_pass', 'close',
  'record_callback', 'approve_extension', 'approve_park', 'request_extension', 'request_park', 'refuse_extension',
  'refuse_park', 'request_verification', 'verify_fail', 'return', 'decline_referral', 'supervise', 'instruct', 'flag_urgent', 'merge', 'void',
];

/** Single-key shortcuts of the frequent moves (active when no input has focus). */
export const MOVE_SHORTCUTS: Partial<Record<MoveName, string>> = {
  accept: 'A',
  file: 'F',
  dispatch: 'D',
  sign: 'S',
  handle: 'H',
  verify_pass: 'V',
  close: 'C',
};

export const moveForShortcut = (key: string): MoveName | undefined =>
  (Object.entries(MOVE_SHORTCUTS) as Array<[MoveName, string]>).find(([, k]) => k === key.toUpperCase())?.[0];

export type MoveTone = 'primary' | 'danger' | 'warning' | 'default';

const FORWARD: ReadonlySet<MoveName> = new Set(['accept', 'confirm_report', 'file', 'dispatch', 'accept_referral', 'sign', 'handle', 'verify_pass', 'close', 'record_callback', 'approve_extension', 'approve_park']);
const SETBACK: ReadonlySet<MoveName> = new Set(['void', 'return', 'decline_referral', 'verify_fail', 'refuse_extension', 'refuse_park']);
const ESCALATION: ReadonlySet<MoveName> = new Set(['supervise', 'instruct', 'flag_urgent']);

export function moveTone(move: MoveName): MoveTone {
  if (FORWARD.has(move)) return 'primary';
  if (SETBACK.has(move)) return 'danger';
  if (ESCALATION.has(move)) return 'warning';
  return 'default';
}

/** The form each move needs; moves not listed here are made at once, without a dialog. */
export type MoveForm = 'reason' | 'file' | 'dispatch' | 'refer' | 'extension' | 'handle' | 'verifyPass' | 'callback' | 'supervise' | 'merge';

export const MOVE_FORM: Partial<Record<MoveName, MoveForm>> = {
  void: 'reason',
  request_verification: 'reason',
  return: 'reason',
  decline_referral: 'reason',
  refuse_extension: 'reason',
  request_park: 'reason',
  refuse_park: 'reason',
  verify_fail: 'reason',
  instruct: 'reason',
  file: 'file',
  dispatch: 'dispatch',
  refer: 'refer',
  request_extension: 'extension',
  handle: 'handle',
  verify_pass: 'verifyPass',
  record_callback: 'callback',
  supervise: 'supervise',
  merge: 'merge',
};

/** Reason-form moves whose text goes in `note` rather than `reason`. */
export const NOTE_MOVES: ReadonlySet<MoveName> = new Set(['request_verification', 'instruct']);

export const sortMoves = (moves: readonly MoveName[]): MoveName[] =>
  [...moves].sort((a, b) => MOVE_ORDER.indexOf(a) - MOVE_ORDER.indexOf(b));
