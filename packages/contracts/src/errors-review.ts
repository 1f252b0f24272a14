/** Stable error codes of 专家抽取与评审; merged into errorCatalog (errors.ts). */
export const reviewErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
