/** zh-CN names used in reasons and exports (the web app has its own in i18n integrity.json). */
export const listZh: Record<string, string> = { black: '黑名单', red: '红名单', watch: '重点关注名单' };
export const statusZh: Record<string, string> = {
  draft: '草稿',
  confirmed: '已确认',
  published: '已公布',
  revoked: '已撤销',
  expired: '已到期',
};
export const severityZh: Record<string, string> = { minor: '较轻', serious: '较重', severe: '严重', extreme: '特别严重' };
export const activityZh: Record<string, string> = {
  apply: '申报',
  undertake: '承担',
  review: '评审',
  hnte: '高企认定',
  award: '奖励',
  voucher: '创新券',
  platform: '平台认定',
};
export const appealZh: Record<string, string> = { none: '无', pending: '申诉中', upheld: '申诉成立', rejected: '申诉驳回' };
