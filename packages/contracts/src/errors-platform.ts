/** Stable error codes of 创新平台; merged into errorCatalog (errors.ts). */
export const platformErrors = {
  'platform/not_found': { status: 404, zh: '创新平台不存在', en: 'Platform not found' },
  'platform/type_unknown': { status: 400, zh: '平台类型不存在', en: 'Unknown platform type' },
  'platform/field_unknown': { status: 400, zh: '填写了该平台类型没有的指标', en: 'A field the platform type does not have' },
  'platform/delisted': { status: 409, zh: '平台已摘牌，不能再变更或报送', en: 'The platform has been delisted' },
  'platform/level_invalid': {
    status: 400,
    zh: '升级须提高级别、降级须降低级别',
    en: 'An upgrade must raise the level, a downgrade lower it',
  },
  'platform/call_not_found': { status: 404, zh: '认定批次不存在', en: 'Recognition round not found' },
  'platform/call_state': { status: 409, zh: '认定批次当前状态不允许此操作', en: 'The round is not in a state that allows this' },
  'platform/call_closed': { status: 409, zh: '认定批次不在受理期', en: 'The round is not accepting applications' },
  'platform/type_not_in_call': { status: 400, zh: '本批次不受理该类型平台', en: 'The round does not accept this platform type' },
  'platform/application_not_found': { status: 404, zh: '认定申请不存在', en: 'Application not found' },
  'platform/application_state': {
    status: 409,
    zh: '认定申请当前状态不允许此操作',
    en: 'The application is not in a state that allows this',
  },
  'platform/conditions_unmet': { status: 400, zh: '不满足该类型平台的认定条件', en: 'The conditions of the platform type are not met' },
  'platform/applicant_barred': {
    status: 403,
    zh: '依托单位在科研诚信限制期内，不得申报',
    en: 'The host organisation is barred by a research-integrity record',
  },
  'platform/duplicate_application': {
    status: 409,
    zh: '本单位已在本批次申报同名平台',
    en: 'The unit already applied for this platform in the round',
  },
  'platform/report_locked': { status: 409, zh: '年度报告已提交，不能再修改', en: 'The yearly report has been submitted' },
  'platform/report_year': {
    status: 400,
    zh: '报告年度早于平台认定年度或晚于当前年度',
    en: 'The report year is before recognition or in the future',
  },
  'platform/evaluation_not_found': { status: 404, zh: '绩效评价不存在', en: 'Evaluation not found' },
  'platform/evaluation_state': { status: 409, zh: '绩效评价已确认', en: 'The evaluation has been confirmed' },
  'platform/evaluation_empty': { status: 400, zh: '该地区没有此类型的运行中平台', en: 'No active platform of this type in the region' },
  'platform/publicity_pending': { status: 409, zh: '公示期未满，不能认定', en: 'The publicity period has not ended' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
