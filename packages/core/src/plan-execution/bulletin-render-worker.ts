/**
 * The process that renders a 进度通报's .docx and .xlsx (bulletin-render.ts starts it, at a lower priority): the
 * two renderers are synchronous for most of their run (hundreds of milliseconds to seconds on a large plan), so
 * they run here, off the processes that serve requests. It receives the bulletin in parts (the tasks and targets
 * in slices, so no single copy holds the sender's thread for long), then renders both files and sends each back
 * as it is done. It is kept for the bulletins that follow, one at a time (each begins with its own head), and
 * ends with the process that started it.
 */
import type { TTargetProgress, TTaskProgress } from '@kechuang/contracts';
import type { BulletinInput } from './bulletin-content.ts';
import { renderBulletinDocx } from './bulletin-docx.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

export type RenderRequest =
  | { type: 'head'; input: BulletinInput }
  | { type: 'tasks'; items: TTaskProgress[] }
  | { type: 'targets'; items: TTargetProgress[] }
  | { type: 'render' };

export type RenderReply = { type: 'file'; format: 'docx' | 'xlsx'; bytes: Uint8Array } | { type: 'error'; message: string };

const send = process.send?.bind(process);
if (send) {
  let input: BulletinInput | null = null;
  const reply = (r: RenderReply) => send(r);
  process.on('message', (m: RenderRequest) => {
    if (m.type === 'head') input = m.input;
    else if (input && m.type === 'tasks') input.progress.tasks.push(...m.items);
    else if (input && m.type === 'targets') input.progress.targets.push(...m.items);
    else if (input && m.type === 'render') {
      const whole = input;
      // the process stays for the next bulletin (bulletin-render.ts); this one is not kept alive by it
      input = null;
      void (async () => {
        for (const [format, render] of [
          ['docx', renderBulletinDocx],
          ['xlsx', renderBulletinXlsx],
        ] as const) {
          reply({ type: 'file', format, bytes: new Uint8Array(await render(whole)) });
        }
      })().catch((e: unknown) => reply({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
    }
  });
  // the serving process has gone: so does its renderer
  process.on('disconnect', () => process.exit(0));
}
