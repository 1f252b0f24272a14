// Tables of 科技成果、四张清单与供需对接 (migrations/0018_techmarket_market.ts); part of DB in schema.ts.
import type { ColumnType, Generated } from 'kysely';

type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** int8 as a decimal string on both drivers */
type FenNull = ColumnType<string | null, string | bigint | null | undefined, string | bigint | null>;

export interface TmAchievementTable {
  id: Generated<number>;
  owner_org_id: number;
  region_code: string;
  title: string;
  summary: string;
  kind: string;
  field_code: string;
  keywords: Generated<string[]>;
  trl: number | null;
  maturity: string;
  ip_kind: string;
  ip_numbers: Generated<string[]>;
  project_id: number | null;
  completed_on: string | null;
  status: string;
  registration_no: string | null;
  registered_on: string | null;
  note: Generated<string>;
  created_by: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  version: Generated<number>;
}

export interface TmAchievementCounterTable {
  region_code: string;
  year: number;
  last: number;
}

export interface TmListingTable {
  id: Generated<number>;
  kind: string;
  owner_org_id: number;
  region_code: string;
  title: string;
  description: string;
  field_code: string;
  keywords: Generated<string[]>;
  achievement_id: number | null;
  amount_fen: FenNull;
  trl: number | null;
  contact: Generated<string>;
  valid_until: string | null;
  status: string;
  published_at: TimestampNull;
  published_on: string | null;
  note: Generated<string>;
  terms: Generated<string[]>;
  initials: Generated<string>;
  created_by: number | null;
  created_at: TimestampDefault;
  updated_at: TimestampDefault;
  version: Generated<number>;
}

export interface TmListingGenerationTable {
  id: number;
  gen: ColumnType<string, string | number | bigint, string | number | bigint>;
}

export interface TmEventTable {
  id: Generated<number>;
  name: string;
  held_on: string;
  region_code: string;
  venue: Generated<string>;
  theme: Generated<string>;
  organiser_org_id: number;
  created_by: number | null;
  created_at: TimestampDefault;
  version: Generated<number>;
}

export interface TmEventParticipantTable {
  id: Generated<number>;
  event_id: number;
  org_id: number | null;
  name: string;
  role: string;
}

export interface TmEventPairTable {
  id: Generated<number>;
  event_id: number;
  demand_listing_id: number;
  supply_listing_id: number | null;
  supplier_org_id: number | null;
  supplier_name: string;
  status: string;
  introduced_on: string;
  intention_on: string | null;
  intention_amount_fen: FenNull;
  contract_id: number | null;
  note: Generated<string>;
  created_by: number | null;
  version: Generated<number>;
}

export interface TmAgencyTable {
  id: Generated<number>;
  org_id: number;
  level: string;
  recognised_on: string | null;
  services: Generated<string>;
  created_at: TimestampDefault;
}

export interface TmBrokerTable {
  id: Generated<number>;
  person_id: number;
  agency_id: number | null;
  region_code: string;
  created_at: TimestampDefault;
}

export interface TmBrokerTrainingTable {
  id: Generated<number>;
  broker_id: number;
  course: string;
  provider: string;
  hours: number;
  completed_on: string;
}

export interface TmBrokerCertificateTable {
  id: Generated<number>;
  broker_id: number;
  certificate_no: string;
  level: string;
  issued_by: string;
  issued_on: string;
  valid_until: string | null;
}

export interface TechContractBrokerTable {
  contract_id: number;
  agency_id: number | null;
  broker_id: number | null;
  fee_fen: FenNull;
  set_by: number | null;
  set_at: TimestampDefault;
}

export interface TmPackSwitchTable {
  region_code: string;
  pack_id: string;
  enabled: boolean;
  updated_by: number | null;
  updated_at: TimestampDefault;
}

export interface TechContractMonthTable {
  direction: string;
  parent_code: string;
  region_code: string;
  contract_type: string;
  month: string;
  n: number;
  contract_amount_fen: ColumnType<string, string | bigint, string | bigint>;
  technical_amount_fen: ColumnType<string, string | bigint, string | bigint>;
}

export interface TechmarketMarketTables {
  tech_contract_month: TechContractMonthTable;
  tm_achievement: TmAchievementTable;
  tm_achievement_counter: TmAchievementCounterTable;
  tm_listing: TmListingTable;
  tm_listing_generation: TmListingGenerationTable;
  tm_event: TmEventTable;
  tm_event_participant: TmEventParticipantTable;
  tm_event_pair: TmEventPairTable;
  tm_agency: TmAgencyTable;
  tm_broker: TmBrokerTable;
  tm_broker_training: TmBrokerTrainingTable;
  tm_broker_certificate: TmBrokerCertificateTable;
  tech_contract_broker: TechContractBrokerTable;
  tm_pack_switch: TmPackSwitchTable;
}
