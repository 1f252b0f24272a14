import { randomInt } from 'node:crypto';
import { AppError, passwordProblem } from '@kechuang/contracts';
import { hash, verify } from '@node-rs/argon2';

// argon2id (algorithm 2) with the OWASP-recommended minimum: 19 MiB, 2 passes.
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A verify against a fixed hash, so an unknown username costs as much time as a wrong password. */
let dummyHash: Promise<string> | undefined;
export async function burnVerify(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-0');
  await verifyPassword(await dummyHash, password);
}

export function assertStrongPassword(pw: string): void {
  if (passwordProblem(pw)) throw new AppError('auth/weak_password');
}

// No 0/O, 1/l/I: temporary passwords are read aloud and typed by hand.
const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function generatePassword(length = 12): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[randomInt(alphabet.length)];
    if (!passwordProblem(s)) return s;
  }
}
