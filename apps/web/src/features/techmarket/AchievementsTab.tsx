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
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterBar, ListCard } from '../../components/ListCard.tsx';
import { OrgSelect } from '../../components/OrgSelect.tsx';
import { useDrawer } from '../../lib/use-drawer.ts';
import { achievementApi, useAchievements } from './market-api.ts';
import { BureauReview, CodeFilter, FieldFilter, OwnedTitle, SearchBox, useListSearch, useOwnedDrawer } from './market-list.tsx';
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
  const { search, setSearch, paging, onPaging } = useListSearch();
  const status = achievementStatuses.find((s) => s === search.status);
  const field = techFieldCodes.find((f) => f === search.field);
  const list = useAchievements({ ...paging, status, field, q: search.q });
  const drawer = useDrawer<TAchievement>();
  const columns: TableColumnsType<TAchievement> = [
    {
      title: t('techmarket.achievement.title'),
      key: 'title',
      render: (_, a) => (
        <OwnedTitle title={a.title} ownerName={a.ownerOrgName} onOpen={() => drawer.openWith(a)} testId="achievement-open" />
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
            <CodeFilter
              value={status}
              codes={achievementStatuses}
              label={(s) => t(`techmarket.achievementStatuses.${s}`)}
              placeholder={t('techmarket.fields.status')}
              width={120}
              onChange={(v) => setSearch({ status: v })}
            />
            <FieldFilter value={field} width={200} onChange={(v) => setSearch({ field: v })} />
            <SearchBox q={search.q} onSearch={(q) => setSearch({ q })} placeholder={t('techmarket.achievement.search')} width={240} />
          </FilterBar>
        }
        query={list}
        columns={columns}
        rowKey="id"
        paging={paging}
        onPaging={onPaging}
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
  const [form] = Form.useForm<FormValues>();
  const a = props.item;
  const { editable, done, saved, step } = useOwnedDrawer(a, props.roles, props.onClose);
  const save = useTechmarketMutation((v: FormValues) => {
    const input = { ...v, completedOn: v.completedOn ? v.completedOn.format('YYYY-MM-DD') : null } as TAchievementInput;
    return a ? achievementApi.update(a, input) : achievementApi.create(input);
  });
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
            onFinish={(v) => save.mutate(v, saved)}
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
          <BureauReview
            testId="achievement-review"
            accept={{
              confirm: t('techmarket.achievement.registerConfirm'),
              label: t('techmarket.achievement.register'),
              testId: 'achievement-register',
              run: () => step.mutate(() => achievementApi.register(a), done),
            }}
            onReturn={(note) => step.mutate(() => achievementApi.return(a, note), done)}
            pending={step.isPending}
          />
        ) : null}
      </div>
    </Drawer>
  );
}
