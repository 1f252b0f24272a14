import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A new embedded database starts from a copy of an empty one. PGlite's initdb (catalogs, collations, the template
 * databases) is most of a first start's time — four to five seconds of CPU — and its result is the same for every
 * data directory of one PGlite version. So the first data directory created with a given PGlite version is copied,
 * right after initdb and before anything of ours is in it, to node_modules/.cache/kechuang; later new directories
 * are unpacked from that copy (under a second). What it holds is only what initdb made; every migration and all
 * data still run against each new database as before. No cache directory, an unreadable or unwritable one: initdb.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const cacheDir = path.join(root, 'node_modules/.cache/kechuang');

function templateFile(): string | null {
  if (process.env.KECHUANG_DB_TEMPLATE === 'off') return null;
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
      version: string;
    };
    return path.join(cacheDir, `pglite-${pkg.version}-initdb.tar`);
  } catch {
    return null;
  }
}

/** Whether `pgDir` holds no database yet (PGlite would run initdb there). */
export function isNewDataDir(pgDir: string): boolean {
  return !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
}

/** The empty database to unpack into a new data directory, if one was kept. */
export function initdbTemplate(): Blob | undefined {
  const file = templateFile();
  if (!file || !fs.existsSync(file)) return undefined;
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Keeps a copy of a database PGlite has just created, before anything is written to it. */
export async function keepInitdbTemplate(pglite: PGlite): Promise<void> {
  const file = templateFile();
  if (!file || fs.existsSync(file)) return;
  try {
    const tar = await pglite.dumpDataDir('none');
    fs.mkdirSync(cacheDir, { recursive: true });
    // under a temporary name, then renamed: another process never reads half a copy
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, Buffer.from(await tar.arrayBuffer()));
    fs.renameSync(tmp, file);
  } catch {
    // no copy kept: the next new directory runs initdb again
  }
}
