import { type Kysely, sql } from 'kysely';

// The 服务对象's confirmation of a service log by link: an unguessable token per log (the short code was typed by
// hand and could be guessed), and the answer — confirmed, or disputed with a note — given once.
// The default gives every existing log (and any row written without one) a token of its own.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table service_log
      add column confirm_token text not null default replace(gen_random_uuid()::text, '-', ''),
      add column confirm_result text check (confirm_result in ('confirmed', 'disputed')),
      add column confirm_note text;
    create unique index service_log_confirm_token_idx on service_log(confirm_token);
    update service_log set confirm_result = 'confirmed' where confirmed_at is not null;
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
