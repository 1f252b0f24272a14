import { type Kysely, sql } from 'kysely';

// 专家抽取与评审 (domain-rules §6.1–6.3). A draw keeps everything needed to re-run it — the seed, the pool
// snapshot (expert ids and exactly the attributes the rules read), the subjects' facts, the constraints, the
// operator and the time — so anyone with access can check that nobody picked the experts. A panel belongs to a
// subject (a project application now; a platform application or an acceptance later) and a batch (the call);
// its assignments are the seats and the reserves in draw order. Scores follow the batch's rubric.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table review_rubric (
      id integer generated always as identity primary key,
      subject_kind text not null,
      batch_id integer not null,
      region_code text not null references region(code),
      criteria jsonb not null,
      veto_enabled boolean not null default true,
      aggregation text not null check (aggregation in ('mean', 'trimmed_mean', 'median')),
      dispersion_threshold numeric not null,
      mode text not null check (mode in ('online', 'meeting')),
      blind boolean not null default false,
      opinion_required boolean not null default true,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      unique (subject_kind, batch_id)
    );

    create table review_draw (
      id integer generated always as identity primary key,
      subject_kind text not null,
      batch_id integer not null,
      region_code text not null references region(code),
      algorithm text not null,
      seed text not null,
      constraints jsonb not null,
      pool_snapshot jsonb not null,
      snapshot_sha256 text not null,
      subjects jsonb not null,
      batch_persons jsonb not null,
      -- the exclusions that hold for the whole draw (ban, quota, unavailable, own application)
      exclusions jsonb not null,
      operator_user_id integer references app_user(id),
      operator_name text,
      drawn_at timestamptz not null,
      opened_at timestamptz
    );
    create index review_draw_batch_idx on review_draw(subject_kind, batch_id);

    create table review_panel (
      id integer generated always as identity primary key,
      draw_id integer not null references review_draw(id),
      subject_kind text not null,
      subject_id integer not null,
      batch_id integer not null,
      region_code text not null references region(code),
      status text not null check (status in ('sealed', 'open', 'closed')),
      -- the per-subject exclusions (employer, relation, avoidance), each with its reason
      exclusions jsonb not null,
      review_from date not null,
      review_to date not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      unique (subject_kind, subject_id)
    );
    create index review_panel_batch_idx on review_panel(subject_kind, batch_id);

    create table review_assignment (
      id integer generated always as identity primary key,
      panel_id integer not null references review_panel(id),
      expert_id integer not null references expert(id),
      -- draw order: seats first, then the reserves
      position integer not null,
      seat boolean not null,
      status text not null check (status in ('reserve', 'invited', 'accepted', 'conflict', 'declined', 'submitted')),
      note text,
      -- the calendar year the yearly quota counts in
      year integer not null,
      declared_at timestamptz,
      version integer not null default 1,
      unique (panel_id, expert_id),
      unique (panel_id, position)
    );
    create index review_assignment_expert_idx on review_assignment(expert_id, year);

    create table review_score (
      assignment_id integer primary key references review_assignment(id),
      scores jsonb not null,
      comments jsonb not null,
      opinion text not null default '',
      veto boolean not null default false,
      total numeric not null,
      entered_by integer references app_user(id),
      entered_by_name text,
      submitted_at timestamptz not null
    );

    create table review_event (
      id integer generated always as identity primary key,
      panel_id integer not null references review_panel(id),
      at timestamptz not null,
      actor_user_id integer references app_user(id),
      actor_username text,
      kind text not null,
      detail jsonb
    );
    create index review_event_panel_idx on review_event(panel_id);

    -- 回避申请: the applicant names experts (by name, optionally with their unit, or a whole unit) to keep off its panel
    create table review_avoidance (
      id integer generated always as identity primary key,
      subject_kind text not null,
      subject_id integer not null,
      person_name text,
      org_name text,
      reason text not null,
      created_by integer references app_user(id),
      created_at timestamptz not null default now(),
      check (person_name is not null or org_name is not null)
    );
    create index review_avoidance_subject_idx on review_avoidance(subject_kind, subject_id);
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
