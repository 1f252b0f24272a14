import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { TProjectContract } from '@kechuang/contracts';
import { Alert, Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenToWan } from '../enterprise/money.ts';
import { checkMilestones, type MilestoneRowText } from './milestone-model.ts';

/** 揭榜挂帅 里程碑: each tied to a 考核指标 with its payment; the sum is checked against the grant while typing. */
export function MilestonesEditor(props: {
  rows: MilestoneRowText[];
  onRows: (rows: MilestoneRowText[]) => void;
  targets: TProjectContract['targets'];
  grantedFen: number;
}) {
  const { t } = useTranslation();
  const { rows, onRows } = props;
  const check = checkMilestones(rows, props.targets, props.grantedFen);
  const set = (i: number, patch: Partial<MilestoneRowText>) => onRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div data-testid="milestones-editor" style={{ marginBottom: 12 }}>
      {rows.map((r, i) => (
        // rows have no identity of their own while being typed: their position is it
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Flex key={i} gap={8} align="center" style={{ marginBottom: 8 }}>
          <Input
            value={r.title}
            onChange={(e) => set(i, { title: e.target.value })}
            placeholder={t('project.page.milestones.title')}
            style={{ flex: 2 }}
          />
          <Input
            value={r.due}
            onChange={(e) => set(i, { due: e.target.value })}
            placeholder="2027-06-30"
            style={{ width: 130 }}
            aria-label={t('project.page.milestones.due')}
          />
          <Input
            value={r.paymentWan}
            onChange={(e) => set(i, { paymentWan: e.target.value })}
            suffix={t('project.page.wanUnit')}
            style={{ width: 150 }}
            aria-label={t('project.page.milestones.payment')}
          />
          <Select
            value={r.target ?? undefined}
            onChange={(v) => set(i, { target: v })}
            placeholder={t('project.page.milestones.target')}
            style={{ flex: 2 }}
            options={props.targets.map((x) => ({ value: x.name, label: `${x.name} ${x.value}${x.unit}` }))}
          />
          <MinusCircleOutlined onClick={() => onRows(rows.filter((_, j) => j !== i))} />
        </Flex>
      ))}
      <Button type="dashed" icon={<PlusOutlined />} onClick={() => onRows([...rows, { title: '', due: '', paymentWan: '', target: null }])}>
        {t('project.page.milestones.add')}
      </Button>
      <Alert
        style={{ marginTop: 8 }}
        showIcon
        type={check.ok ? 'success' : 'warning'}
        title={t('project.page.milestones.sum', { sum: fenToWan(check.sumFen), granted: fenToWan(props.grantedFen) })}
        description={check.uncovered.length > 0 ? t('project.page.milestones.uncovered', { names: check.uncovered.join('、') }) : undefined}
      />
    </div>
  );
}
