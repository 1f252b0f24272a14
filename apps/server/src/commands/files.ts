import path from 'node:path';
import { type FileStore, LocalFileStore, S3FileStore, s3ConfigFromEnv } from '@kechuang/core';
import type { Command } from 'commander';
import { dataDirOf } from './shared.ts';

/**
 * Uploaded files go to an S3-compatible store when KECHUANG_S3_ENDPOINT, KECHUANG_S3_BUCKET,
 * KECHUANG_S3_ACCESS_KEY and KECHUANG_S3_SECRET_KEY (and optionally KECHUANG_S3_REGION) are set,
 * otherwise under the data directory (`<data>/files`, or KECHUANG_FILES_DIR).
 */
export function fileStoreFor(cmd: Command, env: NodeJS.ProcessEnv = process.env): FileStore {
  const s3 = s3ConfigFromEnv(env);
  if (s3) return new S3FileStore(s3);
  return new LocalFileStore(env.KECHUANG_FILES_DIR ?? path.join(path.resolve(dataDirOf(cmd)), 'files'));
}
