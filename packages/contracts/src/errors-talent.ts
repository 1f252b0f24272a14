/** Stable error codes of 科技人才与科技特派员; merged into errorCatalog (errors.ts). */
export const talentErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
