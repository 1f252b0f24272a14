import { Result } from 'antd';

/** 科研诚信公示: the records the bureau has published, readable without signing in. */
export function PublicIntegrityPage() {
  return <Result status="info" title="科研诚信公示" />;
}
