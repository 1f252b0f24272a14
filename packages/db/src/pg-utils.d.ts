// node-postgres' parameter encoding, shared by the embedded database's driver (pglite-dialect.ts).
declare module 'pg/lib/utils.js' {
  /** A JavaScript value as node-postgres sends it as a parameter: text, a Buffer (binary) or null. */
  export function prepareValue(value: unknown): string | Buffer | null;
}
