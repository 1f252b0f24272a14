import type { TOrgKind, TRole } from '@kechuang/contracts';
import type { DB, Kysely } from '@kechuang/db';
import type { AppCache } from './cache.ts';
import type { FileStore } from './storage/file-store.ts';

/** The signed-in user a use case acts for. Derived from the session on every request. */
export interface Actor {
  userId: number;
  username: string;
  orgId: number;
  orgKind: TOrgKind;
  regionCode: string;
  roles: TRole[];
}

/** What every use case receives: `(ctx, input) => output`. Tests build their own. */
export interface Ctx {
  db: Kysely<DB>;
  /** reads that a streaming replica may answer, never older than the request (see reader.ts); absent: `db` */
  readDb?: Kysely<DB>;
  actor: Actor | null;
  ip: string | null;
  now: () => Date;
  cache: AppCache;
  /** who acts when there is no signed-in user (the CLI, the demo loader), for the audit trail */
  via?: string;
  /** where uploaded files are kept; set by the server (local disk under the data directory, or S3) */
  files?: FileStore;
}
