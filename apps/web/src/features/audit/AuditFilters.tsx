import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import type { SearchState } from '../../lib/use-search-state.ts';

/** Entity types the server records today; free text still works for new ones. */
export const entityTypes = [
  'org',
  'user',
  'session',
  'region',
  'region_change',
  'auth',
  'app_user',
  'enterprise',
  'enterprise_reserve_rules',
  'evaluation_run',
  'evaluation_scheme',
  'indicator',
  'indicator_value',
  'notification',
  'plan',
  'plan_bulletin',
  'plan_node',
  'progress_report',
  'project',
  'project_application',
  'project_call',
  'project_programme',
  'project_upward',
  'region_boundary',
  'setting',
  'system',
  'tech_contract',
  'tm_registration_point',
  'tm_seller',
  'commissioner',
  'commissioner_team',
  'expert',
  'integrity_record',
  'platform',
  'platform_application',
  'platform_call',
  'platform_evaluation',
  'platform_report',
  'review_assignment',
  'review_draw',
  'review_rubric',
  'service_log',
  'service_target',
  'talent',
  'talent_programme',
  'talent_round',
  'tm_achievement',
  'tm_agency',
  'tm_broker',
  'tm_event',
  'tm_event_pair',
  'tm_listing',
  'tm_pack_switch',
  'voucher_batch',
  'voucher_provider',
  'voucher_quota',
  'voucher_use',
] as const;

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  region?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const filterKeys = ['actor', 'action', 'entityType', 'entityId', 'region', 'from', 'to'] as const;

function toValues(search: SearchState): FilterValues {
  const from = search.from ? dayjs(search.from) : null;
  const to = search.to ? dayjs(search.to) : null;
  return {
    actor: search.actor,
    action: search.action,
    entityType: search.entityType,
    entityId: search.entityId,
    region: search.region,
    range: from || to ? [from, to] : null,
  };
}

export function AuditFilters({ search, onApply }: { search: SearchState; onApply: (patch: SearchState) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FilterValues>();

  const apply = (v: FilterValues) => {
    const [from, to] = v.range ?? [null, null];
    onApply({
      actor: v.actor?.trim() || undefined,
      action: v.action?.trim() || undefined,
      entityType: v.entityType?.trim() || undefined,
      entityId: v.entityId?.trim() || undefined,
      region: v.region || undefined,
      // Whole minutes in local time with offset, as the API expects (2025-03-01T00:00:00+08:00).
      from: from ? from.second(0).format() : undefined,
      to: to ? to.second(59).format() : undefined,
    });
  };

  const reset = () => {
    form.setFieldsValue({
      actor: undefined,
      action: undefined,
      entityType: undefined,
      entityId: undefined,
      region: undefined,
      range: null,
    });
    onApply(Object.fromEntries(filterKeys.map((k) => [k, undefined])));
  };

  return (
    <Form<FilterValues> form={form} layout="inline" initialValues={toValues(search)} onFinish={apply} style={{ rowGap: 12, padding: 16 }}>
      <Form.Item name="actor">
        <Input placeholder={t('audit.filters.actor')} allowClear style={{ width: 150 }} />
      </Form.Item>
      <Form.Item name="action">
        <Input placeholder={t('audit.filters.action')} allowClear style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="entityType">
        <AutoComplete
          placeholder={t('audit.filters.entityType')}
          allowClear
          style={{ width: 150 }}
          options={entityTypes.map((e) => ({ value: e, label: `${t(`audit.entityType.${e}`)} (${e})` }))}
        />
      </Form.Item>
      <Form.Item name="entityId">
        <Input placeholder={t('audit.filters.entityId')} allowClear style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="region">
        <RegionPicker placeholder={t('audit.filters.region')} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="range">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          allowEmpty={[true, true]}
          placeholder={[t('audit.filters.dateFrom'), t('audit.filters.dateTo')]}
        />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {t('common.actions.query')}
          </Button>
          <Button onClick={reset}>{t('common.actions.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
