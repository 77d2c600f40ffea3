/**
 * npm run bench -- NAME [options]: runs bench/NAME.ts. Every benchmark prints progress
 * to stderr and, as its last line on stdout, one JSON object with its figures.
 */
const [name, ...rest] = process.argv.slice(2);
const known = ['ingest', 'queue', 'scoring', 'bigscreen', 'triage', 'registry', 'import', 'sync'];
if (!name || !known.includes(name)) {
  console.error(`usage: npm run bench -- <${known.join('|')}>`);
  process.exit(2);
}
process.argv = [process.argv[0]!, process.argv[1]!, ...rest];
await import(`./${name}.ts`);
export {};
