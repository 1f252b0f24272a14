/**
 * Lets requests that arrived meanwhile run before long work goes on: a turn of the event loop between two
 * statements, pages or slices of background work (imports, reminders, bulletins, jobs).
 */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
