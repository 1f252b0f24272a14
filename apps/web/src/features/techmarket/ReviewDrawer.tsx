import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCostItem, TTechContract, TTechContractDetail } from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Divider,
  Drawer,
  Flex,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { isWanText, wanToFen } from '../enterprise/money.ts';
import { wanText } from '../project/wan.ts';
import { ContractBrokerForm } from './ContractBrokerForm.tsx';
import { ContractDetails, DeadlineNote } from './ContractDetails.tsx';
import { previewTechnicalAmount } from './deduction-preview.ts';
import { subjectGroups } from './form-vocab.ts';
import { contractApi, useContract, useTechmarketMutation } from './techmarket-api.ts';

/** The registrar's desk for one contract: 受理 or 不予受理, 补正, 认定登记 with the 技术交易额, or 不予登记. */
export function ReviewDrawer({ id, onClose }: { id: number | undefined; onClose: () => void }) {
  const detail = useContract(id);
  const d = detail.data;
  return (
    <Drawer open={id !== undefined} onClose={onClose} size={1000} title={d?.contract.name} destroyOnHidden>
      {detail.isError ? <QueryError error={detail.error} onRetry={() => detail.refetch()} /> : null}
      {detail.isPending && id !== undefined ? <PageSkeleton /> : null}
      {d ? (
        <div data-testid="review-drawer">
          <DeadlineNote detail={d} />
          <ReviewActions key={d.contract.version} detail={d} />
          {['submitted', 'accepted', 'correction_requested', 'registered'].includes(d.contract.status) ? (
            <ContractBrokerForm contract={d.contract} />
          ) : null}
          <ContractDetails detail={d} />
        </div>
      ) : null}
    </Drawer>
  );
}

function useStep() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const step = useTechmarketMutation((f: () => Promise<TTechContract>) => f());
  const run = (f: () => Promise<TTechContract>) =>
    step.mutate(f, { onSuccess: () => message.success(t('common.done')), onError: (e) => message.error(errorText(e)) });
  return { run, busy: step.isPending };
}

function ReviewActions({ detail }: { detail: TTechContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const { run, busy } = useStep();
  if (c.status === 'submitted') {
    return (
      <div data-testid="review-actions">
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Popconfirm title={t('techmarket.review.acceptConfirm')} onConfirm={() => run(() => contractApi.accept(c))}>
            <Button type="primary" loading={busy} data-testid="review-accept">
              {t('techmarket.review.accept')}
            </Button>
          </Popconfirm>
          <Typography.Text type="secondary">{t('techmarket.review.acceptHint')}</Typography.Text>
        </Flex>
        <RefusalForm detail={detail} stage="not_accepted" />
        <Divider />
      </div>
    );
  }
  if (c.status === 'accepted') {
    return (
      <div data-testid="review-actions">
        <RecognitionForm detail={detail} />
        <CorrectionForm c={c} />
        <RefusalForm detail={detail} stage="not_registered" />
        <Divider />
      </div>
    );
  }
  if (c.status === 'correction_requested') {
    return (
      <div data-testid="review-actions">
        <Alert type="warning" showIcon title={t('techmarket.review.waitingCorrection')} description={c.note} style={{ marginBottom: 12 }} />
        <RefusalForm detail={detail} stage="not_registered" />
        <Divider />
      </div>
    );
  }
  return null;
}

function CorrectionForm({ c }: { c: TTechContract }) {
  const { t } = useTranslation();
  const { run, busy } = useStep();
  const [note, setNote] = useState('');
  return (
    <>
      <Divider titlePlacement="start">{t('techmarket.review.correction')}</Divider>
      <Input.TextArea
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('techmarket.review.correctionHint')}
        data-testid="review-correction-note"
      />
      <Popconfirm title={t('techmarket.review.correctionConfirm')} onConfirm={() => run(() => contractApi.correction(c, note.trim()))}>
        <Button style={{ marginTop: 8 }} disabled={note.trim().length < 2} loading={busy} data-testid="review-correction">
          {t('techmarket.review.correctionSend')}
        </Button>
      </Popconfirm>
    </>
  );
}

