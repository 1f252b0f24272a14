import type { TOrgKind, TRole } from '@kechuang/contracts';

/** The demo bureau is 衡阳市科学技术局, the city of the first seed plan; 长沙 is a peer city out of its scope. */
export const demoOrgs: Array<{ key: string; name: string; kind: TOrgKind; regionCode: string; uscc?: string }> = [
  { key: 'bureau', name: '衡阳市科学技术局', kind: 'bureau', regionCode: '430400' },
  { key: 'province', name: '湖南省科学技术厅', kind: 'bureau', regionCode: '430000' },
  { key: 'drc', name: '衡阳市发展和改革委员会', kind: 'department', regionCode: '430400' },
  { key: 'leiyang', name: '耒阳市人民政府', kind: 'government', regionCode: '430481' },
  { key: 'hengnan', name: '衡南县人民政府', kind: 'government', regionCode: '430422' },
  { key: 'park', name: '衡阳高新技术产业开发区管理委员会', kind: 'park', regionCode: '430472' },
  { key: 'enterprise', name: '衡阳衡山科学仪器有限公司', kind: 'enterprise', regionCode: '430408', uscc: '91430408MA4L16XK37' },
  { key: 'university', name: '南华大学', kind: 'institute', regionCode: '430407' },
  { key: 'changsha', name: '长沙市科学技术局', kind: 'bureau', regionCode: '430100' },
];

export const demoUsers: Array<{ username: string; displayName: string; org: string; roles: TRole[]; note: string }> = [
  { username: 'admin', displayName: '系统管理员', org: 'bureau', roles: ['admin'], note: '衡阳市科技局 系统管理员' },
  { username: 'planner', displayName: '王规划', org: 'bureau', roles: ['planner'], note: '衡阳市科技局 业务人员' },
  { username: 'reporter.leiyang', displayName: '李填报', org: 'leiyang', roles: ['reporter'], note: '耒阳市 责任单位填报人' },
  { username: 'reporter.hengnan', displayName: '张填报', org: 'hengnan', roles: ['reporter'], note: '衡南县 责任单位填报人' },
  { username: 'enterprise', displayName: '赵企业', org: 'enterprise', roles: ['enterprise'], note: '企业用户' },
  { username: 'expert', displayName: '陈专家', org: 'university', roles: ['expert'], note: '评审专家（南华大学）' },
  { username: 'institute', displayName: '孙科研', org: 'university', roles: ['reporter'], note: '院所用户（南华大学科研处，申报项目）' },
  { username: 'province', displayName: '刘处长', org: 'province', roles: ['viewer'], note: '湖南省科技厅 只读' },
  {
    username: 'planner.changsha',
    displayName: '周规划',
    org: 'changsha',
    roles: ['planner'],
    note: '长沙市科技局 业务人员（用于对比范围）',
  },
];
