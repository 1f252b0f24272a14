/**
 * The worker thread that renders a 进度通报's .docx and .xlsx (bulletin-render.ts starts it): the two
 * renderers are synchronous for most of their run (hundreds of milliseconds to seconds on a large plan), so
 * they run here, off the event loop that serves requests. It receives the bulletin in parts (the tasks and
 * targets in slices, so no single copy holds the sender's thread for long), then renders both files and
 * sends each back as it is done, its bytes transferred rather than copied. The thread is kept for the bulletins
 * that follow, one at a time: each begins with its own head.
 */
import { parentPort } from 'node:worker_threads';
import type { TTargetProgress, TTaskProgress } from '@kechuang/contracts';
import type { BulletinInput } from './bulletin-content.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

export type RenderRequest =
  | { type: 'head'; input: BulletinInput }
  | { type: 'tasks'; items: TTaskProgress[] }
  | { type: 'targets'; items: TTargetProgress[] }
  | { type: 'render' };

export type RenderReply = { type: 'file'; format: 'docx' | 'xlsx'; bytes: ArrayBuffer } | { type: 'error'; message: string };

const port = parentPort;
if (port) {
  let input: BulletinInput | null = null;
  port.on('message', (m: RenderRequest) => {
    if (m.type === 'head') input = m.input;
    else if (input && m.type === 'tasks') input.progress.tasks.push(...m.items);
    else if (input && m.type === 'targets') input.progress.targets.push(...m.items);
    else if (input && m.type === 'render') {
      const whole = input;
      // the thread stays for the next bulletin (bulletin-render.ts); this one is not kept alive by it
      input = null;
      void (async () => {
        for (const [format, render] of [
          ['docx', renderBulletinDocx],
          ['xlsx', renderBulletinXlsx],
        ] as const) {
          // a buffer of its own (a Buffer may share a pooled one, which cannot be transferred)
          const bytes = new Uint8Array(await render(whole)).buffer;
          const reply: RenderReply = { type: 'file', format, bytes };
          port.postMessage(reply, [bytes]);
        }
      })().catch((e: unknown) => port.postMessage({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
    }
  });
}
