/**
 * Stable error codes: the one list the server, the web app and the CLI share.
 * `status` is the single code → HTTP status table; `zh` is the canonical title shown to users.
 */
export const errorCatalog = {
  'common/validation': { status: 400, zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  'common/malformed_json': { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'common/payload_too_large': { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  'common/unsupported_media_type': { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  'common/not_found': { status: 404, zh: '请求的资源不存在', en: 'Not found' },
  'common/route_not_found': { status: 404, zh: '接口不存在', en: 'No such API route' },
  'common/conflict': { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record was changed by someone else' },
  'common/internal': { status: 500, zh: '服务器内部错误，请稍后重试或联系管理员', en: 'Internal server error' },
  'auth/unauthenticated': { status: 401, zh: '请先登录', en: 'Please sign in' },
  'auth/invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth/account_locked': {
    status: 423,
    zh: '账号因多次登录失败已临时锁定，请稍后再试',
    en: 'Account temporarily locked after repeated failures',
  },
  'auth/account_disabled': { status: 403, zh: '账号已停用，请联系管理员', en: 'The account is disabled' },
  'auth/too_many_attempts': { status: 429, zh: '登录尝试过于频繁，请稍后再试', en: 'Too many sign-in attempts; try again later' },
  'auth/csrf_failed': { status: 403, zh: '安全校验失败，请刷新页面后重试', en: 'CSRF check failed; reload the page' },
  'auth/password_change_required': { status: 403, zh: '首次登录或密码已重置，请先修改密码', en: 'You must change your password first' },
  'auth/weak_password': {
    status: 400,
    zh: '新密码不符合要求：至少 10 位，且同时包含字母和数字',
    en: 'Password must be at least 10 characters with letters and digits',
  },
  'auth/wrong_password': { status: 400, zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth/password_reused': { status: 400, zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'auth/forbidden': { status: 403, zh: '没有权限执行此操作', en: 'You are not allowed to do this' },
  'auth/out_of_scope': { status: 403, zh: '该数据不在您的管辖范围内', en: 'This record is outside your scope' },
  'region/not_found': { status: 404, zh: '行政区划代码不存在', en: 'Unknown region code' },
  'region/retired': { status: 400, zh: '该行政区划已撤销，请使用新的区划', en: 'The region has been retired' },
  'region/invalid_change': { status: 400, zh: '区划调整信息不正确', en: 'Invalid division change' },
  'org/not_found': { status: 404, zh: '单位不存在', en: 'Unknown organisation' },
  'org/duplicate_name': { status: 409, zh: '同一地区已有同名单位', en: 'An organisation with this name exists in the region' },
  'org/duplicate_uscc': { status: 409, zh: '该统一社会信用代码已登记', en: 'This credit code is already registered' },
  'org/has_users': { status: 409, zh: '该单位下仍有启用的用户，不能停用', en: 'The organisation still has active users' },
  'org/invalid_uscc': { status: 400, zh: '统一社会信用代码校验失败', en: 'Invalid unified social credit code' },
  'user/not_found': { status: 404, zh: '用户不存在', en: 'Unknown user' },
  'user/duplicate_username': { status: 409, zh: '用户名已被使用', en: 'The username is taken' },
  'user/role_not_allowed': { status: 400, zh: '该角色与所属单位类型不匹配', en: 'This role does not fit the organisation kind' },
  'user/cannot_disable_self': { status: 400, zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  'session/not_found': { status: 404, zh: '会话不存在或已结束', en: 'Unknown session' },
  'import/empty': { status: 400, zh: '文件为空或没有可识别的文字', en: 'The file is empty or has no readable text' },
  'import/unsupported_type': {
    status: 415,
    zh: '不支持的文件类型（支持 .docx、.pdf、.html、.txt）',
    en: 'Unsupported file type (.docx, .pdf, .html, .txt)',
  },
  'import/scanned_pdf': {
    status: 422,
    zh: '该 PDF 没有文字层（可能是扫描件），请先进行文字识别或上传 Word 版本',
    en: 'The PDF has no text layer (scanned?)',
  },
  'import/corrupt': { status: 422, zh: '文件已损坏或格式不正确，无法读取', en: 'The file is corrupt or malformed' },
  'import/too_large': { status: 413, zh: '文件过大（上限 20 MB）', en: 'The file is too large (20 MB at most)' },
  'import/zip_bomb': { status: 422, zh: '文件解压后体积异常巨大，已拒绝读取', en: 'The file expands to an implausible size' },
  'plan/not_found': { status: 404, zh: '工作计划不存在', en: 'Unknown plan' },
  'plan/invalid_tree': { status: 400, zh: '任务结构不正确：上级节点不存在或形成循环', en: 'Invalid plan tree' },
  'enterprise/not_found': { status: 404, zh: '企业不存在', en: 'Unknown enterprise' },
  'enterprise/duplicate_uscc': {
    status: 409,
    zh: '该统一社会信用代码的企业已登记',
    en: 'An enterprise with this credit code is registered',
  },
  'enterprise/invalid_org': {
    status: 400,
    zh: '关联的账号单位不存在或不是本地区的企业单位',
    en: 'The linked organisation is not an enterprise of the region',
  },
  'enterprise/import_invalid_file': {
    status: 400,
    zh: '文件不是有效的 Excel（.xlsx）文件或已损坏，或缺少“企业名录”“年度数据”工作表',
    en: 'The file is not a readable .xlsx workbook with the expected sheets',
  },
  'enterprise/import_too_large': {
    status: 413,
    zh: '导入文件过大（上限 10 MB、20000 行）',
    en: 'The import file is too large (10 MB, 20,000 rows at most)',
  },
  'enterprise/import_rows_invalid': {
    status: 400,
    zh: '导入文件中有数据错误，未导入任何数据，请按错误清单修改后重新导入',
    en: 'Some rows are invalid; nothing was imported',
  },
  'db/locked': { status: 503, zh: '数据目录正被另一个进程使用', en: 'The data directory is in use by another process' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

/** A domain error with a stable code. Thrown by core, mapped to problem+json by the server. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, details?: Record<string, unknown>, message?: string) {
    super(message ?? errorCatalog[code].en);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
