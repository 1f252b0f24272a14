import { inflateRawSync } from 'node:zlib';
import { ImportError } from './errors.ts';

/** What a .docx may expand to; a real plan is well under 10 MB of XML. */
export const maxUnzippedBytes = 100 * 1024 * 1024;
const maxEntries = 5_000;

type Entry = { name: string; method: number; compressed: number; uncompressed: number; localOffset: number };

function readEntries(buf: Buffer): Entry[] {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ImportError('import/corrupt', 'Word 文件结构不完整');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (count > maxEntries) throw new ImportError('import/zip_bomb');
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ImportError('import/corrupt', 'Word 文件目录损坏');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
      method: buf.readUInt16LE(p + 10),
      compressed: buf.readUInt32LE(p + 20),
      uncompressed: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Refuses a zip whose content would expand past `maxUnzippedBytes` before any parser inflates it: first by the sizes
 * the central directory declares, then by inflating each entry under a hard output cap (declared sizes can lie).
 */
export function assertSafeZip(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readEntries(buf);
  const declared = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (declared > maxUnzippedBytes) throw new ImportError('import/zip_bomb');
  let budget = maxUnzippedBytes;
  for (const e of entries) {
    const lp = e.localOffset;
    if (lp + 30 > buf.length || buf.readUInt32LE(lp) !== 0x04034b50) throw new ImportError('import/corrupt', 'Word 文件条目损坏');
    const dataAt = lp + 30 + buf.readUInt16LE(lp + 26) + buf.readUInt16LE(lp + 28);
    const data = buf.subarray(dataAt, dataAt + e.compressed);
    if (e.method === 0) {
      budget -= data.length;
    } else if (e.method === 8) {
      try {
        budget -= inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') throw new ImportError('import/zip_bomb');
        throw new ImportError('import/corrupt', 'Word 文件内容无法解压');
      }
    } else {
      throw new ImportError('import/corrupt', '不支持的压缩方式');
    }
    if (budget < 0) throw new ImportError('import/zip_bomb');
  }
}
