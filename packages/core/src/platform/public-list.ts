import type { TPlatformLevel, TPublicPlatformPage } from '@kechuang/contracts';
import type { Ctx } from '../context.ts';
import { containsPattern, pageWindow } from '../query.ts';
import { reader } from '../reader.ts';

/** The published list: platforms in operation (运行中), with what the 认定 notice states; no login. */
export async function listPublicPlatforms(
  ctx: Ctx,
  input: { page: number; pageSize: number; type?: string | undefined; q?: string | undefined },
): Promise<TPublicPlatformPage> {
  let q = reader(ctx)
    .selectFrom('platform as p')
    .innerJoin('organization as o', 'o.id', 'p.org_id')
    .innerJoin('region as r', 'r.code', 'p.region_code')
    .innerJoin('platform_type as t', (j) => j.onRef('t.code', '=', 'p.type_code').onRef('t.version', '=', 'p.type_version'))
    .select([
      'p.id',
      'p.name',
      't.name as type_name',
      'p.level',
      'o.name as org_name',
      'r.name as region_name',
      'p.doc_no',
      'p.approved_on',
    ])
    .where('p.status', '=', 'active');
  if (input.type) q = q.where('p.type_code', '=', input.type);
  if (input.q) {
    const like = containsPattern(input.q);
    q = q.where((eb) => eb.or([eb('p.name', 'like', like), eb('o.name', 'like', like)]));
  }
  const { limit, offset } = pageWindow(input);
  const rows = await q
    .select((eb) => eb.fn.countAll<string>().over().as('total'))
    .orderBy('p.approved_on', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      typeName: r.type_name,
      level: r.level as TPlatformLevel,
      orgName: r.org_name,
      regionName: r.region_name,
      docNo: r.doc_no,
      approvedOn: r.approved_on,
    })),
    total: Number(rows[0]?.total ?? 0),
    page: input.page,
    pageSize: input.pageSize,
  };
}
