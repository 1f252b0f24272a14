// A start without the TypeScript loader: the server's own sources (apps/server and the @kechuang packages) bundled
// into one file by esbuild, libraries left to Node. Through tsx every one of the ~1,200 modules a start loads —
// mostly Kysely's and zod's small files — passes the loader's hooks; bundled, only our ~500 files are transpiled,
// once, and the libraries load at Node's own speed. Nothing else changes: same sources, same libraries (each import
// resolved to the very file it resolved to before), `import.meta.url`/`dirname` kept per source file.
//
// The bundle lives in node_modules/.cache/kechuang with the list of its inputs; it is used only while every input
// (and every directory holding one, and the installed packages) is unchanged, and rebuilt otherwise. Anything
// unusual — no esbuild, a read-only directory, a build error, a library gone — and the caller runs through tsx as
// before. KECHUANG_BUNDLE=off always does.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '../../..');
const entry = path.join(root, 'apps/server/src/cli.ts');
const dir = path.join(root, 'node_modules/.cache/kechuang');
const out = path.join(dir, 'cli.mjs');
const manifestFile = path.join(dir, 'cli.json');
const installed = path.join(root, 'node_modules/.package-lock.json');

function stamp(file) {
  try {
    const s = fs.statSync(file);
    return `${s.mtimeMs}:${s.size}`;
  } catch {
    return 'missing';
  }
}

function isFresh() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));
  } catch {
    return false;
  }
  if (manifest.node !== process.version || manifest.installed !== stamp(installed) || !fs.existsSync(out)) return false;
  for (const [file, s] of Object.entries(manifest.files)) if (stamp(file) !== s) return false;
  return true;
}

// Large CommonJS libraries only a few requests use (spreadsheets, .docx reading): loaded on first use instead of at
// start. Every source imports them as a default import (`import ExcelJS from 'exceljs'`), which this stands in for.
const lazy = new Set(['exceljs', 'mammoth']);
function lazyModule(file) {
  return `import { createRequire } from 'node:module';
let m;
const load = () => (m ??= createRequire(${JSON.stringify(pathToFileURL(file).href)})(${JSON.stringify(file)}));
export default new Proxy({}, {
  get: (_, k) => Reflect.get(load(), k),
  has: (_, k) => Reflect.has(load(), k),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, k) => {
    const d = Reflect.getOwnPropertyDescriptor(load(), k);
    return d && { ...d, configurable: true };
  },
});
`;
}

// Kysely is bundled too: it is ~260 small modules, imported by nothing but our sources. The workspace holds two
// copies of it (packages/db and packages/core each have their own); when they are the same version, one is used.
let kyselyRoot;
function oneKysely(file) {
  const at = file.lastIndexOf(`${path.sep}node_modules${path.sep}kysely${path.sep}`);
  if (at < 0) return file;
  const rootOf = `${file.slice(0, at)}${path.sep}node_modules${path.sep}kysely`;
  const version = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  kyselyRoot ??= rootOf;
  return kyselyRoot !== rootOf && version(kyselyRoot) === version(rootOf) ? kyselyRoot + file.slice(rootOf.length) : file;
}

async function build() {
  const esbuild = await import('esbuild');
  const started = Date.now();
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    sourcemap: 'linked',
    // stack traces name the source file and line; the sources themselves need not be in the map
    sourcesContent: false,
    metafile: true,
    write: false,
    outfile: out,
    logLevel: 'silent',
    plugins: [
      {
        name: 'kechuang-libraries',
        setup(b) {
          // libraries stay outside the bundle, pinned to the file Node would have loaded from the importing source
          b.onResolve({ filter: /^[^./]/ }, async (a) => {
            if (a.path.startsWith('@kechuang/') || a.pluginData === 'resolving') return undefined;
            if (a.path.startsWith('node:')) return { external: true };
            const r = await b.resolve(a.path, { kind: a.kind, resolveDir: a.resolveDir, importer: a.importer, pluginData: 'resolving' });
            if (r.errors.length > 0) return { errors: r.errors };
            if (lazy.has(a.path) && a.kind === 'import-statement') return { path: r.path, namespace: 'lazy' };
            if (a.path === 'kysely' || a.path.startsWith('kysely/')) return { path: oneKysely(r.path) };
            return { path: pathToFileURL(r.path).href, external: true };
          });
          b.onLoad({ filter: /.*/, namespace: 'lazy' }, (a) => ({ contents: lazyModule(a.path), loader: 'js' }));
          // import.meta of each source file, not of the bundle
          b.onLoad({ filter: /\.[cm]?ts$/ }, async (a) => {
            const source = await fs.promises.readFile(a.path, 'utf8');
            const contents = source
              .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(a.path)))
              .replaceAll('import.meta.filename', JSON.stringify(a.path))
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(a.path).href));
            return { contents, loader: 'ts' };
          });
        },
      },
    ],
  });
  // the inputs, and this file: a change to how the bundle is made remakes it
  const files = { [import.meta.filename]: stamp(import.meta.filename) };
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(root, input);
    files[file] = stamp(file);
    files[path.dirname(file)] = stamp(path.dirname(file));
  }
  // a source saved while the bundle was being made: this bundle may hold the old text, so it is not recorded as fresh
  const changed = Object.keys(files).some((f) => {
    try {
      return fs.statSync(f).mtimeMs >= started;
    } catch {
      return true;
    }
  });
  fs.mkdirSync(dir, { recursive: true });
  // written under temporary names and renamed: a process starting meanwhile reads the old bundle or the new one
  const tmp = `.${process.pid}.tmp`;
  for (const f of result.outputFiles) fs.writeFileSync(f.path + tmp, f.contents);
  fs.writeFileSync(manifestFile + tmp, JSON.stringify({ node: process.version, installed: stamp(installed), files }));
  for (const f of result.outputFiles) fs.renameSync(f.path + tmp, f.path);
  if (changed) fs.rmSync(manifestFile + tmp, { force: true });
  else fs.renameSync(manifestFile + tmp, manifestFile);
}

/** Runs the command from the bundle (built first when stale); false when it cannot, and nothing has run. */
export async function runBundled() {
  if (process.env.KECHUANG_BUNDLE === 'off') return false;
  try {
    if (!isFresh()) await build();
  } catch {
    return false;
  }
  process.setSourceMapsEnabled(true);
  try {
    await import(pathToFileURL(out).href);
    return true;
  } catch (e) {
    // a library moved or an export gone: linking fails before any of the command runs
    const unlinked = e?.code === 'ERR_MODULE_NOT_FOUND' || (e instanceof SyntaxError && /does not provide an export/.test(e.message));
    if (unlinked) {
      fs.rmSync(manifestFile, { force: true });
      return false;
    }
    throw e;
  }
}
