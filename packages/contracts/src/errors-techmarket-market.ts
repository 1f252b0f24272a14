/** Stable error codes of 科技成果、四张清单与供需对接; merged into errorCatalog (errors.ts). */
export const techmarketMarketErrors = {} as const satisfies Record<string, { status: number; zh: string; en: string }>;
