import type { TRole } from '@kechuang/contracts';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './testing.ts';

/*
 * Background jobs: their rows of the access table (access.test.ts). "in" is a job of the 衡阳 bureau's scope
 * (430400), "out" one of 武汉 (420100); neither was started by a role's own account, so only the planners
 * (admin, planner) of the job's region may follow it — a job's creator may always (plan-bulletin.test.ts).
 * Generating a bulletin now answers 202 with its job: the row restates the bulletin route with that status.
 */
interface FxLike {
  t: TestApp;
  role: TRole;
  ids: Record<string, number>;
}
type Req = (fx: FxLike) => Promise<InjectOptions> | InjectOptions;
interface EntryLike {
  in: TRole[];
  out?: TRole[];
  reqIn: Req;
  reqOut?: Req;
  okStatus?: number;
}

const planners: TRole[] = ['admin', 'planner'];

async function job(t: TestApp, regionCode: string): Promise<number> {
  const { id } = await t.database.db
    .insertInto('job')
    // an ended job: no queue takes it up while the table is run
    .values({ kind: 'plan.bulletin', params: '{}', region_code: regionCode, status: 'succeeded', result: '{"ok":true}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function jobsAccessEntries(): Record<string, EntryLike> {
  const bulletin = { periodLabel: '2026年5月', asOf: '2026-05-31' };
  return {
    'GET /api/jobs/:id': {
      in: planners,
      out: [],
      reqIn: async (fx) => ({ method: 'GET', url: `/api/jobs/${await job(fx.t, '430400')}` }),
      reqOut: async (fx) => ({ method: 'GET', url: `/api/jobs/${await job(fx.t, '420100')}` }),
    },
    'POST /api/plans/:id/bulletins': {
      in: planners,
      out: [],
      okStatus: 202,
      reqIn: (fx) => ({ method: 'POST', url: `/api/plans/${fx.ids.planIn}/bulletins`, payload: bulletin }),
      reqOut: (fx) => ({ method: 'POST', url: `/api/plans/${fx.ids.planOut}/bulletins`, payload: bulletin }),
    },
  };
}
