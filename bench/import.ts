/**
 * import (issue 9): 100,000 past cases from one .xlsx (≤ 60 s, peak RSS < 500 MB) and
 * 10,000 users (≤ 5 s). The cases half is the history import's (null until it lands).
 */
import { parseArgs } from 'node:util';
import { benchUsersImport } from './importUsers';
import { log } from './stats';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, users: { type: 'string', default: '10000' } } });
const users = await benchUsersImport(Number(values.users));
log(`${users.users} users in ${users.users_ms} ms`);
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
console.log(JSON.stringify({ bench: 'import', cases: null, import_ms: null, cases_per_s: null, peak_rss_mb: peakRssMb, ...users }));
