import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Grid, Layout, Menu, type MenuProps, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAbilities } from './abilities.ts';
import { HeaderActions } from './HeaderActions.tsx';
import { adminItems, adminRoot, homeItem, moduleItems, myTasksItem } from './nav.tsx';

const collapsedKey = 'kc_sider_collapsed';

/** The menu entry for a path: the longest menu path that is a prefix of it. */
function selectedKey(pathname: string, paths: string[]): string {
  if (pathname === '/') return '/';
  const match = paths.filter((p) => p !== '/' && (pathname === p || pathname.startsWith(`${p}/`)));
  return match.sort((a, b) => b.length - a.length)[0] ?? pathname;
}

export function AppShell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { modules } = useAbilities();
  const isAdmin = modules.includes('admin');
  const isReporter = modules.includes('myTasks');
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(collapsedKey) === '1');
  const [openKeys, setOpenKeys] = useState<string[]>(() => (pathname.startsWith('/admin') ? [adminRoot.path] : []));
  // on a phone (a 特派员 logging a service in a village) the menu is a drawer and the header keeps to icons
  const phone = Grid.useBreakpoint().md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);

  const items = useMemo<NonNullable<MenuProps['items']>>(() => {
    const list: NonNullable<MenuProps['items']> = [
      { key: homeItem.path, icon: homeItem.icon, label: t('shell.menu.home') },
      ...(isReporter ? [{ key: myTasksItem.path, icon: myTasksItem.icon, label: t('shell.menu.myTasks') }] : []),
      ...moduleItems.filter((m) => modules.includes(m.key)).map((m) => ({ key: m.path, icon: m.icon, label: t(`shell.menu.${m.key}`) })),
    ];
    if (isAdmin) {
      list.push({
        key: adminRoot.path,
        icon: adminRoot.icon,
        label: t('shell.menu.admin'),
        children: adminItems.map((a) => ({ key: a.path, icon: a.icon, label: t(`shell.menu.${a.key}`) })),
      });
    }
    return list;
  }, [t, isAdmin, isReporter, modules]);

  const allPaths = [homeItem.path, myTasksItem.path, ...moduleItems.map((m) => m.path), ...adminItems.map((a) => a.path)];
  const toggle = () => {
    if (phone) return setDrawerOpen(true);
    const next = !collapsed;
    setCollapsed(next);
    localStorage.setItem(collapsedKey, next ? '1' : '0');
  };

  const brand = (narrow: boolean) => (
    <Link to="/" style={{ display: 'block' }}>
      <Flex align="center" gap={10} style={{ height: 56, padding: narrow ? '0 16px' : '0 20px' }}>
        <img src="/favicon.svg" alt="" width={28} height={28} />
        {narrow ? null : (
          <Flex vertical style={{ lineHeight: 1.2, minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 17 }}>
              {t('common.appName')}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 11 }}>
              {t('common.appTagline')}
            </Typography.Text>
          </Flex>
        )}
      </Flex>
    </Link>
  );
  const menu = (narrow: boolean) => (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedKey(pathname, allPaths)]}
      openKeys={narrow ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0 } }}
          data-testid="nav-drawer"
        >
          {brand(false)}
          {menu(false)}
        </Drawer>
      ) : (
        <Layout.Sider
          width={220}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          breakpoint="lg"
          onBreakpoint={(narrow) => {
            if (narrow) setCollapsed(true);
          }}
          style={{ borderRight: '1px solid #eef0f3', position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          {brand(collapsed)}
          {menu(collapsed)}
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            borderBottom: '1px solid #eef0f3',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            ...(phone ? { paddingInline: 12 } : {}),
          }}
        >
          <Tooltip title={collapsed || phone ? t('shell.header.expand') : t('shell.header.collapse')}>
            <Button
              type="text"
              icon={collapsed || phone ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={toggle}
              aria-label={collapsed || phone ? t('shell.header.expand') : t('shell.header.collapse')}
            />
          </Tooltip>
          <HeaderActions compact={phone} />
        </Layout.Header>
        <Layout.Content style={{ padding: phone ? 12 : 24, minWidth: 0 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
