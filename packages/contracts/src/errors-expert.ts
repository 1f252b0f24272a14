/** Stable error codes of 评审专家库; merged into errorCatalog (errors.ts). */
export const expertErrors = {
  'expert/not_found': { status: 404, zh: '专家不存在', en: 'Unknown expert' },
  'expert/no_profile': {
    status: 404,
    zh: '您尚未填写专家信息，请先填写并提交入库申请',
    en: 'You have no expert profile yet; fill it in first',
  },
  'expert/duplicate_person': {
    status: 409,
    zh: '此人已在专家库中（身份证号码相同），请勿重复登记；如需关联账号请联系科技局',
    en: 'This person is already in the expert pool (same identity number)',
  },
  'expert/invalid_transition': {
    status: 409,
    zh: '当前状态下不能执行该操作，请刷新后重试',
    en: 'This action is not possible in the current status',
  },
  'expert/removed': { status: 409, zh: '该专家已移出专家库，不能再修改', en: 'The expert has been removed from the pool' },
  'expert/account_not_found': { status: 400, zh: '关联的账号不存在', en: 'The account to link does not exist' },
  'expert/account_not_expert': {
    status: 400,
    zh: '只能关联具有“评审专家”角色的账号',
    en: 'Only accounts with the expert role can be linked',
  },
  'expert/account_taken': { status: 409, zh: '该账号已关联其他专家', en: 'The account is linked to another expert' },
  'expert/region_locked': {
    status: 400,
    zh: '入库后所属地区由科技局调整，不能自行修改',
    en: 'Once approved, only the bureau can change the region',
  },
  'expert/unknown_region': { status: 400, zh: '行政区划代码不存在或已撤销', en: 'Unknown or retired region code' },
  'expert/import_invalid_file': {
    status: 400,
    zh: '文件不是可识别的专家名单（.xlsx，首行为列名，列同导出模板）',
    en: 'Not a recognisable expert list (.xlsx with the template header row)',
  },
  'expert/import_too_large': { status: 413, zh: '文件过大（上限 10 MB、20000 行）', en: 'The file is too large (10 MB, 20,000 rows)' },
  'expert/import_rows_invalid': {
    status: 400,
    zh: '部分行有错误，未导入任何数据；请按错误清单修改后重新上传',
    en: 'Some rows are invalid; nothing was imported',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
