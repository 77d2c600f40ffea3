/**
 * import (issue 9): 100,000 past cases from one .xlsx (≤ 60 s, peak RSS < 500 MB) and
 * 10,000 users (≤ 5 s). Cases first, so that their peak RSS is the process's own.
 */
import { parseArgs } from 'node:util';
import { benchCasesImport } from './importCases';
import { benchUsersImport } from './importUsers';
import { log } from './stats';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, users: { type: 'string', default: '10000' } } });
const cases = await benchCasesImport(Number(values.cases));
log(`${cases.cases} cases in ${cases.import_ms} ms, peak RSS ${cases.peak_rss_mb} MB`);
const users = await benchUsersImport(Number(values.users));
log(`${users.users} users in ${users.users_ms} ms`);
console.log(JSON.stringify({ bench: 'import', ...cases, ...users }));
