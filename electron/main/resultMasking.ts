import type { SessionUser } from '../../core/api/types';
import { WALL_POLICY, maskResult, policyFor } from '../../core/masking';

/** Results with no personal data, or too large to walk (files are masked as they are made). */
const NOT_WALKED = new Set(['reference.get', 'attachments.get', 'attachments.upload', 'assessment.export', 'triage.suggest', 'auth.login', 'auth.me', 'setup.status',
  // registry.reveal is the audited unmasking of one resident, and a register export is masked as it is made (issue 12).
  'registry.reveal', 'registry.exportResidents', 'registry.export', 'registry.template']);

/** The masking step of every result: by the caller's role, and a wall's policy for the wall whoever asks. */
export function maskedFor<T>(method: string, user: SessionUser | null, result: T): T {
  if (method === 'bigscreen.snapshot') return maskResult(result, WALL_POLICY);
  if (!user || NOT_WALKED.has(method) || method.startsWith('regions.')) return result;
  return maskResult(result, policyFor(user.role));
}
