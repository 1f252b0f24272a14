import { Tooltip } from 'antd';
import { memo } from 'react';
import { markColors } from './plan-format.ts';
import type { SourceMark } from './source-offsets.ts';

export interface SourcePieceProps {
  start: number;
  text: string;
  mark: SourceMark | null;
  selected: boolean;
  onClick: ((id: string) => void) | undefined;
}

/**
 * One run of the original text: plain, or a highlighted target. `data-start` is the run's offset
 * in the text, which is how a DOM selection maps back to offsets. Memoised: with hundreds of
 * targets, an edit re-renders only the pieces whose mark changed.
 */
export const SourcePiece = memo(function SourcePiece({ start, text, mark, selected, onClick }: SourcePieceProps) {
  if (!mark) return <span data-start={start}>{text}</span>;
  const { id, tone, tip } = mark;
  const colors = markColors[tone];
  return (
    <Tooltip title={tip} mouseEnterDelay={0.2}>
      <mark
        data-start={start}
        data-mark={id}
        data-tone={tone}
        role={onClick ? 'button' : undefined}
        tabIndex={onClick ? 0 : undefined}
        onClick={() => onClick?.(id)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onClick?.(id);
        }}
        style={{
          background: colors.bg,
          color: 'inherit',
          borderBottom: `2px solid ${colors.line}`,
          padding: '1px 0',
          cursor: onClick ? 'pointer' : 'default',
          outline: selected ? `2px solid ${colors.line}` : undefined,
          borderRadius: 2,
        }}
      >
        {text}
      </mark>
    </Tooltip>
  );
}, samePiece);

function samePiece(a: SourcePieceProps, b: SourcePieceProps): boolean {
  const same = (x: SourceMark | null, y: SourceMark | null) =>
    x === y || (x !== null && y !== null && x.id === y.id && x.tone === y.tone && x.tip === y.tip);
  return a.start === b.start && a.text === b.text && a.selected === b.selected && a.onClick === b.onClick && same(a.mark, b.mark);
}
