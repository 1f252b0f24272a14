/** Stable error codes of 科技创新券; merged into errorCatalog (errors.ts). */
export const voucherErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
