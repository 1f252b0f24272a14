import { PlusOutlined } from '@ant-design/icons';
import {
  achievementIpKinds,
  achievementKinds,
  achievementStatuses,
  maturityStages,
  type TAchievement,
  type TAchievementInput,
  techFieldCodes,
} from '@kechuang/contracts';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useErrorText } from '../../lib/error-text.ts';
import { useDrawer } from '../../lib/use-drawer.ts';
import { intParam, useSearchState } from '../../lib/use-search-state.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { achievementApi, useAchievements } from './market-api.ts';
import { ProjectSelect } from './ProjectSelect.tsx';
import type { MarketRoles } from './roles.ts';
import { useTechmarketMutation } from './techmarket-api.ts';

const statusColor: Record<TAchievement['status'], string> = {
  draft: 'default',
  submitted: 'blue',
  returned: 'orange',
  registered: 'green',
};

/** 科技成果登记: units register their achievements, the bureau registers (or returns) them; the count feeds its indicator. */
export function AchievementsTab({ roles }: { roles: MarketRoles }) {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchState();
  const paging = { page: intParam(search.page, 1), pageSize: intParam(search.pageSize, 20) };
  const status = achievementStatuses.find((s) => s === search.status);
  const field = techFieldCodes.find((f) => f === search.field);
  const [q, setQ] = useState(search.q ?? '');
  const list = useAchievements({ ...paging, status, field, q: search.q });
  const drawer = useDrawer<TAchievement>();
  const columns: TableColumnsType<TAchievement> = [
    {
      title: t('techmarket.achievement.title'),
      key: 'title',
      render: (_, a) => (
        <div>
          <Typography.Link strong onClick={() => drawer.openWith(a)} data-testid="achievement-open">
            {a.title}
          </Typography.Link>
          <div>
            <Typography.Text type="secondary">{a.ownerOrgName}</Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t('techmarket.achievement.kind'), key: 'kind', width: 120, render: (_, a) => t(`techmarket.achievementKinds.${a.kind}`) },
    { title: t('techmarket.achievement.field'), key: 'field', width: 150, render: (_, a) => t(`techmarket.fieldCodes.${a.fieldCode}`) },
    {
      title: t('techmarket.achievement.maturity'),
      key: 'maturity',
      width: 130,
      render: (_, a) => `${t(`techmarket.maturity.${a.maturity}`)}${a.trl ? ` · TRL ${a.trl}` : ''}`,
    },
    {
      title: t('techmarket.fields.status'),
      key: 'status',
      width: 100,
      render: (_, a) => (
        <Tag color={statusColor[a.status]} data-testid="achievement-status">
          {t(`techmarket.achievementStatuses.${a.status}`)}
        </Tag>
      ),
    },
    { title: t('techmarket.fields.registrationNo'), key: 'no', width: 160, render: (_, a) => a.registrationNo ?? t('common.none') },
  ];
  const canCreate = roles.seller || roles.manager;
  return (
    <>
      <ListCard<TAchievement>
        title={t('techmarket.tabs.achievements')}
        testId="achievements"
        extra={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => drawer.openWith(null)} data-testid="achievement-new">
              {t('techmarket.achievement.new')}
            </Button>
          ) : null
        }
        filters={
          <FilterBar>
            <Select
              value={status}
              onChange={(v) => setSearch({ status: v })}
              allowClear
              placeholder={t('techmarket.fields.status')}
              style={{ width: 120 }}
              options={achievementStatuses.map((s) => ({ value: s, label: t(`techmarket.achievementStatuses.${s}`) }))}
            />
            <Select
              value={field}
              onChange={(v) => setSearch({ field: v })}
              allowClear
              placeholder={t('techmarket.achievement.field')}
              style={{ width: 200 }}
              options={techFieldCodes.map((f) => ({ value: f, label: t(`techmarket.fieldCodes.${f}`) }))}
            />
            <Input.Search
              value={q}
              onChange={(e) => setQ(e.target.value)}
              onSearch={(v) => setSearch({ q: v.trim() || undefined })}
              placeholder={t('techmarket.achievement.search')}
              allowClear
              style={{ width: 240 }}
            />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={(p) => setSearch({ page: String(p.page), pageSize: String(p.pageSize) })}
      />
      <AchievementDrawer key={drawer.key} open={drawer.open} item={drawer.item} roles={roles} onClose={drawer.close} />
    </>
  );
}

interface FormValues extends Omit<TAchievementInput, 'completedOn'> {
  completedOn?: Dayjs | null;
}

