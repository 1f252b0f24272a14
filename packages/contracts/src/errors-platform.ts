/** Stable error codes of 创新平台; merged into errorCatalog (errors.ts). */
export const platformErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
