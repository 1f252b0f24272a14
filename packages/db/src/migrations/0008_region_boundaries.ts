import { type Kysely, sql } from 'kysely';

// Region boundary files for the indicator map view (docs/decisions/0008-map-boundaries.md).
// The product ships no boundary data: a bureau uploads its own approved file (审图号) for a parent
// region, whose features draw that region's children. One current file per parent region.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table region_boundary (
      region_code text primary key references region(code),
      -- a GeoJSON FeatureCollection whose features carry the child regions' codes
      geojson jsonb not null,
      -- the child region codes the features matched (sorted)
      matched_codes jsonb not null,
      -- source and 审图号 of the map, as stated by the uploader
      source_note text not null default '',
      byte_size integer not null,
      uploaded_by integer references app_user(id),
      uploaded_at timestamptz not null default now()
    );
  `.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
