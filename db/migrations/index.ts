import type { Knex } from 'knex';
import * as initialSchema from './20261128160000_initial_schema';
import * as queueSearchAttachments from './20261128180000_queue_search_attachments';
import * as assessment from './20261128200000_assessment';
import * as pendingRequests from './20261128220000_pending_requests';
import * as searchByRowid from './20261128230000_search_by_rowid';
import * as overdueByReportTime from './20261128233000_overdue_by_report_time';
import * as monthTotals from './20261129000000_month_totals_and_wall_indexes';
import * as indicatorDefinitions from './20261202140000_indicator_definitions';
import * as regionBoundaries from './20261202110000_region_boundaries';
import * as administration from './20261203100000_administration';
import * as personalDataKeyVersion from './20261203150000_personal_data_key_version';
import * as caseNumbersFromEvents from './20261203300000_case_numbers_from_events';
import * as caseEventsByTypeAndTime from './20261203300100_case_events_by_type_and_time';
import * as registers from './20261203400000_registers';
import * as residentListIndex from './20261203400100_resident_list_index';
import * as runRegisterInstances from './20261203450000_run_register_instances';
import * as organisationReferrals from './20261203600000_organisation_referrals';
import * as hub from './20261203700000_hub';
import * as syncNode from './20261203800000_sync_node';

interface Migration {
  name: string;
  up: (knex: Knex) => Promise<void>;
  down: (knex: Knex) => Promise<void>;
}

/**
 * Every migration, in order. An explicit list: a bundler cannot lose a file, and the
 * schema snapshot test fails when the schema changes without a new entry here.
 */
export const MIGRATIONS: readonly Migration[] = [
  { name: '20261128160000_initial_schema', ...initialSchema },
  { name: '20261128180000_queue_search_attachments', ...queueSearchAttachments },
  { name: '20261128200000_assessment', ...assessment },
  { name: '20261128220000_pending_requests', ...pendingRequests },
  { name: '20261128230000_search_by_rowid', ...searchByRowid },
  { name: '20261128233000_overdue_by_report_time', ...overdueByReportTime },
  { name: '20261129000000_month_totals_and_wall_indexes', ...monthTotals },
  { name: '20261202110000_region_boundaries', ...regionBoundaries },
  { name: '20261202140000_indicator_definitions', ...indicatorDefinitions },

  // administration (20261203100000–20261203199999)
  { name: '20261203100000_administration', ...administration },
  { name: '20261203150000_personal_data_key_version', ...personalDataKeyVersion },

  // import (20261203200000–20261203299999)

  // security (20261203300000–20261203399999)
  { name: '20261203300000_case_numbers_from_events', ...caseNumbersFromEvents },
  { name: '20261203300100_case_events_by_type_and_time', ...caseEventsByTypeAndTime },

  // registry (20261203400000–20261203499999)
  { name: '20261203400000_registers', ...registers },
  { name: '20261203400100_resident_list_index', ...residentListIndex },
  { name: '20261203450000_run_register_instances', ...runRegisterInstances },

  // triage (20261203500000–20261203599999)

  // orgref (20261203600000–20261203699999)
  { name: '20261203600000_organisation_referrals', ...organisationReferrals },

  // hub (20261203700000–20261203799999)
  { name: '20261203700000_hub', ...hub },
  // sync node (20261203800000–20261203899999)
  { name: '20261203800000_sync_node', ...syncNode },
];

export const migrationSource: Knex.MigrationSource<Migration> = {
  getMigrations: async () => [...MIGRATIONS],
  getMigrationName: (m) => m.name,
  getMigration: async (m) => m,
};
