import { z } from 'zod';
import { ZUser } from './user.ts';

/** Account security policy. Values an operator may want to tune live here, not in code paths. */
export const authPolicy = {
  passwordMinLength: 10,
  /** consecutive failures on one account before a temporary lock */
  lockAfterFailures: 5,
  lockMinutes: 15,
  /** failed attempts from one address within the window before it is throttled */
  ipMaxFailures: 20,
  ipWindowMinutes: 15,
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

export const ZMe = z
  .object({
    user: ZUser,
    csrfToken: z.string(),
    demo: z.boolean().describe('the server runs with demo data'),
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
