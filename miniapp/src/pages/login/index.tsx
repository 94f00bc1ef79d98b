// 登录: the 微信登录 button (H5: through the WeChat authorize page; weapp: Taro.login), and why it failed if it did.
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { PageHeader } from '../../components/page-header'
import { useLogin } from '../../hooks/use-login'
import { useT } from '../../i18n'
import { usePageTitle } from '../../i18n/shell'
import './index.scss'
import { careClass } from '../../hooks/use-care-mode'

export default function Login() {
  usePageTitle('login.title')
  const t = useT()
  const login = useLogin()
  const busy = login.phase !== 'idle'
  const label =
    login.phase === 'redirecting'
      ? t('login.redirecting')
      : login.phase === 'loggingIn'
        ? t('login.loggingIn')
        : t('login.wechat')

  return (
    <View className={`ysx-page page-login ${careClass()}`}>
      <PageHeader title={t('login.heading')} subtitle={t('app.slogan')} />
      <View className="ysx-card">
        <Text className="page-login__intro">{t('login.intro')}</Text>
        <View className="page-login__action">
          <Button
            className="page-login__wechat"
            type="primary"
            block
            size="large"
            loading={busy}
            disabled={busy}
            onClick={login.loginWithWechat}
          >
            {label}
          </Button>
        </View>
        {login.failure ? <Text className="page-login__failure">{login.failure}</Text> : null}
      </View>
      <View className="page-login__notice">
        <Text>{t('login.notice')}</Text>
      </View>
    </View>
  )
}
