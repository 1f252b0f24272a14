/** Stable error codes of 评审专家库; merged into errorCatalog (errors.ts). */
export const expertErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
