import type { TIntegritySuggestion } from '@kechuang/contracts';
import { Alert, App, Button, Card, Empty, Input, Modal, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { formatDateTime } from '../../lib/format.ts';
import { recordApi, useIntegrityMutation, useSuggestions } from './integrity-api.ts';
import type { DrawerItem } from './RecordDrawer.tsx';

/** Failed acceptances and 撤销 from the projects module: record the unit or the leader as a draft, or dismiss. */
export function SuggestionsTab(props: { canManage: boolean; onRecord: (item: DrawerItem) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const list = useSuggestions();
  const [dismissing, setDismissing] = useState<TIntegritySuggestion | null>(null);
  const [reason, setReason] = useState('');
  const dismiss = useIntegrityMutation((v: { eventId: number; reason: string }) => recordApi.dismiss(v.eventId, v.reason));
  const has = (s: TIntegritySuggestion, kind: 'person' | 'org') => s.records.some((r) => r.subjectKind === kind && r.status !== 'revoked');
  const columns: TableColumnsType<TIntegritySuggestion> = [
    {
      title: t('integrity.suggestions.project'),
      key: 'project',
      render: (_, s) => (
        <div>
          <Typography.Text strong>{s.projectTitle}</Typography.Text>
          <div>
            <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
              {s.projectNo}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('integrity.suggestions.event'),
      key: 'event',
      width: 200,
      render: (_, s) => (
        <div>
          <Tag color={s.kind === 'revoke' ? 'magenta' : 'red'}>
            {t(`integrity.suggestions.kinds.${s.kind === 'revoke' ? 'revoke' : 'acceptance_failed'}`)}
          </Tag>
          {s.reason ? <div style={{ fontSize: 12 }}>{s.reason}</div> : null}
        </div>
      ),
    },
    { title: t('integrity.suggestions.unit'), dataIndex: 'orgName', width: 200 },
    { title: t('integrity.suggestions.leader'), dataIndex: 'leaderName', width: 110 },
    { title: t('integrity.suggestions.at'), key: 'at', width: 150, render: (_, s) => formatDateTime(s.at) },
    {
      title: t('integrity.page.actions'),
      key: 'actions',
      width: 280,
      render: (_, s) =>
        props.canManage ? (
          <Space wrap size={4}>
            {has(s, 'org') ? (
              <Tag color="green">{`${t('integrity.suggestions.unit')}${t('integrity.suggestions.recorded')}`}</Tag>
            ) : (
              <Button
                size="small"
                disabled={s.orgId === null}
                data-testid="suggestion-record-unit"
                onClick={() =>
                  props.onRecord({
                    kind: 'new',
                    prefill: {
                      subjectKind: 'org',
                      id: s.orgId as number,
                      name: s.orgName,
                      unit: null,
                      sourceEventId: s.eventId,
                      projectTitle: s.projectTitle,
                    },
                  })
                }
              >
                {t('integrity.suggestions.recordUnit')}
              </Button>
            )}
            {has(s, 'person') ? (
              <Tag color="green">{`${t('integrity.suggestions.leader')}${t('integrity.suggestions.recorded')}`}</Tag>
            ) : (
              <Button
                size="small"
                disabled={s.leaderPersonId === null}
                data-testid="suggestion-record-leader"
                onClick={() =>
                  props.onRecord({
                    kind: 'new',
                    prefill: {
                      subjectKind: 'person',
                      id: s.leaderPersonId as number,
                      name: s.leaderName,
                      unit: s.leaderUnit,
                      sourceEventId: s.eventId,
                      projectTitle: s.projectTitle,
                    },
                  })
                }
              >
                {t('integrity.suggestions.recordLeader')}
              </Button>
            )}
            {s.records.length === 0 ? (
              <Button size="small" type="link" danger onClick={() => setDismissing(s)} data-testid="suggestion-dismiss">
                {t('integrity.suggestions.dismiss')}
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];
  return (
    <Card title={t('integrity.suggestions.title')} styles={{ body: { padding: 0 } }} data-testid="integrity-suggestions">
      <Alert type="info" showIcon title={t('integrity.suggestions.hint')} style={{ margin: 16 }} />
      {list.isError ? <QueryError error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<TIntegritySuggestion>
        rowKey="eventId"
        // a reader (领导/上级) sees the leads without an empty 操作 column
        columns={props.canManage ? columns : columns.filter((c) => c.key !== 'actions')}
        dataSource={list.data ?? []}
        loading={list.isPending}
        scroll={{ x: 1000 }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('integrity.suggestions.empty')} /> }}
      />
      <Modal
        open={dismissing !== null}
        title={t('integrity.suggestions.dismissTitle')}
        okText={t('integrity.suggestions.dismiss')}
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2, loading: dismiss.isPending }}
        onCancel={() => setDismissing(null)}
        onOk={async () => {
          try {
            await dismiss.mutateAsync({ eventId: (dismissing as TIntegritySuggestion).eventId, reason: reason.trim() });
            message.success(t('integrity.suggestions.dismissed'));
            setDismissing(null);
            setReason('');
          } catch (e) {
            message.error(errorText(e));
          }
        }}
      >
        <p>{t('integrity.suggestions.dismissHint')}</p>
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          data-testid="suggestion-dismiss-reason"
        />
      </Modal>
    </Card>
  );
}
