/**
 * bench:load's virtual users. Each reporter works like a person at a desk, pausing between requests: reads
 * 我的任务, takes its most urgent task, opens or starts the report, saves the draft once or twice, attaches a
 * small evidence file, reads the report back and submits it; then the next task. Planners (each looking after
 * a share of the units) read the plan's dashboard, the review queue, open the oldest report of their share and
 * accept it, and read the inbox of all units and of one unit; the first of them starts a progress bulletin
 * every so often (a background job) and follows it to its end. Every acknowledged write is remembered, to be
 * checked afterwards.
 */
import { type Measure, ok, type Session, sleep } from './load-measure.ts';

interface Acked {
  narrative: string;
  attachments: Set<number>;
  submitted: boolean;
  accepted: boolean;
}

type Slot = { period: string; state: string; reportId: number | null };
type InboxItem = { nodeId: number; slots: Slot[] };
type Report = { id: number; rowVersion: number; status: string; narrative: string; attachments: { id: number }[] };
type QueueItem = { reportId: number; orgId: number; rowVersion: number };

const urgent = ['returned', 'overdue', 'due_soon', 'draft'];
const evidence = new TextEncoder().encode('本月进展：完成现场核查 3 次，形成会议纪要 1 份，附工作台账。\n'.repeat(40));

export interface CrowdOptions {
  planId: number;
  openPeriod: string;
  planners: number;
  /** a person's pause between two requests, ms: a random one in [min, max], or min when there is no max */
  thinkMin: number;
  thinkMax: number | undefined;
  /** seconds between bulletins (0: none); the first starts 5 s after the warm-up */
  bulletinEvery: number;
  warmupSeconds: number;
}

export class Crowd {
  /** when the work stops (Date.now()); set once every virtual user is signed in */
  until = 0;
  readonly acked = new Map<number, Acked>();
  readonly counts = { saves: 0, attachments: 0, submissions: 0, accepts: 0 };
  readonly bulletins: Array<{ at: number; startMs: number; doneMs: number | null; status: string }> = [];

  constructor(
    private readonly m: Measure,
    private readonly o: CrowdOptions,
  ) {}

  private ackedOf(id: number): Acked {
    let a = this.acked.get(id);
    if (!a) {
      a = { narrative: '', attachments: new Set(), submitted: false, accepted: false };
      this.acked.set(id, a);
    }
    return a;
  }

  private think() {
    const { thinkMin, thinkMax } = this.o;
    const pause = thinkMax === undefined ? thinkMin : thinkMin + Math.random() * (thinkMax - thinkMin);
    return sleep(Math.max(0, Math.min(this.until - Date.now(), pause)));
  }

  private running() {
    return Date.now() < this.until;
  }

  /** not everyone at the same instant */
  private stagger() {
    return sleep(Math.random() * (this.o.thinkMax ?? this.o.thinkMin));
  }

  async reporter(s: Session, id: number) {
    const m = this.m;
    await this.stagger();
    let n = 0;
    while (this.running()) {
      const inbox = await m.call(s, 'plan-inbox (own unit)', 'GET', '/api/plan-inbox?pageSize=20');
      if (!ok(inbox)) {
        await this.think();
        continue;
      }
      const items = ((inbox.json as { items?: InboxItem[] }).items ?? []).filter((i) => i.slots.length > 0);
      // the most urgent task first (the inbox is sorted so); nothing urgent: the next month's report, early
      let item = items.find((i) => i.slots.some((x) => urgent.includes(x.state)));
      let slot = item?.slots.find((x) => urgent.includes(x.state));
      if (!slot) {
        item = items.find((i) => i.slots.some((x) => x.state === 'upcoming'));
        slot = item?.slots.find((x) => x.state === 'upcoming');
      }
      await this.think();
      if (!item || !slot || !this.running()) continue;
      let report: Report | undefined;
      if (slot.reportId && slot.state !== 'returned') {
        const r = await m.call(s, 'plan-reports/:id', 'GET', `/api/plan-reports/${slot.reportId}`);
        if (ok(r)) report = r.json as Report;
        await this.think();
      }
      const saves = 1 + ((id + n++) % 2);
      for (let k = 0; k < saves && this.running(); k++) {
        const narrative = `第${id + 1}号单位 ${slot.period} 进展：完成第${k + 1}稿（${n}）`;
        const content = { narrative, percent: Math.min(100, 40 + 10 * k + (id % 50)), selfStatus: 'on_track', values: [] };
        const r = report
          ? await m.call(s, 'plan-reports/:id (save)', 'PATCH', `/api/plan-reports/${report.id}`, {
              rowVersion: report.rowVersion,
              ...content,
            })
          : await m.call(s, 'plan-reports (first save)', 'POST', '/api/plan-reports', {
              nodeId: item.nodeId,
              period: slot.period,
              ...content,
            });
        if (!ok(r)) break;
        report = r.json as Report;
        this.ackedOf(report.id).narrative = narrative;
        this.counts.saves++;
        await this.think();
      }
      if (report?.status !== 'draft' || !this.running()) continue;
      if (report.attachments.length === 0) {
        const f = await m.call(
          s,
          'plan-reports/:id/attachments',
          'POST',
          `/api/plan-reports/${report.id}/attachments?filename=${encodeURIComponent(`${slot.period}进展佐证.txt`)}`,
          evidence,
        );
        if (!ok(f)) continue;
        this.ackedOf(report.id).attachments.add((f.json as { id: number }).id);
        this.counts.attachments++;
        const back = await m.call(s, 'plan-reports/:id', 'GET', `/api/plan-reports/${report.id}`);
        if (!ok(back)) continue;
        report = back.json as Report;
        await this.think();
      }
      if (!this.running()) break;
      const sub = await m.call(s, 'plan-reports/:id/submit', 'POST', `/api/plan-reports/${report.id}/submit`, {
        rowVersion: report.rowVersion,
      });
      if (ok(sub)) {
        this.ackedOf(report.id).submitted = true;
        this.counts.submissions++;
      }
      await this.think();
    }
  }

