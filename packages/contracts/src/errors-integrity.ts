/** Stable error codes of 科研诚信记录（红黑名单）; merged into errorCatalog (errors.ts). */
export const integrityErrors = {
  'integrity/not_found': { status: 404, zh: '科研诚信记录不存在', en: 'Unknown integrity record' },
  'integrity/wrong_status': {
    status: 409,
    zh: '该记录当前状态不允许此操作',
    en: 'The record is not in a state that allows this step',
  },
  'integrity/incomplete': {
    status: 400,
    zh: '确认前须填写完整：处理决定文号、作出日期、行为发生日期、失信类型、处理措施及期限',
    en: 'Complete the record before confirming it: decision number and date, incident date, type, measures and period',
  },
  'integrity/subject_not_found': { status: 404, zh: '记录对象（人员或单位）不存在', en: 'Unknown person or organisation' },
  'integrity/subject_mismatch': {
    status: 400,
    zh: '记录对象须与对象类型一致：人员填写人员，单位填写单位',
    en: 'A person record names a person, an organisation record an organisation',
  },
  'integrity/period_invalid': {
    status: 400,
    zh: '期限不正确：须有起始日期，并且只能选择截止日期、年限或永久之一，截止日期不得早于起始日期',
    en: 'Invalid period: a start date and exactly one of end date, years or permanent; the end not before the start',
  },
  'integrity/ban_scope_mismatch': {
    status: 400,
    zh: '限制范围与处理措施不一致：选择“一定期限禁止（取消）资格”时须选择限制的活动，反之不得选择',
    en: 'A ban measure needs the activities it covers, and activities need a ban measure',
  },
  'integrity/red_with_measures': {
    status: 400,
    zh: '红名单记录不得含有失信类型、处理措施或限制范围',
    en: 'A red-list record carries no misconduct type, measures or ban',
  },
  'integrity/not_publishable': {
    status: 409,
    zh: '重点关注名单仅供内部使用，不公开发布',
    en: 'The watch list is internal and is not published',
  },
  'integrity/suggestion_not_found': {
    status: 404,
    zh: '该项目事件不是待处理的科研诚信线索',
    en: 'The project event is not an integrity suggestion',
  },
  'integrity/suggestion_handled': {
    status: 409,
    zh: '该线索已登记为记录或已不予立案',
    en: 'The suggestion already has a record for this subject or was dismissed',
  },
  'integrity/barred': {
    status: 403,
    zh: '处于科研诚信限制期内，不能参与此项活动',
    en: 'Barred from this activity by an integrity record',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
