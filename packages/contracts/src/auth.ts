import { z } from 'zod';
import { ZUser } from './user.ts';

/** Account security policy. Values an operator may want to tune live here, not in code paths. */
export const authPolicy = {
  passwordMinLength: 10,
  /**
   * Sign-in back-off (never a lock-out): within the window, failures beyond the free number — counted per
   * username (known or not) and per source address — make the next attempt wait, doubling up to a cap.
   * A browser that signed in to the account before (its device cookie) is not slowed for that account.
   */
  loginWindowMinutes: 15,
  accountFreeFailures: 5,
  accountBackoffSeconds: { first: 30, max: 300 },
  sourceFreeFailures: 20,
  sourceBackoffSeconds: { first: 2, max: 60 },
  deviceCookie: 'kc_device',
  deviceDays: 180,
  sessionIdleHours: 12,
  sessionMaxDays: 7,
  sessionCookie: 'kc_session',
  csrfCookie: 'kc_csrf',
  csrfHeader: 'x-csrf-token',
} as const;

export function passwordProblem(pw: string): string | null {
  if (pw.length < authPolicy.passwordMinLength) return 'too_short';
  if (!/[A-Za-z]/.test(pw) || !/\d/.test(pw)) return 'needs_letters_and_digits';
  return null;
}

export const ZLogin = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(40),
  password: z.string().min(1).max(200),
});

/** The menu entries a user may open: computed on the server from the modules' own policies. */
export const navModules = [
  'myTasks',
  'plans',
  'indicators',
  'enterprises',
  'projects',
  'experts',
  'review',
  'integrity',
  'techmarket',
  'platforms',
  'talent',
  'vouchers',
  'admin',
] as const;
export const ZNavModule = z.enum(navModules);
export type TNavModule = z.infer<typeof ZNavModule>;

export const ZAbilities = z
  .object({
    modules: z.array(ZNavModule),
    actions: z.object({
      planImport: z.boolean().describe('import and create plans'),
      planManage: z.boolean().describe('edit, assign, review and publish plans; bulletins'),
      planRead: z.boolean().describe('read the plans, dashboards and bulletins of the region'),
      report: z.boolean().describe('report progress on tasks assigned to the own organisation'),
      indicatorWrite: z.boolean().describe('record and import indicator values, schemes and runs'),
      catalogAdmin: z.boolean().describe('add and edit local indicators of the catalogue'),
      registryRead: z.boolean().describe('read the enterprise registry of the region (funnel, reserve pool, export)'),
      registryWrite: z.boolean().describe('add, import and edit enterprises of the region'),
      ownEnterprise: z.boolean().describe('an enterprise account: its own record and pre-assessment'),
    }),
  })
  .meta({ id: 'Abilities' });
export type TAbilities = z.infer<typeof ZAbilities>;

export const ZMe = z
  .object({
    user: ZUser,
    csrfToken: z.string(),
    demo: z.boolean().describe('the server runs with demo data'),
    abilities: ZAbilities.describe('what the menu, buttons and tabs offer this user (the server enforces the same rules)'),
  })
  .meta({ id: 'Me' });
export type TMe = z.infer<typeof ZMe>;

export const ZPasswordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const ZSession = z
  .object({
    id: z.string().describe('public id of the session (not the cookie token)'),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });
export type TSession = z.infer<typeof ZSession>;
export const ZSessionIdParams = z.strictObject({ sessionId: z.string().regex(/^[0-9a-f]{16}$/) });
export const ZRevokedCount = z.object({ revoked: z.number().int() });
