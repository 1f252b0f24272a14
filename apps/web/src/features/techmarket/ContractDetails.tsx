import type { TTechContractDetail } from '@kechuang/contracts';
import { Alert, Descriptions, Divider, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ExportButton } from '../../components/ExportButton.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { EventTimeline, type TimelineEvent } from '../../components/Timeline.tsx';
import { daysUntil } from '../../lib/bureau-date.ts';
import { wanText } from '../project/wan.ts';
import { type ContractTypeKey, type EventKind, statusColor } from './form-vocab.ts';

export function StatusTag({ status }: { status: TTechContractDetail['contract']['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor[status]} data-testid="contract-status">
      {t(`techmarket.statuses.${status}`)}
    </Tag>
  );
}

/** The contract as filed (the national form's fields), its written text, the result of registration and its record. */
export function ContractDetails({ detail }: { detail: TTechContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const files = detail.files;
  return (
    <>
      {c.status === 'registered' ? <RegisteredBox detail={detail} /> : null}
      {c.status === 'refused' || c.status === 'not_accepted' ? <RefusedBox detail={detail} /> : null}
      <Descriptions size="small" column={2} bordered data-testid="contract-details">
        <Descriptions.Item label={t('techmarket.fields.seller')}>{c.sellerName}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.status')}>
          <StatusTag status={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.subject')}>{t(`techmarket.subjects.${c.subject}`)}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.signedOn')}>{c.signedOn}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.buyerName')}>{c.buyerName}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.buyerRegion')}>
          <RegionName code={c.buyerRegionCode} />
        </Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.contractAmount')}>{wanText(c.contractAmountFen)}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.techField')}>{c.techField}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.ipType')}>{c.ipType}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.socioGoal')}>{c.socioGoal}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.projectSource')}>{c.projectSource || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.point')}>{c.pointName ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.payments')} span={2}>
          {c.payments.map((p) => `${p.dueOn} ${wanText(p.amountFen)}${p.note ? `（${p.note}）` : ''}`).join('；') || t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('techmarket.fields.files')} span={2}>
          {files.length > 0 ? (
            <Flex gap={12} wrap data-testid="contract-files">
              {files.map((f) => (
                <ExportButton
                  key={f.id}
                  type="link"
                  path={`/api/techmarket/contracts/${c.id}/files/${f.id}`}
                  fallbackName={f.filename}
                  label={f.filename}
                  testId="contract-file-download"
                />
              ))}
            </Flex>
          ) : (
            <Typography.Text type="warning">{t('techmarket.contract.noFile')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="start">{t('techmarket.contract.timeline')}</Divider>
      <ContractTimeline events={detail.events} />
    </>
  );
}

function RegisteredBox({ detail }: { detail: TTechContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const deductions = (detail.events.findLast((e) => e.kind === 'register')?.detail.deductions ?? []) as {
    deductedFen: string;
    reason: string;
  }[];
  return (
    <Alert
      type="success"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="contract-registered"
      title={t('techmarket.contract.registeredTitle', { no: c.registrationNo, date: c.registeredOn })}
      description={
        <>
          <div>
            {t('techmarket.contract.recognisedAs', {
              type: c.contractType ? t(`techmarket.types.${c.contractType as ContractTypeKey}`) : '',
              subtype: c.subtype ?? '',
            })}
          </div>
          <div data-testid="contract-amounts">
            {t('techmarket.contract.amounts', {
              contract: wanText(c.contractAmountFen),
              technical: c.technicalAmountFen === null ? '' : wanText(c.technicalAmountFen),
            })}
          </div>
          {deductions
            .filter((d) => d.deductedFen !== '0')
            .map((d) => (
              <div key={`${d.reason}-${d.deductedFen}`}>
                {t('techmarket.contract.deductionLine', { amount: wanText(d.deductedFen), reason: d.reason })}
              </div>
            ))}
          <div style={{ marginTop: 8 }}>
            <ExportButton
              path={`/api/techmarket/contracts/${c.id}/certificate`}
              fallbackName="技术合同登记证明.docx"
              label={t('techmarket.contract.certificate')}
              type="primary"
              testId="contract-certificate"
            />
          </div>
        </>
      }
    />
  );
}

function RefusedBox({ detail }: { detail: TTechContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const byCode = new Map(detail.refusalChecklist.map((r) => [r.code, r]));
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="contract-refused"
      title={t(`techmarket.statuses.${c.status}`)}
      description={
        <>
          {c.refusalCodes.map((code) => (
            <div key={code}>
              {byCode.get(code)?.zh ?? code}
              <Typography.Text type="secondary">（{byCode.get(code)?.clause ?? ''}）</Typography.Text>
            </div>
          ))}
          {c.note ? <div>{c.note}</div> : null}
          <div>{t('techmarket.contract.notEligible')}</div>
        </>
      }
    />
  );
}

/** The registration deadline as the rule in force states it, and how far off it is. */
export function DeadlineNote({ detail }: { detail: TTechContractDetail }) {
  const { t } = useTranslation();
  const d = detail.deadline;
  if (!d || !['accepted', 'correction_requested'].includes(detail.contract.status)) return null;
  const left = daysUntil(d.dueOn);
  return (
    <Alert
      type={left < 0 ? 'error' : left <= 5 ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="contract-deadline"
      title={t('techmarket.deadline.title', { date: d.dueOn })}
      description={
        <>
          <div>
            {t(`techmarket.deadline.${d.kind}`, { days: d.days })}
            {detail.contract.correctedOn ? t('techmarket.deadline.restarted', { date: detail.contract.correctedOn }) : ''}
          </div>
          <Typography.Text type="secondary">{d.clause}</Typography.Text>
          <div>{left < 0 ? t('techmarket.deadline.overdue', { days: -left }) : t('techmarket.deadline.left', { days: left })}</div>
          {d.calendarComplete ? null : <div>{t('techmarket.deadline.calendarIncomplete')}</div>}
        </>
      }
    />
  );
}

const eventColor: Record<string, string> = {
  register: 'green',
  refuse: 'red',
  not_accept: 'red',
  'correction.request': 'orange',
};

export function ContractTimeline({ events }: { events: TimelineEvent[] }) {
  const { t, i18n } = useTranslation();
  return (
    <EventTimeline
      events={events}
      testId="contract-timeline"
      empty={t('techmarket.contract.noEvents')}
      color={(k) => eventColor[k] ?? 'blue'}
      label={(k) => (i18n.exists(`techmarket.events.${k}`) ? t(`techmarket.events.${k as EventKind}`) : k)}
      describe={(e) => {
        const d = (e.detail ?? {}) as Record<string, unknown>;
        if (typeof d.note === 'string' && d.note) return d.note;
        if (typeof d.filename === 'string') return d.filename;
        if (typeof d.registrationNo === 'string') return `${d.registrationNo} · ${String(d.subtype ?? '')}`;
        if (typeof d.dueOn === 'string') return t('techmarket.deadline.title', { date: d.dueOn });
        return null;
      }}
    />
  );
}
