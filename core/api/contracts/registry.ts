// Base-data registers, personal-data protection and social organisations (issue 12).
import type { Role } from '../../domain/roles';
import { REGISTER_ROLES } from '../../registry/access';
import { method } from '../method';
import * as g from '../registrySchemas';
import type {
  AtCaseResult, ComponentRow, RegisterImportOutcome, DueRecord, FreshnessDrillRow, FreshnessRow, HouseRow, ResidentDetail, ResidentPage,
  ResidentImportOutcome, ResidentRow, RevealedResident, VerifyResult, ViewLogRow,
} from '../registryTypes';
import { byId } from '../schemas';
import type { ExportFile } from '../assessmentTypes';

const READERS = REGISTER_ROLES;
/** Who keeps the registers: the grid workers in their grids, admins everywhere. */
const KEEPERS: readonly Role[] = ['admin', 'grid_worker'];
const REVEALERS: readonly Role[] = ['admin', 'dispatcher', 'shift_leader', 'grid_worker'];
const FRESHNESS: readonly Role[] = ['admin', 'leader', 'shift_leader', 'dispatcher', 'grid_worker'];
const CASE_READERS: readonly Role[] = ['admin', 'dispatcher', 'shift_leader', 'leader', 'grid_worker', 'department_staff'];

export const registryMethods = {
  'registry.residents': method<ResidentPage>()({ input: g.residentListInput, access: READERS }),
  'registry.resident': method<ResidentDetail>()({ input: byId, access: READERS }),
  'registry.reveal': method<RevealedResident>()({ input: g.revealInput, access: REVEALERS }),
  'registry.saveResident': method<ResidentRow>()({ input: g.residentInput, access: KEEPERS }),
  'registry.houses': method<{ total: number; rows: HouseRow[] }>()({ input: g.placeListInput, access: READERS }),
  'registry.saveHouse': method<HouseRow>()({ input: g.houseInput, access: KEEPERS }),
  'registry.components': method<{ total: number; rows: ComponentRow[] }>()({ input: g.placeListInput, access: READERS }),
  'registry.saveComponent': method<ComponentRow>()({ input: g.componentInput, access: KEEPERS }),
  'registry.due': method<DueRecord[]>()({ input: g.dueListInput, access: KEEPERS }),
  'registry.verify': method<VerifyResult>()({ input: g.verifyInput, access: KEEPERS }),
  'registry.freshness': method<FreshnessRow[]>()({ input: g.freshnessInput, access: FRESHNESS }),
  'registry.freshnessDrill': method<FreshnessDrillRow[]>()({ input: g.freshnessDrillInput, access: FRESHNESS }),
  'registry.viewLog': method<{ total: number; rows: ViewLogRow[] }>()({ input: g.viewLogInput, access: ['admin'] }),
  'registry.exportResidents': method<ExportFile>()({ input: g.residentExportInput, access: READERS }),
  'registry.importResidents': method<ResidentImportOutcome>()({ input: g.residentImportInput, access: KEEPERS }),
  // Every register as Excel (issue 12 §4): template with 填写说明, dry run / confirm, export masked and watermarked.
  'registry.template': method<ExportFile>()({ input: g.registerTemplateInput, access: KEEPERS }),
  'registry.import': method<RegisterImportOutcome>()({ input: g.registerImportInput, access: KEEPERS }),
  'registry.export': method<ExportFile>()({ input: g.registerExportInput, access: READERS }),
  'registry.atCase': method<AtCaseResult>()({ input: g.atCaseInput, access: CASE_READERS }),
} as const;
