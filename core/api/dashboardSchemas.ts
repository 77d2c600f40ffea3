import { z } from 'zod';
import { periodSpec } from './assessmentSchemas';
import { id } from './schemas';

export const dashboardInput = z.strictObject({ period: periodSpec.optional(), streetId: id.optional() });
/** A wall PC without a session passes the display key from its kiosk URL. */
export const bigScreenInput = z.strictObject({ key: z.string().max(64).optional() });
export const displayKeyInput = z.strictObject({ rotate: z.boolean().default(false) });
