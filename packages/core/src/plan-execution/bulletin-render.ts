import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { yieldTurn } from '../yield-turn.ts';
import type { BulletinInput } from './bulletin-content.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import type { RenderReply, RenderRequest } from './bulletin-render-worker.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

type Format = 'docx' | 'xlsx';
/** the two files, and where they were rendered: in the render process, or on the serving thread */
type Rendered = Record<Format, Buffer> & { thread: 'worker' | 'serving' };
/** tasks and targets per message: each copy to the renderer holds this thread a few milliseconds */
const slice = 1000;
let warned = false;

/** The renderer failed (did not start, died, or a renderer threw in it), as distinct from `done` failing. */
class WorkerFailure extends Error {}

/**
 * The render process yields to the serving ones: with the cores busy (a month end on a small machine) rendering
 * ran at the expense of every request's latency. A thread of the serving process could not do this well: lowering
 * its own priority left the engine's helper threads (compiling and collecting garbage for it, shared with the
 * serving thread) at full priority, and on a first bulletin they did as much work as the thread itself. A process
 * of its own lowers every one of its threads first thing, before the renderers load (those that start later
 * inherit it). Where that is not possible (not Linux) it keeps the default priority.
 */
const lowerPriority = `try { const fs = require('node:fs'); const os = require('node:os'); for (const t of fs.readdirSync('/proc/self/task')) os.setPriority(Number(t), ${os.constants.priority.PRIORITY_BELOW_NORMAL}); } catch {}`;

/**
 * The render process loads the renderers from their sources through tsx's CommonJS hook, both under tsx
 * (development, tests, benches) and from the start bundle (0015: the bundle keeps import.meta.url per source
 * file, so the path below names the source beside this one; tsx is a dependency of the server either way).
 * It ends when the serving process does (its channel closes).
 */
function startRenderer(): ChildProcess {
  const resolve = createRequire(import.meta.url).resolve;
  const entry = fileURLToPath(new URL('./bulletin-render-worker.ts', import.meta.url));
  const source = `${lowerPriority} require(${JSON.stringify(resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  const child = spawn(process.execPath, ['-e', source], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
  });
  renderStarts++;
  return child;
}

/**
 * One render process per serving process, kept between bulletins: a month end makes one after another, and a
 * fresh renderer pays for loading the renderers and for compiling them as they first run — on a 3,000-task
 * plan about 2 s of CPU time against 0.8 s on a warm one (measured on this project's two-core reference
 * machine). It is let go after a few idle minutes, its memory back, and replaced when it fails.
 */
const idleMs = 5 * 60_000;
let kept: { child: ChildProcess; idle: NodeJS.Timeout | null } | null = null;
/** bulletins render one at a time on the kept renderer */
let queue: Promise<unknown> = Promise.resolve();
let renderStarts = 0;

/** How many render processes this process has started. */
export function bulletinRendererStarts(): number {
  return renderStarts;
}

/** The kept render process, while there is one. */
export function bulletinRendererPid(): number | null {
  return kept?.child.pid ?? null;
}

/** an idle renderer never keeps the serving process from exiting; a busy one does until it answers */
function hold(child: ChildProcess, busy: boolean) {
  if (busy) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

function keptRenderer(): ChildProcess {
  if (kept) {
    if (kept.idle) clearTimeout(kept.idle);
    kept.idle = null;
    hold(kept.child, true);
    return kept.child;
  }
  const entry = { child: startRenderer(), idle: null as NodeJS.Timeout | null };
  const drop = () => {
    if (kept === entry) kept = null;
  };
  // also while idle: a renderer that fails between bulletins is replaced by the next one
  entry.child.once('exit', drop).on('error', drop);
  kept = entry;
  return entry.child;
}

/** After a render: a healthy renderer waits for the next bulletin, one that failed is ended. */
function release(child: ChildProcess, healthy: boolean) {
  const entry = kept;
  if (entry?.child !== child) {
    child.kill();
    return;
  }
  if (!healthy) {
    kept = null;
    child.kill();
    return;
  }
  hold(child, false);
  entry.idle = setTimeout(() => {
    if (kept === entry) kept = null;
    child.kill();
  }, idleMs);
  entry.idle.unref();
}

async function inRenderer(input: BulletinInput, done: (format: Format) => Promise<void>): Promise<Rendered> {
  const child = keptRenderer();
  const files: Partial<Record<Format, Buffer>> = {};
  // the files' steps are reported one after the other, in the order the renderer finishes them
  let steps = Promise.resolve();
  let healthy = false;
  let settle: { resolve: () => void; reject: (e: WorkerFailure) => void } = { resolve: () => undefined, reject: () => undefined };
  const finished = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  finished.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
  const onMessage = (m: RenderReply) => {
    if (m.type === 'error') return settle.reject(new WorkerFailure(m.message));
    files[m.format] = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
    steps = steps.then(() => done(m.format));
    steps.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
    if (files.docx && files.xlsx) settle.resolve();
  };
  const onError = (e: Error) => settle.reject(new WorkerFailure(e.message));
  const onExit = (code: number | null, signal: string | null) => settle.reject(new WorkerFailure(`exited (${code ?? signal})`));
  child.on('message', onMessage).on('error', onError).on('exit', onExit);
  try {
    const send = (m: RenderRequest) =>
      new Promise<void>((resolve, reject) => {
        if (!child.connected) return reject(new WorkerFailure('not running'));
        child.send(m, (e) => (e ? reject(new WorkerFailure(e.message)) : resolve()));
      });
    const p = input.progress;
    await send({ type: 'head', input: { ...input, progress: { ...p, tasks: [], targets: [] } } });
    for (let i = 0; i < p.tasks.length; i += slice) {
      await yieldTurn();
      await send({ type: 'tasks', items: p.tasks.slice(i, i + slice) });
    }
    for (let i = 0; i < p.targets.length; i += slice) {
      await yieldTurn();
      await send({ type: 'targets', items: p.targets.slice(i, i + slice) });
    }
    await send({ type: 'render' });
    await finished;
    // both files are back: the renderer is idle again, whatever the steps do
    healthy = true;
    await steps;
    return { ...(files as Record<Format, Buffer>), thread: 'worker' };
  } finally {
    child.off('message', onMessage).off('error', onError).off('exit', onExit);
    release(child, healthy);
  }
}

/** The renders on the kept renderer, one after another; a failed one does not stop the next. */
function inRendererQueued(input: BulletinInput, done: (format: Format) => Promise<void>): Promise<Rendered> {
  const run = queue.then(() => inRenderer(input, done));
  queue = run.catch(() => undefined);
  return run;
}

/**
 * Renders a bulletin's .docx and .xlsx off the serving process (bulletin-render-worker.ts), the same bytes as
 * renderBulletinDocx and renderBulletinXlsx give here; `done` is called as each file is ready. Should the
 * renderer not start (KECHUANG_BULLETIN_WORKER=off turns it off), both are rendered here as before, with a turn
 * of the event loop between them, and a warning once per process.
 */
export async function renderBulletinFiles(
  input: BulletinInput,
  done: (format: Format) => Promise<void> = async () => undefined,
): Promise<Rendered> {
  if (process.env.KECHUANG_BULLETIN_WORKER !== 'off') {
    try {
      return await inRendererQueued(input, done);
    } catch (e) {
      if (!(e instanceof WorkerFailure)) throw e;
      if (!warned) process.emitWarning(`进度通报改在本进程生成（生成进程失败：${e.message}）`);
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
