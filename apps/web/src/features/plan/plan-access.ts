import { useCan } from '../../app/abilities.ts';

/** Importing and confirming plans is the bureau's work (admins and planners); everyone else reads. */
export function useCanImportPlans(): boolean {
  return useCan('planImport');
}
