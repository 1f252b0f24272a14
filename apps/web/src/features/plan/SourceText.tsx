import { type CSSProperties, useCallback, useEffect, useMemo, useRef } from 'react';
import { scrollWithin } from './plan-format.ts';
import { SourcePiece } from './SourcePiece.tsx';
import { readSelection, type SourceMark, segment, type TextSelection } from './source-offsets.ts';

export type { SourceMark, TextSelection } from './source-offsets.ts';

export interface SourceTextProps {
  text: string;
  marks: readonly SourceMark[];
  selectedId?: string | null;
  onMarkClick?: (id: string) => void;
  /** Called after each mouse or keyboard selection inside the pane (null when nothing is selected). */
  onSelect?: (selection: TextSelection | null) => void;
  /** Scroll so that this offset shows at the top of the pane (a new object each time). */
  focusAt?: { at: number } | null;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * The document's text, readable and selectable, with targets highlighted. Rendered as flat
 * segments with `data-start`, so a DOM selection maps back to offsets into `text`.
 */
export function SourceText({
  text,
  marks,
  selectedId = null,
  onMarkClick,
  onSelect,
  focusAt = null,
  style,
  'data-testid': testId,
}: SourceTextProps) {
  const ref = useRef<HTMLDivElement>(null);
  // One stable click handler, so unchanged pieces skip re-rendering when the page re-renders.
  const onMarkClickRef = useRef(onMarkClick);
  onMarkClickRef.current = onMarkClick;
  const clickMark = useCallback((id: string) => onMarkClickRef.current?.(id), []);
  const segments = useMemo(() => segment(text, marks, selectedId), [text, marks, selectedId]);

  useEffect(() => {
    if (!selectedId || !ref.current) return;
    const el = ref.current.querySelector<HTMLElement>(`[data-mark="${CSS.escape(selectedId)}"]`);
    if (el) scrollWithin(ref.current, el);
  }, [selectedId]);

  useEffect(() => {
    const root = ref.current;
    if (!focusAt || !root) return;
    let target: HTMLElement | null = null;
    for (const el of root.querySelectorAll<HTMLElement>('[data-start]')) {
      if (Number(el.dataset.start) > focusAt.at) break;
      target = el;
    }
    const node = target?.firstChild;
    if (!target || !node) return;
    // A range at the exact character, since one plain segment can run over many lines.
    const range = document.createRange();
    range.setStart(node, Math.min(focusAt.at - Number(target.dataset.start), node.textContent?.length ?? 0));
    range.collapse(true);
    scrollWithin(root, range, 'start');
  }, [focusAt]);

  // Follow the document's selection; a selection outside the pane (e.g. clicking a button) keeps
  // the last one made inside, so "add the selected text" still knows what was chosen.
  useEffect(() => {
    if (!onSelect) return;
    const onChange = () => {
      const root = ref.current;
      const sel = window.getSelection();
      if (!root || !sel?.anchorNode || !root.contains(sel.anchorNode)) return;
      onSelect(readSelection(root, text));
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [onSelect, text]);

  return (
    <div
      ref={ref}
      data-testid={testId}
      className="kc-source-text"
      style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', lineHeight: 1.9, fontSize: 15, color: '#1f2329', ...style }}
    >
      {segments.map((s) => (
        <SourcePiece
          key={s.start}
          start={s.start}
          text={text.slice(s.start, s.end)}
          mark={s.mark}
          selected={s.mark !== null && s.mark.id === selectedId}
          onClick={onMarkClick ? clickMark : undefined}
        />
      ))}
    </div>
  );
}