function RefusalForm({ detail, stage }: { detail: TTechContractDetail; stage: 'not_accepted' | 'not_registered' }) {
  const { t } = useTranslation();
  const { run, busy } = useStep();
  const [codes, setCodes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const reasons = detail.refusalChecklist.filter((r) => r.stage === stage);
  return (
    <div data-testid={`refusal-${stage}`}>
      <Divider titlePlacement="start">{t(`techmarket.review.refuse.${stage}`)}</Divider>
      <Checkbox.Group value={codes} onChange={(v) => setCodes(v as string[])} style={{ display: 'block' }}>
        {reasons.map((r) => (
          <div key={r.code} style={{ marginBottom: 4 }}>
            <Checkbox value={r.code}>
              {r.zh} <Typography.Text type="secondary">（{r.clause}）</Typography.Text>
            </Checkbox>
          </div>
        ))}
      </Checkbox.Group>
      <Input
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('techmarket.review.refuseNote')}
        style={{ marginTop: 8 }}
      />
      <Popconfirm
        title={t(`techmarket.review.refuse.${stage}Confirm`)}
        onConfirm={() => run(() => contractApi.refuse(detail.contract, codes, note.trim()))}
      >
        <Button danger style={{ marginTop: 8 }} disabled={codes.length === 0} loading={busy} data-testid={`review-refuse-${stage}`}>
          {t(`techmarket.review.refuse.${stage}`)}
        </Button>
      </Popconfirm>
    </div>
  );
}

interface CostRow {
  key: number;
  kind: TCostItem['kind'];
  carrier?: NonNullable<TCostItem['carrier']>;
  quantity: number;
  unitWan: string;
  reasonableQuantity?: number;
}

const costKinds: TCostItem['kind'][] = ['equipment', 'instrument', 'parts', 'materials', 'other_non_technical', 'carrier'];
const carriers: NonNullable<TCostItem['carrier']>[] = [
  'document',
  'software_medium',
  'variety_or_strain',
  'sample_or_prototype',
  'equipment_set',
];

function toItem(r: CostRow): TCostItem {
  return {
    kind: r.kind,
    ...(r.kind === 'carrier' && r.carrier ? { carrier: r.carrier } : {}),
    quantity: r.quantity,
    unitCostFen: isWanText(r.unitWan) ? (wanToFen(r.unitWan) ?? 0) : 0,
    ...(r.kind === 'carrier' && r.reasonableQuantity !== undefined ? { reasonableQuantity: r.reasonableQuantity } : {}),
  };
}

