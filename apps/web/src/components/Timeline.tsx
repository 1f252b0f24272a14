import { Empty, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../lib/format.ts';

/** One step in the life of a record: what happened, when, by whom, and its details as stored. */
export interface TimelineEvent {
  at: string;
  actor: string | null;
  kind: string;
  detail?: unknown;
}

/**
 * 时间线: a record's events, newest first. The module names the kinds (`label`), colours them and says which
 * details are worth a line (`describe`); an unknown kind shows as it is.
 */
export function EventTimeline(props: {
  events: TimelineEvent[];
  label: (kind: string) => string;
  color?: (kind: string) => string;
  describe?: (event: TimelineEvent) => ReactNode;
  empty: string;
  testId?: string;
}) {
  if (props.events.length === 0) return <Empty description={props.empty} />;
  return (
    <div data-testid={props.testId}>
      <Timeline
        items={[...props.events].reverse().map((e, i) => ({
          key: `${e.at}-${i}`,
          color: props.color?.(e.kind) ?? 'blue',
          content: (
            <>
              <Typography.Text strong>{props.label(e.kind)}</Typography.Text>
              {props.describe ? <div style={{ fontSize: 13 }}>{props.describe(e)}</div> : null}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {formatDateTime(e.at)} {e.actor ?? ''}
              </Typography.Text>
            </>
          ),
        }))}
      />
    </div>
  );
}
