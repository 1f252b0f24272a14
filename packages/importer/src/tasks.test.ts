import { describe, expect, it } from 'vitest';
import { extractPlan } from './extract-plan.ts';
import { parseUnits } from './tasks.ts';

describe('responsible units', () => {
  it.each([
    ['（牵头单位：市科技局；责任单位：各区县市人民政府）', ['市科技局'], ['各区县市人民政府']],
    ['（牵头单位：市科技局、市发改委；配合单位：市财政局，市统计局）', ['市科技局', '市发改委'], ['市财政局', '市统计局']],
    ['（责任单位：市科技局、市工信局）', ['市科技局', '市工信局'], []],
    ['（市科技局牵头，市财政局、市税务局配合）', ['市科技局'], ['市财政局', '市税务局']],
    ['（市科技局、高新区管委会）', ['市科技局'], ['高新区管委会']],
    ['（2021年底前完成）', [], []],
    ['（责任股室：高新科；配合股室：办公室）', ['高新科'], ['办公室']],
  ])('reads %s', (text, lead, co) => {
    expect(parseUnits(`实施专项行动。${text}`)).toEqual({ leadUnits: lead, coUnits: co });
  });

  it('takes tasks from the leaves of the task section with their units', () => {
    const d = extractPlan(
      '一、指导思想\n正文。\n二、重点任务\n1.培育企业。新增高企10家。（牵头单位：市科技局）\n2.建设平台。（市发改委牵头，市科技局配合）\n三、保障措施\n加强领导。',
    );
    expect(d.tasks.map((t) => [t.number, t.title, t.leadUnits, t.coUnits, t.sectionPath])).toEqual([
      ['1', '培育企业', ['市科技局'], [], ['二']],
      ['2', '建设平台', ['市发改委'], ['市科技局'], ['二']],
    ]);
  });
});
