// App config (read at build time): pages, window and the tab bar, with tab texts from the shared catalogue. A
// development build (login through the WeChat stand-in, config/build-env.ts) has an orange navigation bar and says
// 开发环境 in its title, on every page.
import { zhCN } from '@ysx/shared'

const text = zhCN
const devBuild = Boolean(process.env.TARO_APP_WECHAT_STAND_IN?.trim())

const tab = (name: 'home' | 'services' | 'wallet' | 'me') => ({
  pagePath: `pages/${name}/index`,
  text: text.tabs[name],
  iconPath: `assets/tabbar/${name}.png`,
  selectedIconPath: `assets/tabbar/${name}-active.png`,
})

export default defineAppConfig({
  // The tabs, and the two pages addressed from outside the app, in the main package: 登录 (the WeChat authorize page
  // returns to it) and 扫码签到 (a 场所码 holds its H5 link). Every other page is in a subpackage (分包) of its group, so
  // the main package stays under 1 MB (scripts/check-weapp.ts); page-paths.ts spells each page's path.
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/wallet/index',
    'pages/me/index',
    'pages/login/index',
    'pages/check-in/index',
  ],
  subPackages: [
    {
      root: 'packages/health',
      pages: [
        'health-code/index',
        'health-declare/index',
        'venue/index',
        'family/index',
        'health-transfer/index',
        'health-appeal/index',
        'health-verify/index',
      ],
    },
    { root: 'packages/card', pages: ['wallet-card/index', 'present/index', 'verify/index'] },
    {
      root: 'packages/queries',
      pages: [
        'medical-insurance/index',
        'social-security/index',
        'housing-fund/index',
        'violations/index',
        'data-access/index',
      ],
    },
    { root: 'packages/account', pages: ['feedback/index', 'face/index', 'privacy/index'] },
    // 服务大厅: search results and the lists of a life event or department, the guide, 我的收藏 / 最近使用
    { root: 'packages/hall', pages: ['hall-list/index', 'hall-guide/index', 'hall-mine/index'] },
  ],
  // weapp: 粤康码's and the cards' subpackages download while 首页 shows, so their first open does not wait.
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/health', 'packages/card'] },
  },
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f5f6f8',
    navigationBarBackgroundColor: devBuild ? '#ad4e00' : '#0958d9',
    navigationBarTitleText: devBuild ? `${text.app.name}（${text.app.devBuild}）` : text.app.name,
    navigationBarTextStyle: 'white',
  },
  tabBar: {
    color: '#5f6672',
    selectedColor: '#0958d9',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [tab('home'), tab('services'), tab('wallet'), tab('me')],
  },
})
