/** Stable error codes of 科技人才与科技特派员; merged into errorCatalog (errors.ts). */
export const talentErrors = {
  'talent/not_found': { status: 404, zh: '人才记录不存在', en: 'Unknown talent record' },
  'talent/exists': { status: 409, zh: '此人已在人才库中', en: 'The person is already in the registry' },
  'talent/programme_not_found': { status: 404, zh: '人才计划不存在', en: 'Unknown programme' },
  'talent/round_not_found': { status: 404, zh: '遴选批次不存在', en: 'Unknown selection round' },
  'talent/round_decided': { status: 409, zh: '该批次已确定人选', en: 'The round is decided' },
  'talent/over_quota': { status: 400, zh: '入选人数超过批次名额', en: 'More selected than the round’s quota' },
  'talent/not_nominated': { status: 400, zh: '入选人须先被推荐参加本批次', en: 'Only a nominee can be selected' },
  'talent/barred': { status: 400, zh: '该人员存在科研诚信记录，限制参加', en: 'The person is barred by an integrity record' },
  'talent/commissioner_not_found': { status: 404, zh: '科技特派员记录不存在', en: 'Unknown commissioner' },
  'talent/commissioner_exists': { status: 409, zh: '此人当年已选派为科技特派员', en: 'Already a commissioner this year' },
  'talent/team_not_found': { status: 404, zh: '专家服务团不存在', en: 'Unknown expert team' },
  'talent/target_not_found': { status: 404, zh: '服务对象不存在', en: 'Unknown service target' },
  'talent/served_out_of_year': {
    status: 400,
    zh: '服务日期须在选派年度内且不晚于今天',
    en: 'The service date must be in the year and not in the future',
  },
  'talent/code_invalid': { status: 404, zh: '确认码无效', en: 'Unknown confirmation code' },
  'talent/already_confirmed': { status: 409, zh: '该服务记录已确认', en: 'Already confirmed' },
  'talent/photo_type': { status: 400, zh: '请上传 JPG 或 PNG 照片', en: 'Upload a JPG or PNG photo' },
  'talent/stale': { status: 409, zh: '记录已被他人修改，请刷新后重试', en: 'Changed by someone else; reload and retry' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
