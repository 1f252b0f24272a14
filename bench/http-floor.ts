/**
 * What the uncached list costs below HTTP, for bench:http: the same distinct list queries run in this process,
 * one after another, (1) through the domain layer (listOrgs: policy, query building, the driver, the database,
 * the rows mapped) and (2) as the finished SQL straight through the driver (the driver and the database only).
 * The CPU per request of each, with PostgreSQL's own processes counted on that database, bounds what any HTTP
 * layer above can reach: a server on these cores cannot answer more requests per second than the cores can run
 * its database work.
 */
import fs from 'node:fs';
import { ZOrgListQuery } from '@kechuang/contracts';
import { demoActor } from '../packages/core/src/demo/demo-actor.ts';
import { type Ctx, listOrgs, noCache } from '../packages/core/src/index.ts';
import { type Database, openDb } from '../packages/db/src/index.ts';
import { cpuSeconds } from './harness.ts';

type Plugin = Parameters<Database['db']['withPlugin']>[0];
type Sent = Parameters<Plugin['transformQuery']>[0];
type Compiled = ReturnType<ReturnType<Database['db']['getExecutor']>['compileQuery']>;

export interface Floor {
  /** CPU µs per request through listOrgs (this process, plus PostgreSQL's processes on that database) */
  domain: number;
  /** CPU µs per request of the finished SQL through the driver alone */
  driver: number;
  /** of which in PostgreSQL's own processes (0 on the embedded database) */
  database: number;
  requests: number;
}

/** CPU seconds of every process named postgres (the throwaway server runs on this machine) */
function postgresCpu(): number {
  let s = 0;
  for (const p of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      if (fs.readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'postgres') s += cpuSeconds(Number(p)) ?? 0;
    } catch {
      // ended meanwhile
    }
  }
  return s;
}

/** the list query's input as the route parses it from a bench path (the route's own contract) */
const inputOf = (pathWithQuery: string) => ZOrgListQuery.parse(Object.fromEntries(new URL(pathWithQuery, 'http://x').searchParams));

export async function measureFloor(
  target: { dataDir?: string; databaseUrl?: string },
  username: string,
  paths: () => string,
  requests: number,
): Promise<Floor> {
  const database = await openDb({ ...target, migrate: false });
  try {
    const actor = await demoActor(database, username);
    // the statements listOrgs sends, kept as they go by, to be sent again as finished SQL
    const seen: Sent[] = [];
    const capture: Plugin = {
      transformQuery: (args) => {
        seen.push(args);
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const ctx: Ctx = { db: database.db.withPlugin(capture), actor, ip: null, now: () => new Date(), cache: noCache, via: 'bench' };
    const inputs = Array.from({ length: requests }, () => inputOf(paths()));
    for (const input of inputs.slice(0, 200)) await listOrgs(ctx, input); // warm: JIT, prepared statements
    seen.length = 0;

    const timed = async (run: () => Promise<void>) => {
      const pg0 = database.kind === 'postgres' ? postgresCpu() : 0;
      const c0 = process.cpuUsage();
      await run();
      const c = process.cpuUsage(c0);
      const pg = database.kind === 'postgres' ? postgresCpu() - pg0 : 0;
      return { here: (c.user + c.system) / requests, database: (pg * 1e6) / requests };
    };
    const domain = await timed(async () => {
      for (const input of inputs) await listOrgs(ctx, input);
    });
    const executor = database.db.getExecutor();
    const compiled: Compiled[] = seen.map((s) => executor.compileQuery(s.node, s.queryId));
    const driver = await timed(async () => {
      for (const c of compiled) await database.db.executeQuery(c);
    });
    return {
      domain: domain.here + domain.database,
      driver: driver.here + driver.database,
      database: driver.database,
      requests,
    };
  } finally {
    await database.close();
  }
}
