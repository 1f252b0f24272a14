import { type Kysely, sql } from 'kysely';

// A large plan import runs as a background job that writes in short chunks, so that on the embedded database
// (which runs on the server's HTTP thread) other requests get their turn in between. The chunks go here, where no
// reader looks: the nodes and targets of a plan being created (with the ids they will have, taken from the
// tables' own sequences), the per-row changes of an .xlsx import, and the uploaded file the job reads. A last
// short transaction moves a run's rows into plan / plan_node / plan_target (or applies its changes) and
// deletes them; a run that fails deletes its rows, and rows older than a day (a process that died) are dropped.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan_import_staging (
      run_key text not null,
      entity text not null check (entity in ('node', 'target', 'node_change', 'target_change', 'upload')),
      seq integer not null,
      data jsonb not null default '{}',
      bytes bytea,
      created_at timestamptz not null default now(),
      primary key (run_key, entity, seq)
    )
  `.execute(db);
  await sql`create index plan_import_staging_created on plan_import_staging (created_at)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
