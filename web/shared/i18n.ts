import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

const en = {
  app: { name: 'Flywheel', tagline: 'Omnichannel, live and creator commerce with enforced trust', language: '中文', logout: 'Sign out', docs: 'API docs' },
  login: { title: 'Sign in to the console', email: 'Email', password: 'Password', submit: 'Sign in', failed: 'Sign-in failed', demo: 'Demo logins (password flywheel-demo)' },
  menu: { home: 'Home', orgs: 'Organisations', stores: 'Stores', members: 'Members', apiKeys: 'API keys', webhooks: 'Webhooks', audit: 'Audit log' },
  role: { operator: 'Platform operator', brand: 'Brand merchant', retailer: 'Retailer', store: 'Store staff', creator: 'Creator', provider: 'Service provider', platform: 'Platform operator' },
  kind: { platform: 'Platform', brand: 'Brand', retailer: 'Retailer', store: 'Store', creator: 'Creator', provider: 'Service provider' },
  roles: { owner: 'Owner', admin: 'Admin', staff: 'Staff', viewer: 'Viewer' },
  figure: {
    members: 'Members', apiKeys: 'Active API keys', shoppers: 'Shoppers',
    'orgs.brand': 'Brands', 'orgs.retailer': 'Retailers', 'orgs.store': 'Stores', 'orgs.creator': 'Creators', 'orgs.provider': 'Service providers',
    'webhooks.delivered': 'Webhook deliveries', 'webhooks.failed': 'Failed webhook deliveries',
  },
  home: { welcome: 'Welcome, {{name}}', org: '{{org}} · {{role}}', chart: 'Organisations on the platform' },
  common: { name: 'Name', kind: 'Kind', status: 'Status', created: 'Created', actions: 'Actions', create: 'Create', save: 'Save', cancel: 'Cancel', delete: 'Delete', more: 'Load more', city: 'City', area: 'Floor area (m²)', role: 'Role', email: 'Email', lastLogin: 'Last sign-in', search: 'Search' },
  orgs: { create: 'Onboard organisation', province: 'Province', district: 'District', providerType: 'Provider type' },
  members: { add: 'Add member', password: 'Initial password' },
  apiKeys: { create: 'Create API key', prefix: 'Prefix', lastUsed: 'Last used', revoke: 'Revoke', revoked: 'Revoked', secret: 'Copy the secret now: it will not be shown again.' },
  webhooks: { create: 'Add endpoint', url: 'URL', events: 'Event types', deliveries: 'Delivery log', ping: 'Send test', resend: 'Resend', attempts: 'Attempts', lastStatus: 'Last status', event: 'Event', secret: 'Signing secret (shown once)' },
  audit: { actor: 'Actor', action: 'Action', object: 'Object', request: 'Request id', time: 'Time' },
  shop: { title: 'Flywheel shop', hello: 'Hello, {{name}}', guest: 'Sign in for one-hour delivery from a store near you', signIn: 'Sign in', home: 'Home', cart: 'Cart', orders: 'Orders', me: 'Me', soon: 'Products, live rooms and hour delivery arrive with the next modules.' },
};

const zh: typeof en = {
  app: { name: 'Flywheel 飞轮', tagline: '全渠道 · 直播 · 达人分销 · 信任保障', language: 'English', logout: '退出登录', docs: 'API 文档' },
  login: { title: '登录管理后台', email: '邮箱', password: '密码', submit: '登录', failed: '登录失败', demo: '演示账号(密码 flywheel-demo)' },
  menu: { home: '首页', orgs: '组织管理', stores: '门店', members: '成员管理', apiKeys: 'API 密钥', webhooks: 'Webhook', audit: '操作日志' },
  role: { operator: '平台运营', brand: '品牌商家', retailer: '零售商', store: '门店店员', creator: '达人', provider: '服务商', platform: '平台运营' },
  kind: { platform: '平台', brand: '品牌', retailer: '零售商', store: '门店', creator: '达人', provider: '服务商' },
  roles: { owner: '所有者', admin: '管理员', staff: '员工', viewer: '只读' },
  figure: {
    members: '成员数', apiKeys: '有效 API 密钥', shoppers: '消费者',
    'orgs.brand': '品牌', 'orgs.retailer': '零售商', 'orgs.store': '门店', 'orgs.creator': '达人', 'orgs.provider': '服务商',
    'webhooks.delivered': 'Webhook 已送达', 'webhooks.failed': 'Webhook 失败',
  },
  home: { welcome: '欢迎,{{name}}', org: '{{org}} · {{role}}', chart: '平台组织分布' },
  common: { name: '名称', kind: '类型', status: '状态', created: '创建时间', actions: '操作', create: '新建', save: '保存', cancel: '取消', delete: '删除', more: '加载更多', city: '城市', area: '面积(m²)', role: '角色', email: '邮箱', lastLogin: '最近登录', search: '搜索' },
  orgs: { create: '入驻新组织', province: '省份', district: '区县', providerType: '服务商类型' },
  members: { add: '添加成员', password: '初始密码' },
  apiKeys: { create: '创建 API 密钥', prefix: '前缀', lastUsed: '最近使用', revoke: '吊销', revoked: '已吊销', secret: '请立即复制密钥:它不会再次显示。' },
  webhooks: { create: '添加地址', url: '地址', events: '事件类型', deliveries: '投递记录', ping: '发送测试', resend: '重新发送', attempts: '尝试次数', lastStatus: '最近状态', event: '事件', secret: '签名密钥(仅显示一次)' },
  audit: { actor: '操作人', action: '动作', object: '对象', request: '请求 ID', time: '时间' },
  shop: { title: 'Flywheel 商城', hello: '你好,{{name}}', guest: '登录后享附近门店 1 小时达', signIn: '登录', home: '首页', cart: '购物车', orders: '订单', me: '我的', soon: '商品、直播间和小时达将随后续模块上线。' },
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('flywheel.lang') : null;

i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'zh-CN': { translation: zh } },
  lng: saved ?? 'zh-CN',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

/** Switches the UI language and remembers it. */
export function setLanguage(lang: 'en' | 'zh-CN'): void {
  localStorage.setItem('flywheel.lang', lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

export default i18n;
