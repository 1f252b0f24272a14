import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_regions.ts';
import * as m0003 from './migrations/0003_plans.ts';
import * as m0004 from './migrations/0004_enterprises.ts';
import * as m0005 from './migrations/0005_plan_execution.ts';
import * as m0006 from './migrations/0006_enterprise_ip.ts';
import * as m0007 from './migrations/0007_indicators.ts';
import * as m0008 from './migrations/0008_region_boundaries.ts';
import * as m0009 from './migrations/0009_plan_read_models.ts';
import * as m0010 from './migrations/0010_projects.ts';
import * as m0010b from './migrations/0010_projects_lifecycle.ts';
import * as m0010c from './migrations/0010_projects_open_competition.ts';
import * as m0010d from './migrations/0010_projects_search.ts';
import * as m0011 from './migrations/0011_enterprise_indicator_engines.ts';
import * as m0012 from './migrations/0012_login_backoff.ts';
import * as m0013 from './migrations/0013_workbench.ts';
import * as m0014 from './migrations/0014_techmarket.ts';
import * as m0015 from './migrations/0015_integrity.ts';
import * as m0016 from './migrations/0016_expert.ts';
import * as m0017 from './migrations/0017_review.ts';
import * as m0018 from './migrations/0018_techmarket_market.ts';
import * as m0019 from './migrations/0019_platform.ts';
import * as m0020 from './migrations/0020_talent.ts';
import * as m0021 from './migrations/0021_voucher.ts';
import * as m0022 from './migrations/0022_project_recommender.ts';
import * as m0023 from './migrations/0023_project_report_file.ts';
import * as m0025 from './migrations/0025_talent_confirmations.ts';
import * as m0026 from './migrations/0026_jobs.ts';
import * as m0027 from './migrations/0027_plan_import_staging.ts';
import * as m0028 from './migrations/0028_report_tally_relevant_changes.ts';

/** Versioned migrations, applied in name order at start. Forward-only. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_regions': m0002,
  '0003_plans': m0003,
  '0004_enterprises': m0004,
  '0005_plan_execution': m0005,
  '0006_enterprise_ip': m0006,
  '0007_indicators': m0007,
  '0008_region_boundaries': m0008,
  '0009_plan_read_models': m0009,
  '0012_login_backoff': m0012,
  '0014_techmarket': m0014,
  '0013_workbench': m0013,
  '0010_projects': m0010,
  '0010_projects_lifecycle': m0010b,
  '0010_projects_open_competition': m0010c,
  '0010_projects_search': m0010d,
  '0011_enterprise_indicator_engines': m0011,
  '0015_integrity': m0015,
  '0016_expert': m0016,
  '0017_review': m0017,
  '0018_techmarket_market': m0018,
  '0019_platform': m0019,
  '0020_talent': m0020,
  '0021_voucher': m0021,
  '0022_project_recommender': m0022,
  '0023_project_report_file': m0023,
  '0025_talent_confirmations': m0025,
  '0026_jobs': m0026,
  '0027_plan_import_staging': m0027,
  '0028_report_tally_relevant_changes': m0028,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

// biome-ignore lint/suspicious/noExplicitAny: any Kysely instance can be migrated
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies the migrations up to and including `name` (a restore builds the schema its backup was taken at). */
// biome-ignore lint/suspicious/noExplicitAny: any Kysely instance can be migrated
export async function migrateTo(db: Kysely<any>, name: string, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateTo(name);
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
