import type { ColumnType, Generated } from 'kysely';

// Tables of 科技创新券 (migrations/0021_voucher.ts); part of DB in schema.ts.
type TimestampDefault = ColumnType<Date, Date | string | undefined, Date | string>;
type TimestampNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** int8 as a decimal string on both drivers */
type Fen = ColumnType<string, string | bigint, string | bigint>;
type FenDefault = ColumnType<string, string | bigint | undefined, string | bigint>;
type FenNull = ColumnType<string | null, string | bigint | null | undefined, string | bigint | null>;

export interface VoucherProviderTable {
  id: Generated<number>;
  org_id: number;
  region_code: string;
  services: string[];
  related_usccs: ColumnType<string[], string[] | undefined, string[]>;
  registered_on: string;
  removed_on: string | null;
  status: string;
  created_at: TimestampDefault;
  version: Generated<number>;
}

export interface VoucherQuotaTable {
  id: Generated<number>;
  pack_id: string;
  region_code: string;
  year: number;
  holder_kind: string;
  enterprise_id: number | null;
  team_name: string | null;
  team_incubator: string | null;
  team_members: number | null;
  requested_fen: Fen;
  granted_fen: FenNull;
  used_fen: FenDefault;
  status: string;
  expires_on: string;
  refusal_reason: string | null;
  applied_by: number | null;
  decided_by: number | null;
  decided_at: TimestampNull;
  created_at: TimestampDefault;
  version: Generated<number>;
}

export interface VoucherBatchTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  quarter: number;
  status: string;
  paid_on: string | null;
  created_by: number | null;
  created_at: TimestampDefault;
  version: Generated<number>;
}

export interface VoucherUseTable {
  id: Generated<number>;
  quota_id: number;
  provider_id: number;
  service: string;
  contract_no: string;
  contract_amount_fen: Fen;
  signed_on: string;
  amount_fen: Fen;
  status: string;
  requested_on: string | null;
  batch_id: number | null;
  refusal_reason: string | null;
  created_by: number | null;
  created_at: TimestampDefault;
  version: Generated<number>;
}

export interface VoucherUseFileTable {
  id: Generated<number>;
  use_id: number;
  kind: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: number | null;
  uploaded_at: TimestampDefault;
}

export interface VoucherTables {
  voucher_provider: VoucherProviderTable;
  voucher_quota: VoucherQuotaTable;
  voucher_batch: VoucherBatchTable;
  voucher_use: VoucherUseTable;
  voucher_use_file: VoucherUseFileTable;
}
