/** What a backup holds, written as its last entry (manifest.json) with a checksum of every other entry. */
export const backupFormat = 'kechuang-backup/1';

export interface ManifestEntry {
  /** path inside the archive */
  path: string;
  sha256: string;
  bytes: number;
}

export interface BackupManifest {
  format: typeof backupFormat;
  createdAt: string;
  appVersion: string;
  database: 'pglite' | 'postgres';
  /** migrations applied to the database the backup was taken from, in order */
  migrations: string[];
  tables: { name: string; rows: number; entries: ManifestEntry[] }[];
  files: (ManifestEntry & { key: string })[];
  /** files the database names but the store no longer had when the backup was taken */
  missingFiles: string[];
  /** tables deliberately not carried (sign-in state) */
  notCarried: string[];
}

export const rowsPerEntry = 20_000;
