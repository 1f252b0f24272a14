/** Stable error codes of 科研诚信记录（红黑名单）; merged into errorCatalog (errors.ts). */
export const integrityErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
