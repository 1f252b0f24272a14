/**
 * Lets requests that arrived meanwhile run before long work goes on: a turn of the event loop between two
 * statements, pages or slices of background work (imports, reminders, bulletins, jobs, a large plan's progress).
 *
 * A whole turn: work resumed from an I/O callback that set one immediate would go on in the same loop
 * iteration's check phase, before any timer or new I/O is looked at. The second immediate is set from the
 * check phase, so it runs only after the loop has been through its timers and its I/O.
 */
export const yieldTurn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));
