/** Stable error codes of background jobs; merged into errorCatalog (errors.ts). */
export const jobErrors = {
  'job/not_found': { status: 404, zh: '后台任务不存在', en: 'The background job does not exist' },
  'job/unknown_kind': { status: 500, zh: '未知的后台任务类型', en: 'Unknown kind of background job' },
  'job/abandoned': {
    status: 500,
    zh: '后台任务多次中断（服务进程退出），已停止重试，请重新发起',
    en: 'The job was interrupted too often (its server process ended); start it again',
  },
  'job/failed': { status: 500, zh: '后台任务执行失败，请稍后重试', en: 'The background job failed; try again later' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;
