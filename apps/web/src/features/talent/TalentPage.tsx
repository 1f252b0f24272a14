import { PlusOutlined } from '@ant-design/icons';
import { type TTalent, talentLevels } from '@kechuang/contracts';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, Select, type TableColumnsType, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { ExportButton } from '../../components/ExportButton.tsx';
import { ListCard } from '../../components/ListCard.tsx';
import { type ListFilter, ListFilters } from '../../components/ListFilters.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { AssessmentTab } from './AssessmentTab.tsx';
import { DispatchTab } from './DispatchTab.tsx';
import { FieldLogPage } from './FieldLogPage.tsx';
import { ProgrammesTab } from './ProgrammesTab.tsx';
import { ServiceLogsTab } from './ServiceLogsTab.tsx';
import { TargetsTab } from './TargetsTab.tsx';
import { useMyCommission, useTalentMutation, useTalents } from './talent-api.ts';
import { talentFilters, useTalentListSearch } from './talent-list.ts';

/** 人才与特派员: /talent (the bureau's registry and 特派员) and /talent/field (a 特派员's own log, phone-sized). */
export function TalentPage() {
  return (
    <Routes>
      <Route path="field" element={<FieldLogPage />} />
      <Route path="*" element={<TalentHome />} />
    </Routes>
  );
}

function TalentHome() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const mine = useMyCommission();
  const items = [
    { key: 'people', label: t('talent.tabs.people'), children: <PeopleTab /> },
    { key: 'commissioners', label: t('talent.tabs.dispatch'), children: <DispatchTab /> },
    { key: 'targets', label: t('talent.tabs.targets'), children: <TargetsTab /> },
    { key: 'assessment', label: t('talent.tabs.assessment'), children: <AssessmentTab /> },
    { key: 'logs', label: t('talent.tabs.logs'), children: <ServiceLogsTab /> },
    { key: 'programmes', label: t('talent.tabs.programmes'), children: <ProgrammesTab /> },
    ...(mine.data ? [{ key: 'field', label: t('talent.tabs.field'), children: <FieldLogPage /> }] : []),
  ];
  return (
    <div data-testid="page-talent">
      <PageHeader title={t('talent.title')} subtitle={t('talent.subtitle')} />
      <Tabs
        activeKey={search.tab ?? 'people'}
        onChange={(tab) =>
          setSearch({ tab, page: undefined, q: undefined, status: undefined, commissionerId: undefined, grade: undefined, kind: undefined })
        }
        items={items}
        destroyOnHidden
      />
    </div>
  );
}

interface TalentForm {
  name: string;
  idNumber?: string;
  title?: string;
  employerName?: string;
  regionCode: string;
  field: string;
  level: string;
  introducedOn?: Dayjs;
  introducedFrom?: string;
}

function PeopleTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const writer = user.roles.includes('admin') || user.roles.includes('planner');
  const { search, setSearch, paging, onPaging } = useTalentListSearch();
  const filters = { q: search.q, level: search.level, introducedYear: search.introducedYear, region: search.region };
  const list = useTalents({ ...paging, ...filters });
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<TalentForm>();
  const save = useTalentMutation((v: TalentForm) =>
    api.post('/api/talent/people', {
      person: { name: v.name, idNumber: v.idNumber || undefined, title: v.title || null, employerName: v.employerName || null },
      regionCode: v.regionCode,
      field: v.field,
      level: v.level,
      introducedOn: v.introducedOn ? v.introducedOn.format('YYYY-MM-DD') : null,
      introducedFrom: v.introducedFrom || null,
    }),
  );
  const f = talentFilters(t);
  const filterBar: ListFilter[] = [
    f.name(220, t('talent.fields.search')),
    {
      kind: 'select',
      key: 'level',
      placeholder: t('talent.fields.level'),
      width: 140,
      options: talentLevels.map((l) => ({ value: l, label: t(`talent.levels.${l}`) })),
    },
    { kind: 'optionalYear', key: 'introducedYear', placeholder: t('talent.fields.introducedOn') },
    f.region(),
  ];
  const columns: TableColumnsType<TTalent> = [
    { title: t('talent.fields.name'), dataIndex: 'name', width: 110, render: (n, r) => (r.idLast4 ? `${n}（…${r.idLast4}）` : n) },
    { title: t('talent.fields.employer'), dataIndex: 'employerName' },
    { title: t('talent.fields.title'), dataIndex: 'title', width: 120, render: (v: string | null) => v || '—' },
    { title: t('talent.fields.field'), dataIndex: 'field', width: 120 },
    {
      title: t('talent.fields.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: TTalent['level']) => <Tag>{t(`talent.levels.${l}`)}</Tag>,
    },
    { title: t('talent.fields.region'), dataIndex: 'regionCode', width: 110, render: (c: string) => <RegionName code={c} /> },
    { title: t('talent.fields.introducedOn'), dataIndex: 'introducedOn', width: 110, render: (d: string | null) => d ?? '—' },
    {
      title: t('talent.fields.programmes'),
      dataIndex: 'programmes',
      render: (p: TTalent['programmes']) =>
        p.length === 0 ? '—' : p.map((x) => <Tag key={`${x.name}${x.year}`}>{`${x.name} ${x.year}`}</Tag>),
    },
  ];
  return (
    <>
      <ListCard<TTalent>
        title={t('talent.tabs.people')}
        testId="talent-people"
        extra={
          <Flex gap={8}>
            <ExportButton
              path="/api/talent/people/export"
              fallbackName="科技人才库.xlsx"
              query={filters}
              label={t('talent.actions.export')}
            />
            {writer ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {t('talent.actions.add')}
              </Button>
            ) : null}
          </Flex>
        }
        filters={<ListFilters filters={filterBar} search={search} onChange={setSearch} />}
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={onPaging}
      />
      <Drawer
        open={adding}
        title={t('talent.actions.add')}
        onClose={() => setAdding(false)}
        size="large"
        extra={
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('talent.actions.save')}
          </Button>
        }
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ regionCode: user.regionCode, level: 'high' }}
          onFinish={(v) =>
            save.mutate(v, {
              onSuccess: () => {
                setAdding(false);
                form.resetFields();
              },
              onError: (e) => message.error(errorText(e)),
            })
          }
        >
          <Form.Item name="name" label={t('talent.fields.name')} rules={[{ required: true, max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="idNumber" label="身份证号" extra={t('talent.hints.identity')}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="title" label={t('talent.fields.title')}>
            <Input />
          </Form.Item>
          <Form.Item name="employerName" label={t('talent.fields.employer')}>
            <Input />
          </Form.Item>
          <Form.Item name="regionCode" label={t('talent.fields.region')} rules={[{ required: true }]}>
            <RegionPicker />
          </Form.Item>
          <Form.Item name="field" label={t('talent.fields.field')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t('talent.fields.level')} rules={[{ required: true }]}>
            <Select options={talentLevels.map((l) => ({ value: l, label: t(`talent.levels.${l}`) }))} />
          </Form.Item>
          <Form.Item name="introducedOn" label={t('talent.fields.introducedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}
