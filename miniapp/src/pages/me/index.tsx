// 我的: the login entry, or the masked profile with its level, 实名认证 / full ID number and logout; then the entries.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { ActionSheet, Button, Cell, Tag } from '@nutui/nutui-react-taro'
import { type Locale, LOCALES, type Profile } from '@ysx/shared'
import { useCareMode } from '../../hooks/use-care-mode'
import { useProfile } from '../../hooks/use-profile'
import { currentLocale, useT } from '../../i18n'
import { PAGES } from '../../page-paths'
import './index.scss'
import { chooseLocale, usePageTitle } from '../../i18n/shell'

interface IdentityProps {
  profile: Profile
  fullIdNumber: string | null
  busy: boolean
  onReveal: () => void
  onHide: () => void
}

function Identity({ profile, fullIdNumber, busy, onReveal, onHide }: IdentityProps) {
  const t = useT()
  if (profile.level !== 'real_name') {
    return (
      <View className="ysx-card page-me__card">
        <Text className="page-me__realname-hint">{t('me.realNameHint')}</Text>
        <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: PAGES.face })}>
          {t('me.verify')}
        </Button>
      </View>
    )
  }
  const row = (label: string, value: string | null, className = '') => (
    <View className="page-me__row">
      <Text className="page-me__row-label">{label}</Text>
      <Text className={`page-me__row-value ${className}`}>{value ?? t('me.notRecorded')}</Text>
    </View>
  )
  return (
    <View className="ysx-card page-me__card">
      <Text className="ysx-card__title">{t('me.profile')}</Text>
      {row(t('me.name'), profile.name, 'page-me__name-value')}
      {row(t('me.idNumber'), fullIdNumber ?? profile.idNumber, 'page-me__id-value')}
      {row(t('me.phone'), profile.phone, 'page-me__phone-value')}
      <View className="page-me__reveal">
        <Button
          size="small"
          fill="outline"
          type="primary"
          loading={busy}
          disabled={busy}
          onClick={fullIdNumber ? onHide : onReveal}
        >
          {fullIdNumber ? t('me.hideFull') : busy ? t('me.revealing') : t('me.reveal')}
        </Button>
      </View>
    </View>
  )
}

export default function Me() {
  usePageTitle('me.title')
  const t = useT()
  const me = useProfile()
  const care = useCareMode()
  // 关于: said on the page, not in a pop-up (长辈版 has none).
  const [aboutShown, setAboutShown] = useState(false)
  const openFeedback = () => void Taro.navigateTo({ url: PAGES.feedback })
  const openDataAccess = () => void Taro.navigateTo({ url: PAGES.dataAccess })
  const openVerify = () => void Taro.navigateTo({ url: PAGES.verify })
  const openFamilyRequests = () => void Taro.navigateTo({ url: `${PAGES.family}?view=requests` })
  const openPrivacy = () => void Taro.navigateTo({ url: PAGES.privacy })
  const [choosingLanguage, setChoosingLanguage] = useState(false)
  const chooseLanguage = (locale: Locale) => {
    setChoosingLanguage(false)
    void chooseLocale(locale)
  }
  const profile = me.status === 'ready' ? me.profile : null
  const realName = profile?.level === 'real_name'

  return (
    <View className={`ysx-page page-me ${care.rootClass}`}>
      <View className="page-me__band">
        <View className="page-me__avatar">
          <Text className="page-me__avatar-glyph">{t('app.name').slice(0, 1)}</Text>
        </View>
        <View className="page-me__who">
          <Text className="page-me__name">
            {profile
              ? (profile.name ?? t('me.wechatUser'))
              : me.status === 'loading'
                ? t('common.loading')
                : t('me.notLoggedIn')}
          </Text>
          {profile ? (
            <View className="page-me__level">
              <Tag className="page-me__tag" type={realName ? 'success' : 'warning'} round>
                {realName ? t('me.levelRealName') : t('me.levelBasic')}
              </Tag>
            </View>
          ) : (
            <Text className="page-me__hint">{t('me.loginHint')}</Text>
          )}
        </View>
      </View>
      {profile ? (
        <Identity
          profile={profile}
          fullIdNumber={me.fullIdNumber}
          busy={me.busy}
          onReveal={me.reveal}
          onHide={me.hideIdNumber}
        />
      ) : me.status === 'anonymous' ? (
        <View className="ysx-card page-me__card">
          <Button type="primary" block size="large" onClick={() => void Taro.navigateTo({ url: PAGES.login })}>
            {t('me.login')}
          </Button>
        </View>
      ) : null}
      {me.failure ? <Text className="page-me__failure">{me.failure}</Text> : null}
      <Cell.Group className="page-me__entries">
        {realName ? <Cell title={t('me.dataAccess')} extra="›" clickable onClick={openDataAccess} /> : null}
        {realName ? <Cell title={t('me.familyRequests')} extra="›" clickable onClick={openFamilyRequests} /> : null}
        {profile ? <Cell title={t('me.privacy')} extra="›" clickable onClick={openPrivacy} /> : null}
        <Cell title={t('me.verifyCertificate')} extra="›" clickable onClick={openVerify} />
        <Cell title={t('me.feedback')} extra="›" clickable onClick={openFeedback} />
        <Cell
          className="page-me__care"
          title={t('me.elderMode')}
          extra={`${care.care ? t('home.care.on') : t('home.care.off')} ›`}
          clickable
          onClick={care.toggle}
        />
        <Cell
          className="page-me__language"
          title={t('me.language')}
          extra={`${t(`me.languages.${currentLocale()}`)} ›`}
          clickable
          onClick={() => setChoosingLanguage(!choosingLanguage)}
        />
        {care.care && choosingLanguage
          ? // 长辈版 has no pop-ups: the languages open in the list, under 语言.
            LOCALES.map((locale) => (
              <Cell
                key={locale}
                className="page-me__language-option"
                title={`${locale === currentLocale() ? '✓ ' : ''}${t(`me.languages.${locale}`)}`}
                clickable
                onClick={() => chooseLanguage(locale)}
              />
            ))
          : null}
        <Cell
          className="page-me__about"
          title={t('me.about')}
          extra={aboutShown ? '⌃' : '›'}
          clickable
          onClick={() => setAboutShown(!aboutShown)}
        />
      </Cell.Group>
      {aboutShown ? <Text className="page-me__about-text">{t('me.aboutText')}</Text> : null}
      {profile ? (
        <View className="page-me__logout">
          <Button block size="large" disabled={me.busy} onClick={me.logout}>
            {t('me.logout')}
          </Button>
        </View>
      ) : null}
      <ActionSheet
        visible={choosingLanguage && !care.care}
        title={t('me.languageTitle')}
        options={LOCALES.map((locale) => ({
          name: `${locale === currentLocale() ? '✓ ' : ''}${t(`me.languages.${locale}`)}`,
        }))}
        onSelect={(_option, index) => {
          const chosen = LOCALES[index]
          if (chosen) chooseLanguage(chosen)
        }}
        cancelText={t('common.cancel')}
        onCancel={() => setChoosingLanguage(false)}
      />
    </View>
  )
}
