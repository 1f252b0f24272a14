import type { TExpert } from '@kechuang/contracts';
import { Descriptions, Divider, Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EventTimeline } from '../../components/Timeline.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { CodeTags } from './CodeTags.tsx';

export const expertStatusColor: Record<TExpert['status'], string> = {
  pending: 'gold',
  active: 'green',
  paused: 'orange',
  retired: 'default',
  removed: 'red',
  rejected: 'magenta',
};

export function StatusTag({ status }: { status: TExpert['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={expertStatusColor[status]} data-testid="expert-status">
      {t(`expert.statuses.${status}`)}
    </Tag>
  );
}

const period = (from: string | null, to: string | null, current: string) =>
  from ? `${from} ~ ${to ?? current}` : to ? `~ ${to}` : current;

/** An entry as the bureau's drawer and the expert's own page show it: profile, employers, relations, dates, history. */
/** `own`: the expert's own page, which edits relations and dates in cards of their own and shows no history. */
export function ExpertDetails({ e, own = false }: { e: TExpert; own?: boolean }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <div data-testid="expert-details">
      <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
        <Descriptions.Item label={t('expert.fields.name')}>
          {e.name} {e.gender ? <Typography.Text type="secondary">（{t(`expert.gender.${e.gender}`)}）</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.status')}>
          <StatusTag status={e.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.title')}>{e.title ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.employer')}>{e.employer ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.region')}>{e.regionName}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.idNumber')}>{e.idLast4 ? `**************${e.idLast4}` : none}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.phone')}>{e.phone ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.email')}>{e.email ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.disciplines')} span={2}>
          <CodeTags kind="discipline" codes={e.disciplineCodes} withCode />
        </Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.industries')} span={2}>
          {e.industryCodes.length > 0 ? <CodeTags kind="industry" codes={e.industryCodes} withCode /> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.specialty')} span={2}>
          {e.specialty || none}
        </Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.quota')}>{t('expert.quotaValue', { count: e.yearlyQuota })}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.account')}>{e.username ?? t('expert.noAccount')}</Descriptions.Item>
        <Descriptions.Item label={t('expert.fields.approved')} span={2}>
          {e.approvedAt ? `${e.approvedBy ?? ''} ${formatDateTime(e.approvedAt)}` : none}
        </Descriptions.Item>
      </Descriptions>

      <Divider titlePlacement="start">{t('expert.fields.employments')}</Divider>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={e.employments}
        data-testid="expert-employments"
        columns={[
          { title: t('expert.fields.orgName'), dataIndex: 'orgName' },
          {
            title: t('expert.fields.period'),
            key: 'period',
            width: 240,
            render: (_, x) => period(x.fromDate, x.toDate, t('expert.current')),
          },
        ]}
      />

      {own ? null : <Declarations e={e} />}
      {own ? null : (
        <>
          <Divider titlePlacement="start">{t('expert.fields.history')}</Divider>
          <EventTimeline
            events={[...e.history].reverse().map((h) => ({ at: h.at, actor: h.actor, kind: h.action, detail: h.reason }))}
            label={(kind) => t(`expert.historyActions.${kind.replace(/^expert\./, '')}` as 'expert.historyActions.create', kind)}
            color={(kind) => (/(reject|remove|pause)$/.test(kind) ? 'red' : /approve|resume|create/.test(kind) ? 'green' : 'blue')}
            describe={(ev) => (typeof ev.detail === 'string' ? t('expert.reasonLine', { reason: ev.detail }) : null)}
            empty={t('expert.noHistory')}
            testId="expert-history"
          />
        </>
      )}
    </div>
  );
}

function Declarations({ e }: { e: TExpert }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <>
      <Divider titlePlacement="start">{t('expert.fields.relations')}</Divider>
      {e.relations.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('expert.noRelations')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.relations}
          data-testid="expert-relations"
          columns={[
            {
              title: t('expert.fields.relationKind'),
              key: 'kind',
              width: 110,
              render: (_, r) => <Tag>{t(`expert.relationKinds.${r.kind}`)}</Tag>,
            },
            {
              title: t('expert.fields.relationWith'),
              key: 'with',
              render: (_, r) =>
                [r.personName ? `${r.personName}${r.personIdLast4 ? `（****${r.personIdLast4}）` : ''}` : null, r.orgName]
                  .filter(Boolean)
                  .join(' · '),
            },
            { title: t('expert.fields.note'), dataIndex: 'note' },
            {
              title: t('expert.fields.period'),
              key: 'period',
              width: 220,
              render: (_, r) => (r.fromDate || r.toDate ? period(r.fromDate, r.toDate, t('expert.ongoing')) : none),
            },
          ]}
        />
      )}

      <Divider titlePlacement="start">{t('expert.fields.unavailable')}</Divider>
      {e.unavailable.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('expert.noUnavailable')} />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.unavailable}
          columns={[
            { title: t('expert.fields.period'), key: 'period', width: 240, render: (_, u) => period(u.fromDate, u.toDate, '') },
            { title: t('expert.fields.note'), dataIndex: 'note' },
          ]}
        />
      )}
    </>
  );
}