function AchievementDrawer(props: { open: boolean; item: TAchievement | null; roles: MarketRoles; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<FormValues>();
  const [note, setNote] = useState('');
  const a = props.item;
  // the owner's users edit it; the bureau edits what it entered for a unit (a draft it can see is one it entered)
  const mine = a === null || a.ownerOrgId === user.orgId || (props.roles.manager && a.status === 'draft');
  const editable = mine && (a === null || a.status === 'draft' || a.status === 'returned');
  const done = { onSuccess: () => props.onClose(), onError: (e: unknown) => message.error(errorText(e)) };
  const save = useTechmarketMutation((v: FormValues) => {
    const input = { ...v, completedOn: v.completedOn ? v.completedOn.format('YYYY-MM-DD') : null } as TAchievementInput;
    return a ? achievementApi.update(a, input) : achievementApi.create(input);
  });
  const step = useTechmarketMutation((f: () => Promise<TAchievement>) => f());
  return (
    <Drawer open={props.open} onClose={props.onClose} size={820} title={a?.title ?? t('techmarket.achievement.new')} destroyOnHidden>
      <div data-testid="achievement-drawer">
        {a?.status === 'returned' && a.note ? <Alert type="warning" showIcon title={a.note} style={{ marginBottom: 12 }} /> : null}
        {a?.status === 'registered' ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('techmarket.achievement.registered', { no: a.registrationNo, date: a.registeredOn })}
          />
        ) : null}
        {editable ? (
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={
              a
                ? { ...a, completedOn: a.completedOn ? dayjs(a.completedOn) : null }
                : { kind: 'applied_technology', maturity: 'lab', ipKind: 'none', keywords: [], ipNumbers: [], trl: null, projectId: null }
            }
            onFinish={(v) =>
              save.mutate(v, {
                ...done,
                onSuccess: () => {
                  message.success(t('common.saved'));
                  props.onClose();
                },
              })
            }
          >
            {props.roles.manager && a === null ? (
              <Form.Item name="ownerOrgId" label={t('techmarket.achievement.owner')} extra={t('techmarket.achievement.ownerHint')}>
                <OrgSelect />
              </Form.Item>
            ) : null}
            <Form.Item name="title" label={t('techmarket.achievement.title')} rules={[{ required: true, min: 2, max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="summary" label={t('techmarket.achievement.summary')} rules={[{ required: true, min: 10, max: 4000 }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Flex gap={16}>
              <Form.Item name="kind" label={t('techmarket.achievement.kind')} style={{ flex: 1 }}>
                <Select options={achievementKinds.map((k) => ({ value: k, label: t(`techmarket.achievementKinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="fieldCode" label={t('techmarket.achievement.field')} rules={[{ required: true }]} style={{ flex: 1 }}>
                <Select options={techFieldCodes.map((f) => ({ value: f, label: t(`techmarket.fieldCodes.${f}`) }))} />
              </Form.Item>
            </Flex>
            <Flex gap={16}>
              <Form.Item name="maturity" label={t('techmarket.achievement.maturity')} style={{ flex: 1 }}>
                <Select options={maturityStages.map((k) => ({ value: k, label: t(`techmarket.maturity.${k}`) }))} />
              </Form.Item>
              <Form.Item name="trl" label={t('techmarket.achievement.trl')} style={{ width: 140 }}>
                <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="completedOn" label={t('techmarket.achievement.completedOn')} style={{ width: 180 }}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <Flex gap={16}>
              <Form.Item name="ipKind" label={t('techmarket.achievement.ipKind')} style={{ width: 220 }}>
                <Select options={achievementIpKinds.map((k) => ({ value: k, label: t(`techmarket.ipKinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="ipNumbers" label={t('techmarket.achievement.ipNumbers')} style={{ flex: 1 }}>
                <Select mode="tags" open={false} placeholder={t('techmarket.achievement.tagsHint')} />
              </Form.Item>
            </Flex>
            <Form.Item name="keywords" label={t('techmarket.achievement.keywords')}>
              <Select mode="tags" open={false} placeholder={t('techmarket.achievement.tagsHint')} />
            </Form.Item>
            <Form.Item name="projectId" label={t('techmarket.achievement.project')}>
              <ProjectSelect initialLabel={a?.projectTitle ? `${a.projectNo ?? ''} ${a.projectTitle}` : null} />
            </Form.Item>
            <Flex gap={8}>
              <Button htmlType="submit" loading={save.isPending} data-testid="achievement-save">
                {t('common.actions.save')}
              </Button>
              {a ? (
                <Popconfirm
                  title={t('techmarket.achievement.submitConfirm')}
                  onConfirm={() => step.mutate(() => achievementApi.submit(a), done)}
                >
                  <Button type="primary" loading={step.isPending} data-testid="achievement-submit">
                    {t('techmarket.achievement.submit')}
                  </Button>
                </Popconfirm>
              ) : null}
            </Flex>
          </Form>
        ) : a ? (
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('techmarket.achievement.owner')}>{a.ownerOrgName}</Descriptions.Item>
            <Descriptions.Item label={t('techmarket.fields.status')}>{t(`techmarket.achievementStatuses.${a.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.kind')}>{t(`techmarket.achievementKinds.${a.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.field')}>{t(`techmarket.fieldCodes.${a.fieldCode}`)}</Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.maturity')}>
              {t(`techmarket.maturity.${a.maturity}`)}
              {a.trl ? ` · TRL ${a.trl}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.ipKind')}>
              {t(`techmarket.ipKinds.${a.ipKind}`)} {a.ipNumbers.join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.project')} span={2}>
              {a.projectTitle ? `${a.projectNo ?? ''} ${a.projectTitle}` : t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.keywords')} span={2}>
              {a.keywords.join('、') || t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('techmarket.achievement.summary')} span={2}>
              {a.summary}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        {a?.status === 'submitted' && props.roles.manager ? (
          <Flex gap={8} vertical style={{ marginTop: 16 }} data-testid="achievement-review">
            <Popconfirm
              title={t('techmarket.achievement.registerConfirm')}
              onConfirm={() => step.mutate(() => achievementApi.register(a), done)}
            >
              <Button type="primary" loading={step.isPending} data-testid="achievement-register" style={{ alignSelf: 'flex-start' }}>
                {t('techmarket.achievement.register')}
              </Button>
            </Popconfirm>
            <Input.TextArea
              rows={2}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('techmarket.achievement.returnHint')}
            />
            <Popconfirm
              title={t('techmarket.achievement.returnConfirm')}
              onConfirm={() => step.mutate(() => achievementApi.return(a, note.trim()), done)}
            >
              <Button danger disabled={note.trim().length < 2} loading={step.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('techmarket.achievement.return')}
              </Button>
            </Popconfirm>
          </Flex>
        ) : null}
      </div>
    </Drawer>
  );
}