  /** Planner k looks after the units whose id is k modulo the number of planners: no two accept the same report. */
  private async review(s: Session, k: number) {
    const { m, o } = this;
    const q = await m.call(s, 'plans/:id/review-queue', 'GET', `/api/plans/${o.planId}/review-queue?pageSize=50`);
    if (!ok(q)) return;
    const item = (q.json as { items: QueueItem[] }).items.find((i) => i.orgId % o.planners === k);
    await this.think();
    if (!item || !this.running()) return;
    const r = await m.call(s, 'plan-reports/:id', 'GET', `/api/plan-reports/${item.reportId}`);
    if (!ok(r)) return;
    await this.think();
    const a = await m.call(s, 'plan-reports/:id/accept', 'POST', `/api/plan-reports/${item.reportId}/accept`, {
      rowVersion: (r.json as Report).rowVersion,
      comment: '同意。',
    });
    if (ok(a)) {
      this.ackedOf(item.reportId).accepted = true;
      this.counts.accepts++;
    }
  }

  /** One bulletin every bulletinEvery seconds, started as a job and followed to its end. */
  private async bulletinLoop(s: Session) {
    const { m, o } = this;
    let n = 0;
    // the first 5 s into the measured run
    await sleep(o.warmupSeconds * 1000 + 5000);
    while (this.running() && o.bulletinEvery > 0) {
      const next = Date.now() + o.bulletinEvery * 1000;
      const t0 = performance.now();
      const r = await m.call(s, 'plans/:id/bulletins', 'POST', `/api/plans/${o.planId}/bulletins`, {
        periodLabel: `${o.openPeriod} 第${++n}期`,
      });
      const entry = { at: (t0 - m.runStart) / 1000, startMs: r.ms, doneMs: null as number | null, status: String(r.status) };
      this.bulletins.push(entry);
      if (r.status === 202) {
        m.bulletinRunning = true;
        const jobId = (r.json as { id: number }).id;
        for (;;) {
          await sleep(1000);
          const j = await m.call(s, 'jobs/:id', 'GET', `/api/jobs/${jobId}`);
          const status = (j.json as { status?: string })?.status ?? String(j.status);
          if (status === 'succeeded' || status === 'failed' || !ok(j)) {
            entry.status = status;
            entry.doneMs = performance.now() - t0;
            m.bulletinRunning = false;
            break;
          }
        }
      }
      while (Date.now() < Math.min(next, this.until)) await sleep(200);
    }
  }

  async planner(s: Session, k: number, unitIds: number[]) {
    const { m, o } = this;
    const bulletin = k === 0 ? this.bulletinLoop(s) : Promise.resolve();
    await this.stagger();
    let n = 0;
    while (this.running()) {
      await m.call(s, 'plans/:id/dashboard', 'GET', `/api/plans/${o.planId}/dashboard`);
      await this.think();
      if (!this.running()) break;
      await this.review(s, k);
      await this.think();
      if (!this.running()) break;
      if (n++ % 2 === 0) await m.call(s, 'plan-inbox (all units)', 'GET', `/api/plan-inbox?planId=${o.planId}&pageSize=50`);
      else {
        const unit = unitIds[(k + n * o.planners) % Math.max(1, unitIds.length)];
        await m.call(s, 'plan-inbox (one unit)', 'GET', `/api/plan-inbox?planId=${o.planId}&orgId=${unit}&pageSize=50`);
      }
      await this.think();
      if (n % 3 === 0 && this.running()) {
        await m.call(s, 'plans', 'GET', '/api/plans');
        await this.think();
      }
    }
    await bulletin;
  }

  /** Every acknowledged write is there: the draft's last acknowledged narrative, its evidence, its submission, its acceptance. */
  async lostWrites(checker: Session) {
    const lost = { drafts: 0, attachments: 0, submissions: 0, accepts: 0 };
    const entries = [...this.acked.entries()];
    await inBatches(entries.length, 16, async (i) => {
      const [rid, a] = entries[i] as [number, Acked];
      const r = await this.m.call(checker, 'check', 'GET', `/api/plan-reports/${rid}`);
      const body = r.json as Report;
      if (!ok(r)) {
        lost.drafts++;
        return;
      }
      if (a.narrative && body.narrative !== a.narrative) lost.drafts++;
      const files = new Set(body.attachments.map((f) => f.id));
      if ([...a.attachments].some((f) => !files.has(f))) lost.attachments++;
      if (a.submitted && !['submitted', 'accepted'].includes(body.status)) lost.submissions++;
      if (a.accepted && body.status !== 'accepted') lost.accepts++;
    });
    return lost;
  }
}

/** f(0) … f(n − 1), `width` at a time */
export async function inBatches<T>(n: number, width: number, f: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += width) out.push(...(await Promise.all(Array.from({ length: Math.min(width, n - i) }, (_, k) => f(i + k)))));
  return out;
}