/** 认定登记: the subject matter as recognised, the non-technical costs, and the 技术交易额 that follows. */
function RecognitionForm({ detail }: { detail: TTechContractDetail }) {
  const { t } = useTranslation();
  const c = detail.contract;
  const { run, busy } = useStep();
  const [subject, setSubject] = useState<TTechContract['subject']>(c.subject);
  const [rows, setRows] = useState<CostRow[]>([]);
  const [disputed, setDisputed] = useState(false);
  const [note, setNote] = useState('');
  const items = rows.map(toItem);
  const preview = previewTechnicalAmount(BigInt(c.contractAmountFen), items);
  const patch = (key: number, p: Partial<CostRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const invalid = rows.some((r) => !isWanText(r.unitWan) || (r.kind === 'carrier' && !r.carrier)) || preview.exceeds;
  return (
    <div data-testid="recognition-form">
      <Divider titlePlacement="start">{t('techmarket.review.recognise')}</Divider>
      <Flex gap={12} align="center" wrap>
        <Typography.Text>{t('techmarket.review.subject')}</Typography.Text>
        <Select
          value={subject}
          onChange={setSubject}
          style={{ width: 260 }}
          data-testid="recognition-subject"
          options={subjectGroups.map((g) => ({
            label: t(`techmarket.types.${g.type}`),
            title: g.type,
            options: g.subjects.map((s) => ({ value: s, label: `${t(`techmarket.types.${g.type}`)} · ${t(`techmarket.subjects.${s}`)}` })),
          }))}
        />
        <Typography.Text type="secondary">{t('techmarket.review.packHint')}</Typography.Text>
      </Flex>
      <Alert
        type="info"
        showIcon
        style={{ margin: '12px 0' }}
        title={t('techmarket.review.formula')}
        description={t('techmarket.review.carrierRule')}
      />
      <Table<CostRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: t('techmarket.review.noCosts') }}
        data-testid="cost-items"
        columns={[
          {
            title: t('techmarket.review.costKind'),
            key: 'kind',
            width: 170,
            render: (_, r) => (
              <Select
                value={r.kind}
                onChange={(kind) => patch(r.key, { kind })}
                style={{ width: 150 }}
                aria-label={t('techmarket.review.costKind')}
                options={costKinds.map((k) => ({ value: k, label: t(`techmarket.costKinds.${k}`) }))}
              />
            ),
          },
          {
            title: t('techmarket.review.carrier'),
            key: 'carrier',
            width: 170,
            render: (_, r) =>
              r.kind === 'carrier' ? (
                <Select
                  value={r.carrier}
                  onChange={(carrier) => patch(r.key, { carrier })}
                  style={{ width: 150 }}
                  status={r.carrier ? undefined : 'error'}
                  aria-label={t('techmarket.review.carrier')}
                  options={carriers.map((k) => ({ value: k, label: t(`techmarket.carriers.${k}`) }))}
                />
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('techmarket.review.quantity'),
            key: 'quantity',
            width: 100,
            render: (_, r) => (
              <InputNumber
                min={0}
                precision={0}
                value={r.quantity}
                onChange={(v) => patch(r.key, { quantity: v ?? 0 })}
                aria-label={t('techmarket.review.quantity')}
              />
            ),
          },
          {
            title: t('techmarket.review.unitCost'),
            key: 'unit',
            width: 150,
            render: (_, r) => (
              <Input
                value={r.unitWan}
                onChange={(e) => patch(r.key, { unitWan: e.target.value })}
                suffix={t('techmarket.wanUnit')}
                status={isWanText(r.unitWan) ? undefined : 'error'}
                aria-label={t('techmarket.review.unitCost')}
              />
            ),
          },
          {
            title: t('techmarket.review.reasonable'),
            key: 'reasonable',
            width: 110,
            render: (_, r) =>
              r.kind === 'carrier' ? (
                <InputNumber
                  min={0}
                  precision={0}
                  value={r.reasonableQuantity}
                  onChange={(v) => patch(r.key, { reasonableQuantity: v ?? undefined })}
                  placeholder={r.carrier === 'equipment_set' ? '≤2' : ''}
                  aria-label={t('techmarket.review.reasonable')}
                />
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('techmarket.review.deducted'),
            key: 'deducted',
            render: (_, r) => {
              const i = rows.indexOf(r);
              const line = preview.lines[i];
              if (!line) return null;
              return (
                <span>
                  {wanText(line.deductedFen.toString())}
                  {r.kind === 'carrier' ? (
                    <Typography.Text type="secondary"> {t('techmarket.review.freeCarriers', { n: line.free })}</Typography.Text>
                  ) : null}
                </span>
              );
            },
          },
          {
            key: 'remove',
            width: 48,
            render: (_, r) => (
              <Button
                type="text"
                icon={<DeleteOutlined />}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
                aria-label={t('techmarket.review.removeCost')}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        data-testid="cost-add"
        onClick={() => setRows((rs) => [...rs, { key: Date.now() + rs.length, kind: 'equipment', quantity: 1, unitWan: '0' }])}
      >
        {t('techmarket.review.addCost')}
      </Button>
      <Alert
        style={{ marginTop: 12 }}
        type={preview.exceeds ? 'error' : 'success'}
        data-testid="recognition-preview"
        title={t('techmarket.review.preview', {
          contract: wanText(c.contractAmountFen),
          deducted: wanText(preview.nonTechnicalFen.toString()),
          technical: wanText(preview.technicalFen.toString()),
        })}
        description={preview.exceeds ? t('errors.techmarket/deductions_exceed') : t('techmarket.review.previewHint')}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Checkbox checked={disputed} onChange={(e) => setDisputed(e.target.checked)}>
          {t('techmarket.review.disputed')}
        </Checkbox>
        <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('techmarket.review.note')} />
        <Popconfirm
          title={t('techmarket.review.recogniseConfirm')}
          onConfirm={() => run(() => contractApi.register(c, { subject, costItems: items, disputed, note: note.trim() }))}
        >
          <Button type="primary" disabled={invalid} loading={busy} data-testid="review-register">
            {t('techmarket.review.recognise')}
          </Button>
        </Popconfirm>
      </Space>
    </div>
  );
}
