// 科技创新券: the module's public functions.
export { coverOf, quarterEnd, quarterOf, voucherAmount, withinCaps, yearlyCapFen } from './arithmetic.ts';
export { createBatch, exportBatchXlsx, listBatches, payBatch } from './batches.ts';
export { listProviders, publicProviders, registerProvider, removeProvider, voucherMe } from './providers.ts';
export { applyQuota, exportQuotasXlsx, getQuota, grantQuota, listQuotas, refuseQuota } from './quotas.ts';
export { approveRedemption, evidenceType, refuseRedemption, requestRedemption, uploadUseFile } from './redemption.ts';
export { packById, packInForce, voucherPacks } from './rule-packs.ts';
export { cancelUse, getUse, listUses, useVoucher } from './uses.ts';
