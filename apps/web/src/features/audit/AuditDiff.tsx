import type { TAuditEntry } from '@kechuang/contracts';
import { Col, Flex, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const mono = 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Top-level keys whose values differ between before and after. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          fontFamily: mono,
          fontSize: 12,
          lineHeight: 1.6,
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          borderRadius: 6,
          padding: 12,
          margin: '6px 0 0',
          maxHeight: 360,
          overflow: 'auto',
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {value === null || value === undefined ? t('audit.nothing') : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** Before and after of one audit entry, side by side, with the changed fields named above. */
export function AuditDiff({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  const changed = changedKeys(entry.before, entry.after);
  const comparable = isRecord(entry.before) && isRecord(entry.after);
  return (
    <div style={{ padding: '4px 8px' }}>
      {comparable ? (
        <Flex gap={4} wrap align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{changed.length > 0 ? t('audit.changedFields') : t('audit.noChanges')}</Typography.Text>
          {changed.map((k) => (
            <Tag key={k} color="orange" style={{ fontFamily: mono }}>
              {k}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <JsonBlock title={t('audit.before')} value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock title={t('audit.after')} value={entry.after} />
        </Col>
      </Row>
    </div>
  );
}
