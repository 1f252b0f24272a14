import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { yieldTurn } from '../yield-turn.ts';
import type { BulletinInput } from './bulletin-content.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import type { RenderReply, RenderRequest } from './bulletin-render-worker.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

type Format = 'docx' | 'xlsx';
/** the two files, and where they were rendered */
type Rendered = Record<Format, Buffer> & { thread: 'worker' | 'serving' };
/** tasks and targets per message: each copy into the worker holds this thread a few milliseconds */
const slice = 1000;
let warned = false;

/** The worker failed (did not start, died, or a renderer threw in it), as distinct from `done` failing. */
class WorkerFailure extends Error {}

/**
 * The render thread yields to the ones serving requests: on Linux a thread has a priority of its own, and with
 * the cores busy (a month end on a small machine) rendering ran at the expense of every request's latency. It
 * is lowered first thing, before the renderers load (loading and compiling them is a good part of a first
 * bulletin's work). Elsewhere, or where it is not allowed, the thread keeps the default priority.
 */
const lowerPriority = `try { const tid = Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()); if (tid > 0) require('node:os').setPriority(tid, ${os.constants.priority.PRIORITY_BELOW_NORMAL}); } catch {}`;

/**
 * The worker loads the renderers from their sources through tsx's CommonJS hook, both under tsx (development,
 * tests, benches) and from the start bundle (0015: the bundle keeps import.meta.url per source file, so the path
 * below names the source beside this one; tsx is a dependency of the server either way). Node 20 applies no
 * module hooks of `--import` to a worker's entry, hence the small evaluated entry that requires it.
 */
function startWorker(): Worker {
  const resolve = createRequire(import.meta.url).resolve;
  const entry = fileURLToPath(new URL('./bulletin-render-worker.ts', import.meta.url));
  const source = `${lowerPriority} require(${JSON.stringify(resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  const worker = new Worker(source, { eval: true });
  // an idle render thread never keeps the process from exiting
  worker.unref();
  workerStarts++;
  return worker;
}

/**
 * One render thread per process, kept between bulletins: a month end makes one after another, and a fresh
 * thread pays for loading the renderers and for compiling them as they first run — on a 3,000-task plan about
 * 1.8 s of CPU time against 0.6 s on a warm thread (measured on this project's two-core reference machine). It
 * is let go after a few idle minutes, its memory back, and replaced when it fails.
 */
const idleMs = 5 * 60_000;
let kept: { worker: Worker; idle: NodeJS.Timeout | null } | null = null;
/** bulletins render one at a time on the kept thread */
let queue: Promise<unknown> = Promise.resolve();
let workerStarts = 0;

/** How many render threads this process has started. */
export function bulletinWorkerStarts(): number {
  return workerStarts;
}

function keptWorker(): Worker {
  if (kept) {
    if (kept.idle) clearTimeout(kept.idle);
    kept.idle = null;
    return kept.worker;
  }
  const entry = { worker: startWorker(), idle: null as NodeJS.Timeout | null };
  const drop = () => {
    if (kept === entry) kept = null;
  };
  // also while idle: a thread that fails between bulletins is replaced by the next one
  entry.worker.once('exit', drop).on('error', drop);
  kept = entry;
  return entry.worker;
}

/** After a render: a healthy thread waits for the next bulletin, one that failed is ended. */
function release(worker: Worker, healthy: boolean) {
  const entry = kept;
  if (entry?.worker !== worker) return;
  if (!healthy) {
    kept = null;
    void worker.terminate();
    return;
  }
  entry.idle = setTimeout(() => {
    if (kept === entry) kept = null;
    void worker.terminate();
  }, idleMs);
  entry.idle.unref();
}

async function inWorker(input: BulletinInput, done: (format: Format) => Promise<void>): Promise<Rendered> {
  const worker = keptWorker();
  const files: Partial<Record<Format, Buffer>> = {};
  // the files' steps are reported one after the other, in the order the worker finishes them
  let steps = Promise.resolve();
  let healthy = false;
  let settle: { resolve: () => void; reject: (e: WorkerFailure) => void } = { resolve: () => undefined, reject: () => undefined };
  const finished = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  finished.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const onMessage = (m: RenderReply) => {
    if (m.type === 'error') return settle.reject(new WorkerFailure(m.message));
    files[m.format] = Buffer.from(m.bytes);
    steps = steps.then(() => done(m.format));
    steps.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    if (files.docx && files.xlsx) settle.resolve();
  };
  const onError = (e: Error) => settle.reject(new WorkerFailure(e.message));
  const onExit = (code: number) => settle.reject(new WorkerFailure(`exited (${code})`));
  worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  try {
    const send = (m: RenderRequest) => worker.postMessage(m);
    const p = input.progress;
    send({ type: 'head', input: { ...input, progress: { ...p, tasks: [], targets: [] } } });
    for (let i = 0; i < p.tasks.length; i += slice) {
      await yieldTurn();
      send({ type: 'tasks', items: p.tasks.slice(i, i + slice) });
    }
    for (let i = 0; i < p.targets.length; i += slice) {
      await yieldTurn();
      send({ type: 'targets', items: p.targets.slice(i, i + slice) });
    }
    send({ type: 'render' });
    await finished;
    // both files are back: the thread is idle again, whatever the steps do
    healthy = true;
    await steps;
    return { ...(files as Record<Format, Buffer>), thread: 'worker' };
  } finally {
    worker.off('message', onMessage).off('error', onError).off('exit', onExit);
    release(worker, healthy);
  }
}

/** The renders on the kept thread, one after another; a failed one does not stop the next. */
function inWorkerQueued(input: BulletinInput, done: (format: Format) => Promise<void>): Promise<Rendered> {
  const run = queue.then(() => inWorker(input, done));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Renders a bulletin's .docx and .xlsx off the event loop (bulletin-render-worker.ts), the same bytes as
 * renderBulletinDocx and renderBulletinXlsx give here; `done` is called as each file is ready. Should the
 * worker not start (KECHUANG_BULLETIN_WORKER=off turns it off), both are rendered here as before, with a turn
 * of the event loop between them, and a warning once per process.
 */
export async function renderBulletinFiles(
  input: BulletinInput,
  done: (format: Format) => Promise<void> = async () => undefined,
): Promise<Rendered> {
  if (process.env.KECHUANG_BULLETIN_WORKER !== 'off') {
    try {
      return await inWorkerQueued(input, done);
    } catch (e) {
      if (!(e instanceof WorkerFailure)) throw e;
      if (!warned) process.emitWarning(`进度通报改在本线程生成（工作线程失败：${e.message}）`);
      warned = true;
    }
  }
  const docx = await renderBulletinDocx(input);
  await done('docx');
  await yieldTurn();
  const xlsx = await renderBulletinXlsx(input);
  await done('xlsx');
  return { docx, xlsx, thread: 'serving' };
}
