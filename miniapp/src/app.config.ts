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
  pages: [
    'pages/home/index',
    'pages/services/index',
    'pages/wallet/index',
    'pages/me/index',
    'pages/feedback/index',
    'pages/login/index',
    'pages/face/index',
    'pages/medical-insurance/index',
    'pages/social-security/index',
    'pages/housing-fund/index',
    'pages/violations/index',
    'pages/data-access/index',
    'pages/privacy/index',
    'pages/wallet-card/index',
    'pages/present/index',
    'pages/verify/index',
    'pages/health-code/index',
    'pages/health-declare/index',
    'pages/check-in/index',
    'pages/venue/index',
    'pages/family/index',
    'pages/health-transfer/index',
    'pages/health-appeal/index',
    'pages/health-verify/index',
  ],
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
