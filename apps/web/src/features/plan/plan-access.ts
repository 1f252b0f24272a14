import { useCurrentUser } from '../auth/auth-api.ts';

/** Importing and confirming plans is the bureau's work: admins and planners; everyone else reads. */
export function useCanImportPlans(): boolean {
  const { user } = useCurrentUser();
  return user.roles.some((r) => r === 'admin' || r === 'planner');
}
