import type { TAbilities, TNavModule } from '@kechuang/contracts';
import { useCurrentUser } from '../features/auth/auth-api.ts';

/** What the signed-in user may open and do, as the server computed it with the session. */
export function useAbilities(): TAbilities {
  return useCurrentUser().abilities;
}

export function useCan(action: keyof TAbilities['actions']): boolean {
  return useAbilities().actions[action];
}

export function useMayOpen(module: TNavModule): boolean {
  return useAbilities().modules.includes(module);
}
