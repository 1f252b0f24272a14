import {
  barringSeverities,
  type TEnterpriseDisclosure,
  type TEnterpriseIncident,
  type TEnterpriseIp,
  type TIpItem,
} from '@kechuang/contracts';
import type { DB, Kysely, Transaction } from '@kechuang/db';

type Db = Kysely<DB> | Transaction<DB>;

export interface EnterpriseRecords {
  ipItems: TEnterpriseIp[];
  incidents: TEnterpriseIncident[];
  disclosure: TEnterpriseDisclosure;
}

type IpRow = { id: number; number: string; data: unknown; created_at: Date };
type IncidentRow = { id: number; occurred_on: string; kind: string; severity: string; note: string | null; created_at: Date };

export function toIp(r: IpRow): TEnterpriseIp {
  return { ...(r.data as TIpItem), id: r.id, number: r.number, createdAt: r.created_at.toISOString() };
}

export function toIncident(r: IncidentRow): TEnterpriseIncident {
  return {
    id: r.id,
    date: r.occurred_on,
    kind: r.kind as TEnterpriseIncident['kind'],
    severity: r.severity as TEnterpriseIncident['severity'],
    note: r.note,
    createdAt: r.created_at.toISOString(),
  };
}

const byGrantDate = (a: TEnterpriseIp, b: TEnterpriseIp) =>
  (a.grantDate ?? '9999').localeCompare(b.grantDate ?? '9999') || a.number.localeCompare(b.number);

/** IP items, incidents and the completeness declaration of some enterprises, keyed by enterprise id. */
export async function loadRecordsOf(db: Db, ids: readonly number[]): Promise<Map<number, EnterpriseRecords>> {
  const out = new Map<number, EnterpriseRecords>();
  if (ids.length === 0) return out;
  const of = (id: number) => {
    let r = out.get(id);
    if (!r) {
      r = { ipItems: [], incidents: [], disclosure: { ipComplete: false, incidentsComplete: false } };
      out.set(id, r);
    }
    return r;
  };
  for (const id of ids) of(id);
  for (let i = 0; i < ids.length; i += 5000) {
    const part = ids.slice(i, i + 5000);
    const [ips, incidents, disclosures] = await Promise.all([
      db
        .selectFrom('enterprise_ip')
        .select(['id', 'enterprise_id', 'number', 'data', 'created_at'])
        .where('enterprise_id', 'in', part)
        .execute(),
      db
        .selectFrom('enterprise_incident')
        .select(['id', 'enterprise_id', 'occurred_on', 'kind', 'severity', 'note', 'created_at'])
        .where('enterprise_id', 'in', part)
        .orderBy('occurred_on', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      db.selectFrom('enterprise_disclosure').selectAll().where('enterprise_id', 'in', part).execute(),
    ]);
    for (const r of ips) of(r.enterprise_id).ipItems.push(toIp(r));
    for (const r of incidents) of(r.enterprise_id).incidents.push(toIncident(r));
    for (const d of disclosures) of(d.enterprise_id).disclosure = { ipComplete: d.ip_complete, incidentsComplete: d.incidents_complete };
  }
  for (const r of out.values()) r.ipItems.sort(byGrantDate);
  return out;
}

export async function loadRecords(db: Db, id: number): Promise<EnterpriseRecords> {
  return (await loadRecordsOf(db, [id])).get(id) as EnterpriseRecords;
}

/**
 * The engine's view of the stored records. IP items count when there are any or the list is declared
 * complete (an empty complete list = no IP); incidents only when declared complete, since a partial
 * list could hide one inside the window. Only 重大 / 特别重大 incidents reach the engine, which treats
 * every incident it receives as barring.
 */
export function assessmentRecords(r: EnterpriseRecords | undefined): {
  ipItems?: TIpItem[];
  incidents?: Array<{ date: string; kind: TEnterpriseIncident['kind']; note?: string }>;
} {
  if (!r) return {};
  const out: ReturnType<typeof assessmentRecords> = {};
  if (r.ipItems.length > 0 || r.disclosure.ipComplete) {
    out.ipItems = r.ipItems.map(({ id: _id, number: _n, createdAt: _c, ...item }) => item);
  }
  if (r.disclosure.incidentsComplete) {
    out.incidents = r.incidents
      .filter((i) => barringSeverities.has(i.severity))
      .map((i) => ({ date: i.date, kind: i.kind, ...(i.note ? { note: i.note } : {}) }));
  }
  return out;
}
