import fs from 'node:fs';
import type { TPlanProgress, TTargetProgress, TTaskProgress } from '@kechuang/contracts';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { BulletinInput } from './bulletin-content.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { bulletinRendererPid, bulletinRendererStarts, renderBulletinFiles } from './bulletin-render.ts';
import { sampleTask } from './bulletin-sample.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

const statuses: TTaskProgress['status'][] = ['done', 'on_track', 'lagging', 'severely_lagging', 'overdue_unreported'];
const task = (i: number) =>
  sampleTask(
    i,
    statuses[i % statuses.length] as TTaskProgress['status'],
    {
      latestReport:
        i % 2
          ? { id: i, period: '2026-05', status: 'accepted', percent: 10, narrative: `进展${i}`, submittedAt: '2026-06-01T08:00:00.000Z' }
          : null,
    } as Partial<TTaskProgress>,
  );
function target(i: number): TTargetProgress {
  return {
    targetId: i,
    nodeId: i,
    indicatorName: `指标${i}`,
    indicatorCode: null,
    unit: '家',
    comparator: '>=',
    target: 100,
    baseline: null,
    actual: i % 3 ? 40 : null,
    actualSource: i % 3 ? 'report' : null,
    actualSourceLabel: i % 3 ? '报送' : null,
    expected: 50,
    attainment: i % 3 ? 0.4 : null,
    status: i % 3 ? 'behind' : 'no_data',
    statusReason: '暂无数据 → 无数据',
  } as TTargetProgress;
}
function input(n: number): BulletinInput {
  const tasks = Array.from({ length: n }, (_, i) => task(i + 1));
  const progress: TPlanProgress = {
    planId: 1,
    title: '某市2026年科技工作要点',
    regionCode: '430400',
    year: 2026,
    asOf: '2026-06-30',
    status: 'lagging',
    completion: 12.5,
    counts: {
      unassigned: 0,
      not_started: 0,
      done: n / 5,
      on_track: n / 5,
      lagging: n / 5,
      severely_lagging: n / 5,
      overdue_unreported: n / 5,
    },
    tasks,
    sections: [],
    targets: Array.from({ length: n / 10 }, (_, i) => target(i + 1)),
    units: [{ orgId: 1, name: '耒阳市人民政府', tasks: n, lagging: n / 2, slotsDue: 6, slotsOnTime: 3, onTimeRate: 0.5 }],
  };
  return {
    issuer: '某市科学技术局',
    docNumber: '某科通〔2026〕1号',
    title: '关于上半年进展情况的通报',
    periodLabel: '2026年上半年',
    progress,
    issuedOn: '2026-07-02',
  };
}

/** The parts of a package, without the ones that carry the moment of writing. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    if (name !== 'docProps/core.xml') out[name] = Buffer.from(data).toString('utf8');
  return out;
}

describe('bulletin files rendered in a process of their own', () => {
  afterEach(() => {
    delete process.env.KECHUANG_BULLETIN_WORKER;
  });

  it('are the files the renderers give in this thread, every task and target sent over in slices', async () => {
    const bulletin = input(2500);
    const done: string[] = [];
    const files = await renderBulletinFiles(bulletin, async (format) => {
      done.push(format);
    });
    expect(files.thread).toBe('worker');
    expect(done).toEqual(['docx', 'xlsx']);
    expect(parts(files.docx)).toEqual(parts(await renderBulletinDocx(bulletin)));
    expect(parts(files.xlsx)).toEqual(parts(await renderBulletinXlsx(bulletin)));
    // what was sent is left as it was
    expect(bulletin.progress.tasks).toHaveLength(2500);
  });

  it('are rendered in this thread when the worker is turned off', async () => {
    process.env.KECHUANG_BULLETIN_WORKER = 'off';
    const bulletin = input(50);
    const files = await renderBulletinFiles(bulletin);
    expect(files.thread).toBe('serving');
    expect(parts(files.docx)).toEqual(parts(await renderBulletinDocx(bulletin)));
  });

  it('passes on a failing step without rendering again', async () => {
    await expect(
      renderBulletinFiles(input(50), async () => {
        throw new Error('step failed');
      }),
    ).rejects.toThrow('step failed');
  });

  it('keeps one render process for the bulletins that follow, one at a time', async () => {
    await renderBulletinFiles(input(50));
    const started = bulletinRendererStarts();
    // two at once: the second waits for the first on the same thread
    const [a, b] = await Promise.all([renderBulletinFiles(input(100)), renderBulletinFiles(input(50))]);
    expect(bulletinRendererStarts()).toBe(started);
    expect([a.thread, b.thread]).toEqual(['worker', 'worker']);
    expect(parts(a.docx)).toEqual(parts(await renderBulletinDocx(input(100))));
    expect(parts(b.xlsx)).toEqual(parts(await renderBulletinXlsx(input(50))));
  });

  it('replaces a render process that failed, and the next bulletin is rendered there', async () => {
    const broken = input(50);
    // a section list the renderers cannot read: they throw, in the thread and then here
    (broken.progress as { sections: unknown }).sections = 'not a list';
    await expect(renderBulletinFiles(broken)).rejects.toThrow();
    const started = bulletinRendererStarts();
    const files = await renderBulletinFiles(input(50));
    expect(files.thread).toBe('worker');
    expect(bulletinRendererStarts()).toBe(started + 1);
  });

  it.runIf(process.platform === 'linux')('runs every thread of the render process below the serving priority', async () => {
    await renderBulletinFiles(input(50));
    const pid = bulletinRendererPid();
    expect(pid).not.toBeNull();
    const nice = fs
      .readdirSync(`/proc/${pid}/task`)
      .map((t) => Number(fs.readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').split(') ')[1]?.split(' ')[16]));
    // the engine's helper threads too, not only the one that renders
    expect(nice.length).toBeGreaterThan(1);
    for (const n of nice) expect(n).toBeGreaterThanOrEqual(10);
  });
});
