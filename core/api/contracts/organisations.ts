// Social organisations that take cases: the participation board (issue 12 §3).
import { z } from 'zod';
import { periodSpec } from '../assessmentSchemas';
import { ASSESSORS, method } from '../method';
import type { ParticipationBoard } from '../organisationTypes';

export const participationInput = z.strictObject({ period: periodSpec.optional() });

export const organisationMethods = {
  'organisations.participation': method<ParticipationBoard>()({ input: participationInput, access: ASSESSORS }),
} as const;
