/** The columns of the plan workbook (header text is what the import matches on). */
export const taskHead = {
  id: '任务ID',
  section: '所属板块',
  number: '序号',
  title: '任务名称',
  lead: '牵头单位',
  co: '配合单位',
  leader: '责任领导',
  startDate: '开始日期',
  dueDate: '完成时限',
  cycle: '报送周期',
  cycleDueDay: '报送日（期末次月几日）',
  customDueDates: '自定义报送日期',
  weight: '权重',
} as const;
export type TaskColumn = keyof typeof taskHead;
export const taskEditable: TaskColumn[] = ['title', 'leader', 'startDate', 'dueDate', 'cycle', 'cycleDueDay', 'customDueDates', 'weight'];
export const taskWidths: Record<TaskColumn, number> = {
  id: 8,
  section: 22,
  number: 8,
  title: 48,
  lead: 24,
  co: 24,
  leader: 12,
  startDate: 12,
  dueDate: 12,
  cycle: 10,
  cycleDueDay: 12,
  customDueDates: 26,
  weight: 8,
};

export const targetHead = {
  id: '指标ID',
  task: '所属任务',
  category: '类别',
  indicatorName: '指标名称',
  indicatorCode: '指标代码',
  value: '目标值',
  valueMax: '上限值',
  unit: '单位',
  targetYear: '目标年份',
} as const;
export type TargetColumn = keyof typeof targetHead;
export const targetEditable: TargetColumn[] = ['indicatorName', 'value', 'valueMax', 'unit', 'targetYear'];
export const targetWidths: Record<TargetColumn, number> = {
  id: 8,
  task: 40,
  category: 8,
  indicatorName: 28,
  indicatorCode: 16,
  value: 12,
  valueMax: 12,
  unit: 10,
  targetYear: 10,
};

/** 自定义报送日期 in one cell: ISO dates separated by commas, 、, ； or spaces. */
export function splitDates(text: string): string[] {
  return text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
