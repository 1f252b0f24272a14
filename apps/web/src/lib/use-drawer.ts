import { useCallback, useState } from 'react';

export interface DrawerState<T> {
  open: boolean;
  /** What is being edited; null when creating. Kept while the drawer animates closed. */
  item: T | null;
  /** Changes on every opening: use as the drawer's `key` so its form starts fresh. */
  key: number;
}

/** Open/close state for a create-or-edit drawer. */
export function useDrawer<T>() {
  const [state, setState] = useState<DrawerState<T>>({ open: false, item: null, key: 0 });
  const open = useCallback((item: T | null) => setState((s) => ({ open: true, item, key: s.key + 1 })), []);
  const close = useCallback(() => setState((s) => ({ ...s, open: false })), []);
  return { ...state, openWith: open, close };
}
