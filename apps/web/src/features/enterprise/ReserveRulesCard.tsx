import { SettingOutlined } from '@ant-design/icons';
import { hnteConditionIds, type TReserveRuleSet, type TReserveRules } from '@kechuang/contracts';
import {
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useReserveRules, useSaveReserveRules } from './registry-api.ts';

type RuleKey = keyof TReserveRules;
const numberRules = ['maxUnmet', 'maxOpen', 'minScore', 'minYearsRegistered'] as const;
const ruleKeys: RuleKey[] = ['maxUnmet', 'maxOpen', 'requiredMet', 'minScore', 'rdWithinPoints', 'minYearsRegistered'];

interface Values {
  maxUnmet?: number | null;
  maxOpen?: number | null;
  requiredMet: TReserveRules['requiredMet'];
  minScore?: number | null;
  rdWithinPoints?: string | null;
  minYearsRegistered?: number | null;
  effectiveFrom?: Dayjs | null;
  note?: string;
}

/** One rule as text: its value, or 不限 when it is not applied. */
export function useRuleText() {
  const { t } = useTranslation();
  return (rules: TReserveRules, key: RuleKey): string => {
    if (key === 'requiredMet')
      return rules.requiredMet.length === 0
        ? t('enterprise.registry.rules.notSet')
        : rules.requiredMet.map((c) => t(`enterprise.registry.rules.conditions.${c}`)).join('、');
    const v = rules[key];
    return v === null ? t('enterprise.registry.rules.notSet') : String(v);
  };
}

function RulesModal({ region, current, open, onClose }: { region: string; current: TReserveRuleSet; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const save = useSaveReserveRules();
  const r = current.rules;
  return (
    <Modal
      open={open}
      title={t('enterprise.registry.rules.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enterprise.registry.form.save')}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="reserve-rules-form"
        initialValues={{ ...r, effectiveFrom: dayjs() }}
        onFinish={(v) =>
          save.mutate(
            {
              regionCode: region,
              effectiveFrom: (v.effectiveFrom ?? dayjs()).format('YYYY-MM-DD'),
              note: v.note?.trim() ? v.note.trim() : null,
              rules: {
                maxUnmet: v.maxUnmet ?? null,
                maxOpen: v.maxOpen ?? null,
                requiredMet: v.requiredMet ?? [],
                minScore: v.minScore ?? null,
                rdWithinPoints: v.rdWithinPoints ? String(v.rdWithinPoints) : null,
                minYearsRegistered: v.minYearsRegistered ?? null,
              },
            },
            {
              onSuccess: (view) => {
                message.success(t('enterprise.registry.rules.saved', { version: view.history[0]?.version ?? 1 }));
                onClose();
              },
              onError: (e) => {
                if (!applyFieldErrors(form, e, errorText(e))) message.error(errorText(e));
              },
            },
          )
        }
      >
        <Row gutter={16}>
          {numberRules.map((k) => (
            <Col xs={24} md={12} key={k}>
              <Form.Item name={k} label={t(`enterprise.registry.rules.labels.${k}`)}>
                <InputNumber<number>
                  min={0}
                  max={k === 'minScore' ? 100 : k === 'minYearsRegistered' ? 50 : 12}
                  precision={0}
                  placeholder={t('enterprise.registry.rules.notSet')}
                  style={{ width: '100%' }}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} md={12}>
            <Form.Item name="rdWithinPoints" label={t('enterprise.registry.rules.labels.rdWithinPoints')}>
              <InputNumber<string>
                stringMode
                min="0"
                max="99.99"
                step="0.5"
                placeholder={t('enterprise.registry.rules.notSet')}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="requiredMet" label={t('enterprise.registry.rules.labels.requiredMet')}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('enterprise.registry.rules.notSet')}
                options={hnteConditionIds.map((c) => ({ value: c, label: t(`enterprise.registry.rules.conditions.${c}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="effectiveFrom"
              label={t('enterprise.registry.rules.effectiveFrom')}
              rules={[{ required: true, message: t('enterprise.registry.form.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="note" label={t('enterprise.registry.rules.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** The admission rules in force for the region (own, inherited or built-in), their versions, and the editor. */
export function ReserveRulesCard({ region, canEdit }: { region: string | undefined; canEdit: boolean }) {
  const { t } = useTranslation();
  const rules = useReserveRules(region);
  const ruleText = useRuleText();
  const [editing, setEditing] = useState(false);
  const view = rules.data;
  if (!view) return null;
  const inForce = view.inForce;
  const source =
    inForce.regionCode === null
      ? t('enterprise.registry.rules.builtIn')
      : inForce.regionCode === view.regionCode
        ? t('enterprise.registry.rules.own', { version: inForce.version, from: inForce.effectiveFrom })
        : t('enterprise.registry.rules.inherited', { region: inForce.regionCode });
  return (
    <div data-testid="reserve-rules" style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {t('enterprise.registry.rules.inForce')}
          <Tag style={{ marginLeft: 8 }}>{source}</Tag>
        </Typography.Text>
        {canEdit ? (
          <Button size="small" icon={<SettingOutlined />} onClick={() => setEditing(true)} data-testid="reserve-rules-edit">
            {t('enterprise.registry.rules.edit')}
          </Button>
        ) : null}
      </Flex>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xl: 3 }}
        items={ruleKeys.map((k) => ({ key: k, label: t(`enterprise.registry.rules.labels.${k}`), children: ruleText(inForce.rules, k) }))}
      />
      {view.history.length > 0 ? (
        <Table<TReserveRuleSet>
          size="small"
          rowKey="version"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={view.history}
          columns={[
            { title: t('enterprise.registry.rules.version'), dataIndex: 'version', width: 70 },
            { title: t('enterprise.registry.rules.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
            {
              title: t('enterprise.registry.rules.title'),
              key: 'rules',
              render: (_, s) =>
                ruleKeys
                  .filter((k) => (k === 'requiredMet' ? s.rules.requiredMet.length > 0 : s.rules[k] !== null))
                  .map((k) => `${t(`enterprise.registry.rules.labels.${k}`)} ${ruleText(s.rules, k)}`)
                  .join('；'),
            },
            { title: t('enterprise.registry.rules.note'), dataIndex: 'note', render: (v: string | null) => v ?? t('common.none') },
          ]}
        />
      ) : null}
      {region || view.regionCode ? (
        <RulesModal region={view.regionCode} current={inForce} open={editing} onClose={() => setEditing(false)} />
      ) : null}
    </div>
  );
}
