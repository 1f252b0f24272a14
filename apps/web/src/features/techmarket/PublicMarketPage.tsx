import { Result } from 'antd';

/** 技术供需大厅: the published achievements and demands, searchable without signing in. */
export function PublicMarketPage() {
  return <Result status="info" title="技术供需大厅" />;
}
