export { createBackup } from './create-backup.ts';
export type { BackupManifest } from './manifest.ts';
export { restoreBackup } from './restore-backup.ts';
export { verifyBackup } from './verify-backup.ts';
