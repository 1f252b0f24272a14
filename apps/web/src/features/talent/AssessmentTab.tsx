import { assessmentGrades, type TCommissioner } from '@kechuang/contracts';
import { Alert, App, Button, Form, Input, Modal, Radio, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListCard } from '../../components/ListCard.tsx';
import { type ListFilter, ListFilters } from '../../components/ListFilters.tsx';
import { RegionName } from '../../components/RegionName.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { isWriter } from './DispatchTab.tsx';
import { useCommissioners, useTalentMutation } from './talent-api.ts';
import { talentFilters, useTalentListSearch } from './talent-list.ts';

const gradeColor: Record<string, string> = { excellent: 'green', pass: 'blue', basic: 'orange', fail: 'red' };

/** 年度考核: each 特派员's services of the year and how their 服务对象 answered, and the grade with its note. */
export function AssessmentTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const writer = isWriter(user.roles);
  const { search, setSearch, year, paging, onPaging } = useTalentListSearch();
  const list = useCommissioners({ ...paging, year, q: search.q, grade: search.grade });
  const [assessing, setAssessing] = useState<TCommissioner | null>(null);
  const [form] = Form.useForm<{ grade: string; note: string }>();
  const assess = useTalentMutation((v: { grade: string; note: string; c: TCommissioner }) =>
    api.post(`/api/talent/commissioners/${v.c.id}/assess`, { version: v.c.version, grade: v.grade, note: v.note ?? '' }),
  );
  const f = talentFilters(t);
  const filters: ListFilter[] = [
    f.year(year),
    f.name(),
    {
      kind: 'select',
      key: 'grade',
      placeholder: t('talent.fields.gradeFilter'),
      width: 140,
      options: [
        { value: 'none', label: t('talent.fields.unassessed') },
        ...assessmentGrades.map((g) => ({ value: g, label: t(`talent.grades.${g}`) })),
      ],
    },
  ];
  const columns: TableColumnsType<TCommissioner> = [
    { title: t('talent.fields.name'), dataIndex: 'name', width: 90 },
    { title: t('talent.fields.region'), dataIndex: 'regionCode', width: 100, render: (c: string) => <RegionName code={c} /> },
    { title: t('talent.fields.team'), dataIndex: 'teamName', width: 170, render: (n: string | null) => n ?? '—' },
    { title: t('talent.fields.targets'), dataIndex: 'targets', width: 96, render: (ts: TCommissioner['targets']) => ts.length },
    { title: t('talent.fields.logs'), dataIndex: 'logCount', width: 96 },
    { title: t('talent.statuses.confirmed'), dataIndex: 'confirmedCount', width: 80 },
    {
      title: t('talent.statuses.disputed'),
      dataIndex: 'disputedCount',
      width: 80,
      render: (n: number, c) =>
        n > 0 ? (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setSearch({ tab: 'logs', commissionerId: String(c.id), status: 'disputed' })}
          >
            {n}
          </Button>
        ) : (
          0
        ),
    },
    {
      title: t('talent.fields.grade'),
      dataIndex: 'grade',
      width: 100,
      render: (g: TCommissioner['grade']) =>
        g ? <Tag color={gradeColor[g]}>{t(`talent.grades.${g}`)}</Tag> : t('talent.fields.unassessed'),
    },
    {
      title: t('talent.fields.note'),
      dataIndex: 'assessmentNote',
      render: (n: string | null) => <Typography.Text ellipsis={{ tooltip: n }}>{n || '—'}</Typography.Text>,
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_: unknown, c: TCommissioner) => (
        <>
          <Button size="small" type="link" onClick={() => setSearch({ tab: 'logs', commissionerId: String(c.id), status: undefined })}>
            {t('talent.actions.viewLogs')}
          </Button>
          {writer ? (
            <Button size="small" type="link" data-testid={`assess-${c.id}`} onClick={() => setAssessing(c)}>
              {t('talent.actions.assess')}
            </Button>
          ) : null}
        </>
      ),
    },
  ];
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('talent.hints.assessmentHint')} />
      <ListCard<TCommissioner>
        title={`${t('talent.tabs.assessment')}（${year}）`}
        testId="talent-assessment"
        filters={<ListFilters filters={filters} search={search} onChange={setSearch} />}
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={onPaging}
      />
      <Modal
        open={assessing !== null}
        title={`${t('talent.actions.assess')}：${assessing?.name ?? ''}（${year}）`}
        onCancel={() => setAssessing(null)}
        onOk={() => form.submit()}
        confirmLoading={assess.isPending}
        destroyOnHidden
      >
        {assessing ? (
          <Typography.Paragraph type="secondary">
            {t('talent.fields.logs')} {assessing.logCount} · {t('talent.statuses.confirmed')} {assessing.confirmedCount} ·{' '}
            {t('talent.statuses.disputed')} {assessing.disputedCount}
          </Typography.Paragraph>
        ) : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ grade: assessing?.grade ?? undefined, note: assessing?.assessmentNote ?? '' }}
          onFinish={(v) =>
            assessing &&
            assess.mutate(
              { ...v, c: assessing },
              {
                onSuccess: () => {
                  setAssessing(null);
                  message.success(t('talent.hints.assessed'));
                },
                onError: (e) => message.error(errorText(e)),
              },
            )
          }
        >
          <Form.Item name="grade" label={t('talent.fields.grade')} rules={[{ required: true }]}>
            <Radio.Group
              data-testid="assess-grade"
              options={assessmentGrades.map((g) => ({ value: g, label: t(`talent.grades.${g}`) }))}
              optionType="button"
            />
          </Form.Item>
          <Form.Item name="note" label={t('talent.fields.note')} rules={[{ max: 500 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
