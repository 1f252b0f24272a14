import { createHash } from 'node:crypto';
import { type BackupManifest, backupFormat } from './manifest.ts';
import { readTar } from './tar.ts';

export interface VerifyResult {
  ok: boolean;
  manifest: BackupManifest | null;
  /** zh-CN, one line each */
  problems: string[];
}

/**
 * Reads the whole archive and checks it against its manifest: every entry present once with its
 * checksum and size, nothing extra, the row counts of every table. A damaged or truncated file fails.
 */
export async function verifyBackup(file: string): Promise<VerifyResult> {
  const seen = new Map<string, { sha256: string; bytes: number; rows?: number }>();
  let manifest: BackupManifest | null = null;
  const problems: string[] = [];
  try {
    for await (const e of readTar(file)) {
      if (e.name === 'manifest.json') {
        manifest = JSON.parse(e.data.toString('utf8')) as BackupManifest;
        continue;
      }
      const info: { sha256: string; bytes: number; rows?: number } = {
        sha256: createHash('sha256').update(e.data).digest('hex'),
        bytes: e.data.length,
      };
      if (e.name.startsWith('db/')) {
        try {
          const rows = JSON.parse(e.data.toString('utf8'));
          info.rows = Array.isArray(rows) ? rows.length : -1;
        } catch {
          info.rows = -1;
        }
      }
      if (seen.has(e.name)) problems.push(`重复的条目：${e.name}`);
      seen.set(e.name, info);
    }
  } catch (e) {
    return { ok: false, manifest, problems: [`无法读取备份文件：${(e as Error).message}`] };
  }
  if (!manifest || manifest.format !== backupFormat) {
    return { ok: false, manifest: null, problems: ['不是科创备份文件（缺少 manifest.json 或格式不符）'] };
  }
  const expected = new Set<string>();
  const check = (path: string, sha256: string, bytes: number) => {
    expected.add(path);
    const got = seen.get(path);
    if (!got) problems.push(`缺少条目：${path}`);
    else if (got.sha256 !== sha256 || got.bytes !== bytes) problems.push(`校验和不符：${path}`);
  };
  for (const t of manifest.tables) {
    let rows = 0;
    for (const en of t.entries) {
      check(en.path, en.sha256, en.bytes);
      rows += Math.max(0, seen.get(en.path)?.rows ?? 0);
    }
    if (rows !== t.rows) problems.push(`表 ${t.name} 行数不符：清单 ${t.rows}，实有 ${rows}`);
  }
  for (const f of manifest.files) check(f.path, f.sha256, f.bytes);
  for (const name of seen.keys()) if (!expected.has(name)) problems.push(`清单之外的条目：${name}`);
  return { ok: problems.length === 0, manifest, problems };
}
