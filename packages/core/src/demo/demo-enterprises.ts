import type { TEnterpriseYear, TLadderRung } from '@kechuang/contracts';

/** 万元 → 分. */
const wan = (v: number) => Math.round(v * 1_000_000);

function year(y: number, salesWan: number, rdWan: number, hitechWan: number, staff: [number, number]): TEnterpriseYear {
  return {
    year: y,
    employeesAvg: String(staff[0]),
    techStaffAvg: String(staff[1]),
    salesFen: wan(salesWan),
    totalIncomeFen: wan(salesWan * 1.03),
    nonTaxableIncomeFen: 0,
    hitechIncomeFen: wan(hitechWan),
    costExpenseFen: wan(salesWan * 0.85),
    totalAssetsFen: wan(salesWan * 2),
    netAssetsFen: wan(salesWan * 0.8),
    rdExpense: {
      personnelFen: wan(rdWan * 0.7),
      directInputFen: wan(rdWan * 0.3),
      depreciationFen: 0,
      amortisationFen: 0,
      designFen: 0,
      trialFen: 0,
      outsourcedDomesticFen: 0,
      outsourcedForeignFen: 0,
      otherFen: 0,
      abroadFen: 0,
    },
    conversions: 3,
  };
}

export interface DemoEnterprise {
  uscc: string;
  name: string;
  regionCode: string;
  industryCode: string;
  registeredOn: string;
  /** key of the demo organisation that signs in for it */
  orgKey?: string;
  years: TEnterpriseYear[];
  statuses: Array<{ rung: TLadderRung; reference: string | null; validFrom: string; validTo: string | null }>;
}

/**
 * Fictitious 衡阳 enterprises on different rungs of the ladder (credit codes carry valid GB 32100 check
 * characters). 衡阳衡山科学仪器 belongs to the demo enterprise account and sits in the 高企后备库 with an
 * R&D ratio just short of the threshold, so its assessment shows a gap.
 */
export const demoEnterprises: DemoEnterprise[] = [
  {
    uscc: '91430408MA4L16XK37',
    name: '衡阳衡山科学仪器有限公司',
    regionCode: '430408',
    industryCode: 'C40',
    registeredOn: '2015-06-18',
    orgKey: 'enterprise',
    years: [year(2023, 4200, 150, 2900, [86, 18]), year(2024, 5100, 170, 3600, [92, 21]), year(2025, 6000, 190, 4500, [98, 24])],
    statuses: [
      { rung: 'techSme', reference: '202443040800123', validFrom: '2024-05-10', validTo: '2024-12-31' },
      { rung: 'techSme', reference: '202543040800098', validFrom: '2025-04-20', validTo: '2025-12-31' },
      { rung: 'hnteReserve', reference: null, validFrom: '2025-03-01', validTo: null },
    ],
  },
  {
    uscc: '91430407MA4PQ2R8X4',
    name: '衡阳华岳精密材料有限公司',
    regionCode: '430407',
    industryCode: 'C33',
    registeredOn: '2012-09-03',
    years: [year(2024, 18000, 760, 13000, [240, 52]), year(2025, 21000, 900, 15500, [260, 58])],
    statuses: [
      { rung: 'techSme', reference: '202343040700045', validFrom: '2023-04-28', validTo: '2023-12-31' },
      { rung: 'hnte', reference: 'GR202343001234', validFrom: '2023-11-15', validTo: '2026-11-14' },
      { rung: 'specialized', reference: null, validFrom: '2024-08-01', validTo: '2027-07-31' },
    ],
  },
  {
    uscc: '91430481MA4T7BC5LM',
    name: '耒阳湘南新能源电池科技有限公司',
    regionCode: '430481',
    industryCode: 'C38',
    registeredOn: '2016-03-22',
    years: [year(2025, 52000, 2100, 41000, [610, 120])],
    statuses: [
      { rung: 'hnte', reference: 'GR202143000567', validFrom: '2021-12-01', validTo: '2024-11-30' },
      { rung: 'hnte', reference: 'GR202443000890', validFrom: '2024-11-20', validTo: '2027-11-19' },
      { rung: 'littleGiant', reference: null, validFrom: '2025-07-01', validTo: '2028-06-30' },
    ],
  },
  {
    uscc: '91430422MA4QK3D2NX',
    name: '衡南县丰禾农业科技有限公司',
    regionCode: '430422',
    industryCode: 'A01',
    registeredOn: '2020-11-09',
    years: [year(2024, 1800, 60, 500, [35, 6]), year(2025, 2300, 80, 700, [40, 7])],
    statuses: [{ rung: 'techSme', reference: '202543042200017', validFrom: '2025-05-15', validTo: '2025-12-31' }],
  },
];
