import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * A minimal ustar writer and reader for the backup archive (regular files only, names under 100
 * bytes). Plain tar + gzip, so an operator can also look inside with `tar tzf`.
 */
const block = 512;

function header(name: string, size: number, mtime: Date): Buffer {
  const h = Buffer.alloc(block);
  if (Buffer.byteLength(name) > 99) throw new Error(`archive entry name too long: ${name}`);
  h.write(name, 0, 'utf8');
  h.write('0000644\0', 100, 'ascii');
  h.write('0000000\0', 108, 'ascii');
  h.write('0000000\0', 116, 'ascii');
  h.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
  h.write(
    `${Math.floor(mtime.getTime() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
    'ascii',
  );
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export class TarWriter {
  private readonly gzip = zlib.createGzip({ level: 6 });
  private out: fs.WriteStream | null = null;
  private failure: Error | null = null;
  private closed: Promise<void> | null = null;

  private constructor(private readonly file: string) {}

  /**
   * Opens a new file (never overwrites) before anything is written, so a bad path fails here with a
   * rejected promise; every later stream error is kept and rethrown by the next write — none can escape
   * as an unhandled rejection (the online backup runs inside the server process).
   */
  static async create(file: string): Promise<TarWriter> {
    const w = new TarWriter(file);
    const out = fs.createWriteStream(file, { flags: 'wx' });
    await new Promise<void>((resolve, reject) => {
      out.once('open', () => resolve());
      out.once('error', reject);
    });
    w.out = out;
    const fail = (e: Error) => {
      w.failure ??= e;
    };
    out.on('error', fail);
    w.gzip.on('error', fail);
    w.gzip.pipe(out);
    w.closed = new Promise<void>((resolve) => {
      out.once('close', () => resolve());
    });
    return w;
  }

  private async write(chunk: Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.gzip.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          this.gzip.off('drain', done);
          this.out?.off('error', done);
          resolve();
        };
        this.gzip.once('drain', done);
        this.out?.once('error', done);
      });
    }
    if (this.failure) throw this.failure;
  }

  async add(name: string, data: Uint8Array, mtime = new Date()): Promise<void> {
    await this.write(header(name, data.byteLength, mtime));
    await this.write(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    const pad = (block - (data.byteLength % block)) % block;
    if (pad) await this.write(Buffer.alloc(pad));
  }

  async close(): Promise<void> {
    if (!this.failure) await this.write(Buffer.alloc(block * 2)).catch(() => {});
    this.gzip.end();
    if (this.failure) this.out?.destroy();
    await this.closed;
    if (this.failure) throw this.failure;
  }

  get path(): string {
    return this.file;
  }
}

export interface TarEntry {
  name: string;
  data: Buffer;
}

/** Bytes arriving in chunks, taken from the front without copying more than once. */
class ChunkQueue {
  private chunks: Buffer[] = [];
  length = 0;
  push(c: Buffer) {
    this.chunks.push(c);
    this.length += c.length;
  }
  take(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const head = this.chunks[0] as Buffer;
      const k = Math.min(head.length, n - filled);
      head.copy(out, filled, 0, k);
      filled += k;
      if (k === head.length) this.chunks.shift();
      else this.chunks[0] = head.subarray(k);
    }
    this.length -= n;
    return out;
  }
}

/** The archive's entries in order; throws on a damaged archive. */
export async function* readTar(file: string): AsyncGenerator<TarEntry> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  const q = new ChunkQueue();
  let need: { name: string; size: number } | null = null;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    q.push(chunk);
    for (;;) {
      if (!need) {
        if (q.length < block) break;
        const h = q.take(block);
        if (h.every((b) => b === 0)) return;
        const name = h.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
        const size = Number.parseInt(h.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
        if (!name || !Number.isFinite(size) || size < 0) throw new Error('备份文件已损坏（归档头无效）');
        need = { name, size };
      }
      const padded = need.size + ((block - (need.size % block)) % block);
      if (q.length < padded) break;
      const data = q.take(padded).subarray(0, need.size);
      const entry = { name: need.name, data };
      need = null;
      yield entry;
    }
  }
  // the end-of-archive blocks never came
  throw new Error('备份文件不完整（归档被截断）');
}
