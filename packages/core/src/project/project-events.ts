import type { Db } from './project.repository.ts';

/**
 * An application's or a project's timeline, oldest first, each step with the name its actor is known by (the
 * account's display name; the stored account name when the account is gone or the step came from the system).
 */
export function eventsNamed(db: Db, column: 'application_id' | 'project_id', id: number) {
  return db
    .selectFrom('project_event as e')
    .leftJoin('app_user as u', 'u.username', 'e.actor_username')
    .selectAll('e')
    .select('u.display_name as actor_name')
    .where(`e.${column}`, '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}
