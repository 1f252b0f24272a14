import path from 'node:path';
import { type FileStore, LocalFileStore } from '@kechuang/core';
import type { Command } from 'commander';
import { dataDirOf } from './shared.ts';

/** Uploaded files go under the data directory (`<data>/files`) unless an S3-compatible store is configured. */
export function fileStoreFor(cmd: Command): FileStore {
  return new LocalFileStore(process.env.KECHUANG_FILES_DIR ?? path.join(path.resolve(dataDirOf(cmd)), 'files'));
}
