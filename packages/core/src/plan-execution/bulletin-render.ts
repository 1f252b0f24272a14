import { createRequire } from 'node:module';
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
 * The worker loads the renderers from their sources through tsx's CommonJS hook, both under tsx (development,
 * tests, benches) and from the start bundle (0015: the bundle keeps import.meta.url per source file, so the path
 * below names the source beside this one; tsx is a dependency of the server either way). Node 20 applies no
 * module hooks of `--import` to a worker's entry, hence the small evaluated entry that requires it.
 */
function startWorker(): Worker {
  const resolve = createRequire(import.meta.url).resolve;
  const entry = fileURLToPath(new URL('./bulletin-render-worker.ts', import.meta.url));
  const source = `require(${JSON.stringify(resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  return new Worker(source, { eval: true });
}

async function inWorker(input: BulletinInput, done: (format: Format) => Promise<void>): Promise<Rendered> {
  const worker = startWorker();
  const files: Partial<Record<Format, Buffer>> = {};
  // the files' steps are reported one after the other, in the order the worker finishes them
  let steps = Promise.resolve();
  try {
    const finished = new Promise<void>((resolve, reject) => {
      worker.on('message', (m: RenderReply) => {
        if (m.type === 'error') return reject(new WorkerFailure(m.message));
        files[m.format] = Buffer.from(m.bytes);
        steps = steps.then(() => done(m.format));
        steps.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
        if (files.docx && files.xlsx) resolve();
      });
      worker.on('error', (e) => reject(new WorkerFailure(e.message)));
      worker.on('exit', (code) => reject(new WorkerFailure(`exited (${code})`)));
    });
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
    await steps;
    return { ...(files as Record<Format, Buffer>), thread: 'worker' };
  } finally {
    worker.removeAllListeners('exit');
    void worker.terminate();
  }
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
      return await inWorker(input, done);
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
