import { codeLabel, codeTree, disciplineName, industryName } from '@kechuang/contracts';
import { Tag, Tooltip, TreeSelect } from 'antd';
import type { CSSProperties } from 'react';

/** 学科 / 行业 codes as tags: the name shown, the code in a tooltip (the code alone when not in the list). */
export function CodeTags({
  kind,
  codes,
  max,
  withCode = false,
}: {
  kind: 'discipline' | 'industry';
  codes: string[];
  max?: number;
  /** show "520.20 人工智能" rather than the name alone */
  withCode?: boolean;
}) {
  const shown = max === undefined ? codes : codes.slice(0, max);
  const name = kind === 'discipline' ? disciplineName : industryName;
  return (
    // A long 行业 name (铁路、船舶、航空航天和其他运输设备制造业) wraps inside its table cell rather than running into the next column.
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {shown.map((c) => (
        <Tooltip key={c} title={codeLabel(kind, c)}>
          <Tag color={kind === 'discipline' ? 'geekblue' : 'purple'} style={{ marginInlineEnd: 0, whiteSpace: 'normal', maxWidth: '100%' }}>
            {withCode ? codeLabel(kind, c) : (name(c) ?? c)}
          </Tag>
        </Tooltip>
      ))}
      {max !== undefined && codes.length > max ? <Tag style={{ marginInlineEnd: 0 }}>+{codes.length - max}</Tag> : null}
    </div>
  );
}

const trees = { discipline: codeTree('discipline'), industry: codeTree('industry') };

/** Pick codes from the two-level list, searching by code or name. */
export function CodePicker(props: {
  kind: 'discipline' | 'industry';
  multiple?: boolean;
  value?: string | string[] | null;
  onChange?: (value: string | string[] | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
  'data-testid'?: string;
}) {
  return (
    <TreeSelect
      id={props.id}
      data-testid={props['data-testid']}
      treeData={trees[props.kind]}
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v)}
      multiple={props.multiple}
      showSearch={{ treeNodeFilterProp: 'title' }}
      allowClear
      placeholder={props.placeholder}
      style={props.style}
      treeNodeLabelProp="title"
      popupMatchSelectWidth={props.multiple ? true : 360}
      maxTagCount={props.multiple ? 'responsive' : undefined}
    />
  );
}
