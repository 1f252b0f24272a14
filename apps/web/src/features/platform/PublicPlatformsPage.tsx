import { Result } from 'antd';

/** 创新平台与服务机构名录: the published platforms and 创新券 providers, readable without signing in. */
export function PublicPlatformsPage() {
  return <Result status="info" title="创新平台与服务机构名录" />;
}
