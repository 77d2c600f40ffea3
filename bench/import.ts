/**
 * import (issue 9): 100,000 past cases from one .xlsx (≤ 60 s, peak RSS < 500 MB) and
 * 10,000 users (≤ 5 s). The users half is the onboarding import's (null until it lands).
 */
import { parseArgs } from 'node:util';
import { benchCasesImport } from './importCases';
import { log } from './stats';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' } } });
const cases = await benchCasesImport(Number(values.cases));
log(`${cases.cases} cases in ${cases.import_ms} ms, peak RSS ${cases.peak_rss_mb} MB`);
console.log(JSON.stringify({ bench: 'import', ...cases, users: null, users_ms: null }));
