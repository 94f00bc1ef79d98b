// 办事指南 (?code=): what a service is for, who handles it and how (零跑动 / 跑一次 / 窗口), each material with its evidence
// level said in words and 免证办 where a wallet certificate stands in for the paper, the time limits, the fee and the
// legal basis; 收藏 for a signed-in citizen. Opened signed in, it becomes their most recent service.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { promisedDays } from '../../../components/service-row'
import { QueryView } from '../../../components/query-view'
import { Row } from '../../../components/query-rows'
import { certificateTitle, formatYuan } from '../../../format'
import { careClass } from '../../../hooks/use-care-mode'
import { useGuide } from '../../../hooks/use-hall'
import { currentLocale, departmentName, useT } from '../../../i18n'
import { usePageTitle } from '../../../i18n/shell'
import { PAGES } from '../../../page-paths'
import type { ServiceGuide } from '../../../services/hall'
import './index.scss'

function Materials({ guide }: { guide: ServiceGuide }) {
  const t = useT()
  return (
    <View className="ysx-card page-hall-guide__materials">
      <Text className="ysx-card__title">{t('services.guide.materials')}</Text>
      {guide.materials.length === 0 ? (
        <Text className="page-hall-guide__note">{t('services.guide.noMaterials')}</Text>
      ) : (
        guide.materials.map((m) => (
          <View key={m.name} className="page-hall-guide__material">
            <Text className="page-hall-guide__material-name">{m.name}</Text>
            <Text className="page-hall-guide__evidence">{t(`services.evidence.${m.evidence}`)}</Text>
            {m.credential ? (
              <Text className="page-hall-guide__paperless">
                {t('services.guide.replacedBy', { certificate: certificateTitle(m.credential, m.name) })}
              </Text>
            ) : null}
          </View>
        ))
      )}
    </View>
  )
}

function Favourite({ guide }: { guide: ReturnType<typeof useGuide> }) {
  const t = useT()
  if (guide.favourite === null)
    return (
      <Button
        className="page-hall-guide__favourite"
        block
        fill="outline"
        type="primary"
        onClick={() => void Taro.navigateTo({ url: PAGES.login })}
      >
        {t('services.guide.signInToFavourite')}
      </Button>
    )
  return (
    <>
      <Button
        className="page-hall-guide__favourite"
        block
        fill={guide.favourite ? 'outline' : 'solid'}
        type="primary"
        loading={guide.busy}
        disabled={guide.busy}
        onClick={() => void guide.toggle()}
      >
        {guide.favourite ? t('services.guide.unfavourite') : t('services.guide.favourite')}
      </Button>
      {guide.favourite ? <Text className="page-hall-guide__state">{t('services.guide.favourited')}</Text> : null}
      {guide.error ? <Text className="page-hall-guide__error">{guide.error}</Text> : null}
    </>
  )
}

export default function ServiceGuidePage() {
  usePageTitle('services.guide.title')
  const t = useT()
  const { params } = useRouter()
  const guide = useGuide(params.code ?? '')
  return (
    <View className={`ysx-page page-hall-guide ${careClass()}`}>
      <QueryView query={guide.query} empty={t('services.list.empty')} rows={6}>
        {(s) => (
          <>
            <View className="ysx-card page-hall-guide__head">
              <Text className="page-hall-guide__name">{s.name}</Text>
              <Text className="page-hall-guide__channel">{t(`services.channels.${s.channel}`)}</Text>
              <Text className="page-hall-guide__note">{t(`services.channelHelp.${s.channel}`)}</Text>
              <Text className="page-hall-guide__summary">{s.summary}</Text>
              <Row label={t('services.guide.authority')} value={s.authority} />
              <Row label={t('services.guide.department')} value={departmentName(s.department)} />
              <Row label={t('services.guide.level')} value={t(`services.levels.${s.level}`)} />
              <Row
                label={t('services.guide.statutory')}
                value={s.limits.statutory === 0 ? t('services.immediate') : promisedDays(s.limits.statutory)}
              />
              <Row label={t('services.guide.promised')} value={promisedDays(s.limits.promised)} />
              <Row
                label={t('services.guide.fee')}
                value={s.fee.yuan === 0 ? t('services.guide.free') : formatYuan(s.fee.yuan)}
              />
              {s.fee.note ? <Text className="page-hall-guide__note">{s.fee.note}</Text> : null}
              <Favourite guide={guide} />
            </View>
            <Materials guide={s} />
            <View className="ysx-card page-hall-guide__basis">
              <Text className="ysx-card__title">{t('services.guide.legalBasis')}</Text>
              {s.legalBasis.map((b) => (
                <Text key={b} className="page-hall-guide__law">
                  {b}
                </Text>
              ))}
            </View>
            {currentLocale() === 'zh-CN' ? null : (
              <Text className="page-hall-guide__data-note">{t('services.guide.dataNote')}</Text>
            )}
          </>
        )}
      </QueryView>
    </View>
  )
}
