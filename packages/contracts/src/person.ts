import { z } from 'zod';

/*
 * One person record serves project leaders and members now, experts, 特派员, talent and 技术经理人 later.
 * The 居民身份证号码 is accepted on input only: it is kept as a keyed hash (to recognise the same person
 * again) and its last four characters; no response ever carries it in full.
 */

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** GB 11643-1999 check character of an 18-character 公民身份号码. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] as number);
  return checkChars[sum % 11] as string;
}

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

export const ZIdNumber = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidIdNumber, '身份证号码格式或校验位不正确');

export const ZPersonInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  idNumber: ZIdNumber.optional().describe('居民身份证号码（仅用于识别同一人，保存为加密摘要与末四位）'),
  gender: z.enum(['male', 'female']).nullable().optional(),
  title: z.string().trim().max(50).nullable().optional().describe('职称 / 职务'),
  employerName: z.string().trim().max(100).nullable().optional().describe('工作单位（未在系统登记时）'),
  disciplineCodes: z
    .array(z.string().regex(/^[0-9A-Z]{1,10}$/))
    .max(10)
    .optional()
    .describe('学科代码'),
  phone: z.string().trim().max(30).nullable().optional(),
  email: z.string().trim().max(100).nullable().optional(),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;

/** What is shown of a person: never the identity number. */
export const ZPersonView = z.object({
  id: z.number().int(),
  name: z.string(),
  title: z.string().nullable(),
  employerOrgId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  idLast4: z.string().nullable(),
});
export type TPersonView = z.infer<typeof ZPersonView>;
