import { expertErrors } from './errors-expert.ts';
import { integrityErrors } from './errors-integrity.ts';
import { jobErrors } from './errors-jobs.ts';
import { platformErrors } from './errors-platform.ts';
import { reviewErrors } from './errors-review.ts';
import { talentErrors } from './errors-talent.ts';
import { techmarketMarketErrors } from './errors-techmarket-market.ts';
import { voucherErrors } from './errors-voucher.ts';

/**
 * Stable error codes: the one list the server, the web app and the CLI share.
 * `status` is the single code → HTTP status table; `zh` is the canonical title shown to users.
 */
const baseErrors = {
  'common/validation': { status: 400, zh: '提交的数据不符合要求', en: 'The submitted data is invalid' },
  'common/malformed_json': { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'common/payload_too_large': { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  'common/unsupported_media_type': { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  'common/invalid_characters': {
    status: 400,
    zh: '提交的文本含有不允许的字符（空字符、控制字符或无效的 Unicode 编码），请删除后重试',
    en: 'The submitted text contains characters that are not allowed (NUL, control characters or invalid Unicode)',
  },
  'common/too_deeply_nested': { status: 400, zh: '提交的数据层级过深', en: 'The submitted data is nested too deeply' },
  'common/not_found': { status: 404, zh: '请求的资源不存在', en: 'Not found' },
  'common/route_not_found': { status: 404, zh: '接口不存在', en: 'No such API route' },
  'common/conflict': { status: 409, zh: '数据已被他人修改，请刷新后重试', en: 'The record was changed by someone else' },
  'common/internal': { status: 500, zh: '服务器内部错误，请稍后重试或联系管理员', en: 'Internal server error' },
  'auth/unauthenticated': { status: 401, zh: '请先登录', en: 'Please sign in' },
  'auth/invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
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
  'plan/node_not_found': { status: 404, zh: '任务不存在', en: 'Unknown task' },
  'plan/target_not_found': { status: 404, zh: '该计划中没有这项目标', en: 'Unknown target of the plan' },
  'plan/not_a_task': { status: 400, zh: '只能对任务（而非章节）进行分工和报送', en: 'Only tasks can be assigned and reported on' },
  'plan/not_published': { status: 400, zh: '工作计划尚未发布，不能报送进度', en: 'The plan is not published' },
  'plan/invalid_org': {
    status: 400,
    zh: '责任单位不存在、已停用或不在本计划所属地区范围内',
    en: 'The organisation is unknown, disabled or outside the plan region',
  },
  'plan/invalid_lead': {
    status: 400,
    zh: '每项任务至少需要一个牵头单位，且同一单位不能既牵头又配合',
    en: 'A task needs a lead unit; no unit may be both',
  },
  'plan/invalid_schedule': {
    status: 400,
    zh: '任务时间安排不正确：开始日期晚于完成时限，或自定义报送日期缺失',
    en: 'Invalid task schedule',
  },
  'plan/invalid_order': { status: 400, zh: '排序须列出该上级节点的全部下级节点', en: 'The order must list every child of the parent' },
  'plan/has_reports': {
    status: 409,
    zh: '该任务或其下级任务已有进度报送，不能删除',
    en: 'The task or a task under it has progress reports and cannot be removed',
  },
  'plan/bulk_unknown_nodes': {
    status: 400,
    zh: '所选任务中有不存在或不属于本计划的任务，未作任何修改',
    en: 'Some chosen tasks do not exist or belong to another plan; nothing was changed',
  },
  'plan/bulk_lead_missing': {
    status: 400,
    zh: '所选任务中有尚无牵头单位的，追加配合单位时请同时指定牵头单位；未作任何修改',
    en: 'Some chosen tasks have no lead unit; name a lead unit too; nothing was changed',
  },
  'report/not_found': { status: 404, zh: '进度报送不存在', en: 'Unknown progress report' },
  'report/not_assigned': { status: 403, zh: '该任务未分配给您的单位，不能报送', en: 'The task is not assigned to your unit' },
  'report/invalid_period': { status: 400, zh: '报送期次不属于该任务的报送周期', en: 'The period is not a reporting period of the task' },
  'report/invalid_target': { status: 400, zh: '填报的指标不属于该任务', en: 'The target does not belong to the task' },
  'report/not_draft': { status: 409, zh: '已提交的报送不能修改；如需更正，请新建更正版本', en: 'Only drafts can be changed' },
  'report/not_submitted': { status: 409, zh: '只有已提交（待审核）的报送可以审核', en: 'Only submitted reports can be reviewed' },
  'report/not_revisable': {
    status: 409,
    zh: '只有已提交、已采纳或被退回的最新版本可以更正',
    en: 'Only the latest submitted, accepted or returned version can be revised',
  },
  'report/comment_required': { status: 400, zh: '退回时必须填写退回意见', en: 'A comment is required to return a report' },
  'report/incomplete': { status: 400, zh: '提交前请填写进展情况和完成进度', en: 'Narrative and percent are required to submit' },
  'report/attachment_type': {
    status: 415,
    zh: '不支持的附件类型（支持 PDF、Word、Excel、PPT、JPG、PNG、ZIP、TXT）',
    en: 'Unsupported attachment type',
  },
  'report/attachment_too_large': { status: 413, zh: '附件过大（单个上限 20 MB）', en: 'The attachment is too large (20 MB at most)' },
  'report/too_many_attachments': { status: 400, zh: '每份报送最多 20 个附件', en: 'At most 20 attachments per report' },
  'report/attachment_not_found': { status: 404, zh: '附件不存在', en: 'Unknown attachment' },
  'report/storage_unavailable': { status: 503, zh: '文件存储未配置，暂不能上传或下载附件', en: 'File storage is not configured' },
  'enterprise/not_found': { status: 404, zh: '企业不存在', en: 'Unknown enterprise' },
  'enterprise/duplicate_ip': {
    status: 409,
    zh: '该企业已登记相同专利号（登记号）的知识产权',
    en: 'An IP item with this number is registered',
  },
  'enterprise/duplicate_incident': {
    status: 409,
    zh: '该企业同一日期已登记同类事故记录',
    en: 'An incident of this kind on this date is registered',
  },
  'enterprise/record_not_found': { status: 404, zh: '知识产权或事故记录不存在', en: 'Unknown IP item or incident' },
  'enterprise/reserve_rules_stale': {
    status: 409,
    zh: '生效日期不能早于该地区已有规则版本的生效日期',
    en: 'The effective date precedes an existing version of the region',
  },
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
  'enterprise/tech_sme_year_registered': {
    status: 409,
    zh: '该企业本年度已有科技型中小企业入库登记编号',
    en: 'The enterprise already has a registration number for this year',
  },
  'enterprise/tech_sme_number_taken': { status: 409, zh: '该入库登记编号已被使用', en: 'This registration number is in use' },
  'enterprise/tech_sme_reapply_barred': {
    status: 409,
    zh: '被撤销登记编号的企业当年不得再次参与科技型中小企业评价',
    en: 'An enterprise whose number was revoked may not take part again in the same year',
  },
  'enterprise/tech_sme_registration_not_found': { status: 404, zh: '入库登记记录不存在', en: 'Unknown registration' },
  'enterprise/tech_sme_already_revoked': { status: 409, zh: '该入库登记编号已被撤销', en: 'The registration number is already revoked' },
  'indicator/not_found': { status: 404, zh: '指标不存在', en: 'Unknown indicator' },
  'indicator/duplicate_code': { status: 409, zh: '指标代码已存在', en: 'An indicator with this code exists' },
  'indicator/builtin_readonly': {
    status: 400,
    zh: '标准指标的单位、方向和汇总方式不能修改，只能修改名称、定义和口径说明',
    en: 'Only display fields of a built-in indicator may change',
  },
  'indicator/invalid_operands': {
    status: 400,
    zh: '比率指标的分子、分母须为已有的可加总指标',
    en: 'Ratio operands must be existing summable indicators',
  },
  'indicator/value_not_found': { status: 404, zh: '指标数值不存在', en: 'Unknown indicator value' },
  'indicator/import_invalid_file': {
    status: 400,
    zh: '文件不是有效的 .xlsx 或 UTF-8 编码的 .csv 文件，或缺少“指标代码、地区代码、期间、类型、数值”列',
    en: 'The file is not a readable .xlsx/.csv with the expected columns',
  },
  'indicator/import_too_large': { status: 413, zh: '导入文件过大（上限 20 MB、10 万行）', en: 'The import file is too large' },
  'indicator/import_rows_invalid': {
    status: 400,
    zh: '导入文件中有数据错误，未导入任何数据，请按错误清单修改后重新导入',
    en: 'Some rows are invalid; nothing was imported',
  },
  'indicator/scheme_not_found': { status: 404, zh: '评价方案不存在', en: 'Unknown evaluation scheme' },
  'indicator/invalid_scheme': { status: 400, zh: '评价方案不正确', en: 'Invalid evaluation scheme' },
  'indicator/run_not_found': { status: 404, zh: '评价结果不存在', en: 'Unknown evaluation run' },
  'indicator/no_regions': { status: 400, zh: '评价范围内没有该层级的地区', en: 'No regions of this level to evaluate' },
  'indicator/boundary_invalid': {
    status: 400,
    zh: '边界文件不是有效的 GeoJSON 要素集合（FeatureCollection，面或多面要素）',
    en: 'The boundary file is not a valid GeoJSON FeatureCollection of polygons',
  },
  'indicator/boundary_features_invalid': {
    status: 400,
    zh: '边界文件中有要素与下级地区不匹配，未保存，请按错误清单修改后重新上传',
    en: 'Some features do not match a child region; nothing was saved',
  },
  'indicator/boundary_too_large': { status: 413, zh: '边界文件过大（上限 10 MB）', en: 'The boundary file is too large (10 MB at most)' },
  'indicator/boundary_no_children': { status: 400, zh: '该地区没有下级地区，无需上传边界', en: 'This region has no child regions to draw' },
  'indicator/boundary_not_found': { status: 404, zh: '该地区尚未上传边界数据', en: 'No boundary file for this region' },
  'notification/not_found': { status: 404, zh: '通知不存在', en: 'Unknown notification' },
  'plan/xlsx_invalid_file': {
    status: 400,
    zh: '文件不是有效的 Excel（.xlsx）文件或已损坏，或缺少“任务”“指标”工作表及编号列',
    en: 'The file is not a readable .xlsx workbook exported from a plan',
  },
  'plan/xlsx_too_large': {
    status: 413,
    zh: '导入文件过大（上限 10 MB、5000 行）',
    en: 'The import file is too large (10 MB, 5,000 rows at most)',
  },
  'plan/xlsx_wrong_plan': { status: 400, zh: '该文件导出自另一份工作计划，不能导入本计划', en: 'The file was exported from another plan' },
  'plan/xlsx_stale': {
    status: 409,
    zh: '工作计划在导出之后已被修改，请重新导出后再编辑导入',
    en: 'The plan changed after the file was exported; export it again',
  },
  'plan/xlsx_rows_invalid': {
    status: 400,
    zh: '导入文件中有数据错误，未更新任何数据，请按错误清单修改后重新导入',
    en: 'Some rows are invalid; nothing was changed',
  },
  'bulletin/not_found': { status: 404, zh: '进度通报不存在', en: 'Unknown progress bulletin' },
  'person/invalid_id_number': { status: 400, zh: '身份证号码格式或校验位不正确', en: 'Invalid identity number' },
  'techmarket/seller_not_registered': {
    status: 400,
    zh: '尚未进行卖方注册：请先完成卖方注册，再提交技术合同',
    en: 'Register as a seller first',
  },
  'techmarket/seller_exists': { status: 409, zh: '该单位已完成卖方注册', en: 'This organisation is already a registered seller' },
  'techmarket/contract_file_not_found': { status: 404, zh: '合同文本文件不存在', en: 'Unknown contract file' },
  'techmarket/point_exists': { status: 409, zh: '已有同名的技术合同登记机构', en: 'A registration point with this name exists' },
  'techmarket/point_not_found': { status: 404, zh: '技术合同登记机构不存在', en: 'Unknown registration point' },
  'techmarket/no_point_for_region': {
    status: 400,
    zh: '卖方所在地区尚无技术合同登记机构，请联系科技局',
    en: "No registration point serves the seller's region",
  },
  'techmarket/contract_not_found': { status: 404, zh: '技术合同不存在', en: 'Unknown technology contract' },
  'techmarket/wrong_status': {
    status: 409,
    zh: '合同当前的状态不允许此操作，请刷新后重试',
    en: "The contract's status does not allow this",
  },
  'techmarket/contract_file_required': {
    status: 400,
    zh: '请先上传书面合同文本（.docx 或 .pdf）再提交',
    en: 'Upload the written contract (.docx or .pdf) first',
  },
  'techmarket/contract_file_type': { status: 415, zh: '合同文本须为 .docx 或 .pdf 文件', en: 'The contract must be a .docx or .pdf file' },
  'techmarket/unknown_refusal_reason': {
    status: 400,
    zh: '所选理由不在适用规则的不予受理/不予登记清单中',
    en: "The reason is not on the rule pack's checklist",
  },
  'techmarket/refusal_stage': {
    status: 400,
    zh: '不予受理的理由用于受理前，不予登记的理由用于受理后',
    en: 'Not-accepted reasons apply before acceptance, not-registered reasons after',
  },
  'techmarket/deductions_exceed': { status: 400, zh: '扣除的非技术性费用超过合同成交额', en: 'Deductions exceed the contract amount' },
  'techmarket/carrier_kind_required': { status: 400, zh: '技术成果载体须注明载体类别', en: 'A carrier needs its kind' },
  'project/programme_not_found': { status: 404, zh: '计划类别不存在', en: 'Unknown programme' },
  'project/duplicate_programme': { status: 409, zh: '本地区已有同名计划类别', en: 'A programme with this name exists in the region' },
  'project/call_not_found': { status: 404, zh: '申报指南不存在', en: 'Unknown call' },
  'project/invalid_window': { status: 400, zh: '申报截止时间须晚于开始时间', en: 'The call must close after it opens' },
  'project/call_not_draft': {
    status: 409,
    zh: '只有草稿状态的申报指南可以修改或发布',
    en: 'Only a draft call can be changed or published',
  },
  'project/call_not_published': { status: 409, zh: '只有已发布的申报指南可以截止', en: 'Only a published call can be closed' },
  'project/call_not_open': { status: 409, zh: '不在申报时间内，不能提交申报', en: 'The call is not open for submissions' },
  'project/application_not_found': { status: 404, zh: '申报书不存在', en: 'Unknown application' },
  'project/not_applicant': {
    status: 403,
    zh: '只有企业或科研院所的申报用户可以填报申报书',
    en: 'Only enterprise or institute users can apply',
  },
  'project/not_editable': {
    status: 409,
    zh: '只有草稿或被退回的申报书可以修改',
    en: 'Only drafts and returned applications can be changed',
  },
  'project/wrong_status': { status: 409, zh: '申报书当前状态不允许此操作', en: 'The application is not in a state that allows this step' },
  'project/not_eligible': {
    status: 400,
    zh: '申报单位不符合本指南的申报条件',
    en: 'The applicant does not meet the eligibility rules of the call',
  },
  'project/barred': {
    status: 403,
    zh: '申报单位或项目负责人处于科研诚信限制申报期内',
    en: 'The applicant or leader is barred by an integrity record',
  },
  'project/over_limit': {
    status: 409,
    zh: '超出本指南的限项要求（每单位或每位负责人限报项数）',
    en: 'Over the limit of the call per unit or per leader',
  },
  'project/budget_mismatch': {
    status: 400,
    zh: '预算表各科目之和与填报的合计金额不一致',
    en: 'The budget lines do not add up to the stated totals',
  },
  'project/over_max_grant': {
    status: 400,
    zh: '申请财政资金超过本指南的单项资助上限',
    en: 'The requested funding exceeds the maximum grant of the call',
  },
  'project/missing_attachments': { status: 400, zh: '缺少指南要求的附件', en: 'Required attachments are missing' },
  'project/checks_failed': { status: 409, zh: '自动检查发现不能通过的问题，请退回修改', en: 'Automatic checks found blocking problems' },
  'project/over_budget': { status: 409, zh: '立项金额合计超出本批次财政资金总额', en: 'The grants exceed the budget of the call' },
  'project/grant_required': {
    status: 400,
    zh: '立项时须填写资助金额，且不超过单项资助上限',
    en: 'A selected project needs a grant within the maximum',
  },
  'project/file_not_found': { status: 404, zh: '附件不存在', en: 'Unknown attachment' },
  'project/not_found': { status: 404, zh: '科技项目不存在', en: 'Unknown project' },
  'project/invalid_transition': { status: 409, zh: '项目当前状态不允许此操作', en: 'The project is not in a state that allows this step' },
  'project/invalid_verdict': {
    status: 400,
    zh: '验收结论与任务验收、财务验收结果不一致：通过须两项均通过，整改或不通过须至少一项不通过',
    en: 'The verdict does not match the task and finance results',
  },
  'project/contract_confirmed': {
    status: 409,
    zh: '任务书已由项目承担单位确认，不能再修改',
    en: 'The unit has confirmed the contract; it can no longer change',
  },
  'project/over_granted': { status: 409, zh: '累计拨款超过立项资助金额', en: 'Payments would exceed the granted amount' },
  'project/tech_report_missing': { status: 400, zh: '申请验收前须提交科技报告', en: 'Submit the S&T report before requesting acceptance' },
  'project/change_not_pending': { status: 409, zh: '该变更申请已处理', en: 'The change request has already been decided' },
  'project/recommender_required': {
    status: 400,
    zh: '本指南由主管部门推荐，请在申报书中选择推荐单位（主管部门）',
    en: 'This call is recommended by departments: name the recommending department',
  },
  'project/recommender_invalid': {
    status: 400,
    zh: '所选推荐单位不是本指南所在地区的主管部门',
    en: 'The recommending department is not a department of the call’s region',
  },
  'project/not_recommender': {
    status: 403,
    zh: '只有申报书中填写的推荐单位（主管部门）可以推荐该申报书',
    en: 'Only the department named on the application recommends it',
  },
  'project/report_file_exists': {
    status: 409,
    zh: '该报告已存档全文，存档后不可替换；如需更正请另行提交报告',
    en: 'This report already has its archived full text; submit a new report to correct it',
  },
  'project/budget_total_changed': {
    status: 400,
    zh: '调整预算只能在各科目之间调剂，财政资金合计须与任务书一致；增减总额请另行申请',
    en: 'A budget adjustment moves money between categories; the fiscal total must stay as in the contract',
  },
  'project/upward_not_found': { status: 404, zh: '上报争资项目不存在', en: 'Unknown upward recommendation' },
  'project/won_amount_required': { status: 400, zh: '获得立项时须填写争取到的资金', en: 'A won recommendation needs the amount won' },
  'project/import_invalid_file': {
    status: 422,
    zh: '导入文件不是有效的项目清单（.xlsx，须含项目编号、项目名称、计划类别、年度、所在地区代码、承担单位、项目负责人、资助金额列）',
    en: 'The file is not a valid project list',
  },
  'project/import_too_large': { status: 413, zh: '导入文件过大（上限 10 MB、2 万行）', en: 'The import file is too large' },
  'project/import_rows_invalid': {
    status: 400,
    zh: '导入文件中有数据错误，未导入任何项目，请按错误清单修改后重新导入',
    en: 'Some rows are invalid; nothing was imported',
  },
  'project/demand_required': {
    status: 400,
    zh: '揭榜挂帅指南须填写榜单（发榜方、攻关目标、考核指标、实施期限），其他计划类别不填榜单',
    en: 'An open-competition call needs its demand; other calls have none',
  },
  'project/milestones_invalid': {
    status: 400,
    zh: '揭榜挂帅项目的里程碑须覆盖每项考核指标，且各里程碑拨款之和等于立项资助金额',
    en: 'Open-competition milestones must cover every target and add up to the grant',
  },
  'project/milestone_payment_invalid': {
    status: 409,
    zh: '揭榜挂帅项目按里程碑拨款：须指明尚未拨付的里程碑，金额与其约定一致',
    en: 'Open-competition payments follow the milestones: name an unpaid milestone and pay its amount',
  },
  'db/locked': { status: 503, zh: '数据目录正被另一个进程使用', en: 'The data directory is in use by another process' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

/** Every module's codes in one table; a module keeps its own codes in errors-<module>.ts. */
export const errorCatalog = {
  ...baseErrors,
  ...integrityErrors,
  ...expertErrors,
  ...reviewErrors,
  ...techmarketMarketErrors,
  ...platformErrors,
  ...talentErrors,
  ...voucherErrors,
  ...jobErrors,
};

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
