import { Alert, Flex, Input, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenToWan } from '../enterprise/money.ts';
import { type BudgetRowText, checkBudget } from './budget-model.ts';
import { wanText } from './wan.ts';

/** 经费预算表 with the sums checked while the applicant types: each row's 财政 and 自筹, the totals against the rows. */
export function BudgetTable(props: {
  rows: BudgetRowText[];
  onRows: (rows: BudgetRowText[]) => void;
  fiscalTotal: string;
  selfTotal: string;
  onTotals: (fiscal: string, self: string) => void;
  /** the totals are given (a 调整预算 keeps the 任务书's totals): shown, not typed */
  totalsFixed?: boolean;
}) {
  const { t } = useTranslation();
  const check = checkBudget(props.rows, props.fiscalTotal, props.selfTotal);
  const cell = (i: number, key: 'fiscalWan' | 'selfWan') => (
    <Input
      value={props.rows[i]?.[key] ?? ''}
      aria-label={`${t(`project.budgetCategories.${props.rows[i]?.category ?? 'equipment'}`)} ${t(key === 'fiscalWan' ? 'project.page.app.fiscal' : 'project.page.app.self')}`}
      onChange={(e) => props.onRows(props.rows.map((r, j) => (j === i ? { ...r, [key]: e.target.value } : r)))}
      suffix={t('project.page.wanUnit')}
    />
  );
  return (
    <div data-testid="budget-table">
      <Table<BudgetRowText>
        size="small"
        pagination={false}
        rowKey="category"
        dataSource={props.rows}
        columns={[
          {
            title: t('project.page.app.category'),
            dataIndex: 'category',
            render: (c: string) => t(`project.budgetCategories.${c}` as 'project.budgetCategories.equipment'),
          },
          { title: t('project.page.app.fiscal'), key: 'fiscal', render: (_, __, i) => cell(i, 'fiscalWan') },
          { title: t('project.page.app.self'), key: 'self', render: (_, __, i) => cell(i, 'selfWan') },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>{t('project.page.app.rowSum')}</Table.Summary.Cell>
            <Table.Summary.Cell index={1}>{wanText(check.fiscalSumFen)}</Table.Summary.Cell>
            <Table.Summary.Cell index={2}>{wanText(check.selfSumFen)}</Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Flex gap={12} style={{ marginTop: 12 }}>
        <div style={{ flex: 1 }}>
          <Typography.Text>{t('project.fields.fiscalFen')}</Typography.Text>
          <Input
            value={props.fiscalTotal}
            onChange={(e) => props.onTotals(e.target.value, props.selfTotal)}
            disabled={props.totalsFixed}
            suffix={t('project.page.wanUnit')}
            status={check.fiscalMatches ? undefined : 'error'}
            aria-label={t('project.fields.fiscalFen')}
            data-testid="fiscal-total"
          />
        </div>
        <div style={{ flex: 1 }}>
          <Typography.Text>{t('project.fields.selfFen')}</Typography.Text>
          <Input
            value={props.selfTotal}
            onChange={(e) => props.onTotals(props.fiscalTotal, e.target.value)}
            disabled={props.totalsFixed}
            suffix={t('project.page.wanUnit')}
            status={check.selfMatches ? undefined : 'error'}
            aria-label={t('project.fields.selfFen')}
            data-testid="self-total"
          />
        </div>
      </Flex>
      {check.badCells > 0 || !check.fiscalMatches || !check.selfMatches ? (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="budget-mismatch"
          title={
            check.badCells > 0
              ? t('project.page.app.badCells', { count: check.badCells })
              : t('project.page.app.sumMismatch', { fiscal: fenToWan(check.fiscalSumFen), self: fenToWan(check.selfSumFen) })
          }
        />
      ) : (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={t('project.page.app.sumOk')} data-testid="budget-ok" />
      )}
    </div>
  );
}

export function budgetIsConsistent(rows: BudgetRowText[], fiscal: string, self: string): boolean {
  const c = checkBudget(rows, fiscal, self);
  return c.badCells === 0 && c.fiscalMatches && c.selfMatches;
}
