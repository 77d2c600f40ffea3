import { openDatabase } from '../db/connection';
import { buildHub } from './app';
import { hubConfigFromEnv } from './config';
import { createEnrolCode, listNodes, parseScope, revokeNode } from './nodes';
import { pruneLog } from './changeLog';

const USAGE = `用法 / usage:
  npm run hub                                   启动中心服务（默认内嵌 SQLite：./hub-data/hub.sqlite；设置 DATABASE_URL 使用 PostgreSQL）
  npm run hub -- enrol-code --scope street:<街道编号>|department:<部门编号>|district [--hours 24]
  npm run hub -- revoke --node <节点编号>
  npm run hub -- nodes
  npm run hub -- prune --through <序号>           丢弃该序号及之前的变更日志（更早的节点需重新获取快照）`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]): Promise<void> {
  const config = hubConfigFromEnv();
  const knex = await openDatabase(config.db);
  const command = args[0] ?? 'serve';
  if (command === 'serve') {
    const app = buildHub(knex, { maxDriftMs: config.maxDriftMs, logger: true });
    const stop = async () => {
      await app.close();
      await knex.destroy();
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
    await app.listen({ host: config.host, port: config.port });
    return;
  }
  try {
    if (command === 'enrol-code') {
      const scope = parseScope(option(args, 'scope') ?? '');
      const { code, expiresAt } = await createEnrolCode(knex, scope, Date.now(), Number(option(args, 'hours') ?? 24));
      console.log(JSON.stringify({ code, scope, expiresAt: new Date(expiresAt).toISOString() }));
    } else if (command === 'revoke') {
      const nodeId = option(args, 'node') ?? '';
      if (!(await revokeNode(knex, nodeId, Date.now()))) throw new Error(`没有未吊销的节点 ${nodeId}`);
      console.log(JSON.stringify({ revoked: nodeId }));
    } else if (command === 'nodes') {
      console.log(JSON.stringify(await listNodes(knex), null, 2));
    } else if (command === 'prune') {
      const through = Number(option(args, 'through'));
      if (!Number.isSafeInteger(through) || through < 0) throw new Error('--through 应为变更序号（非负整数）');
      console.log(JSON.stringify({ logFloor: await pruneLog(knex, through) }));
    } else {
      throw new Error(`未知命令 ${command}\n${USAGE}`);
    }
  } finally {
    await knex.destroy();
  }
}

main(process.argv.slice(2)).catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
